import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import { Video } from './videos.js';

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string().optional(),
  aspect_ratio: z.string().optional(),
  created_at: z.number().optional(),
  updated_at: z.number().optional(),
  thumbnail_url: z.string().optional(),
});

/** A variable's default, in the same shape the generate request takes back. */
export const TemplateVariable = z.object({
  name: z.string().optional(),
  type: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type TemplateVariable = z.output<typeof TemplateVariable>;

export const Template = TemplateSummary.extend({
  scene_ids: z.array(z.string()).optional(),
  scenes: z.array(z.object({
    scene_id: z.string(),
    script: z.string().optional(),
    variables: z.array(z.object({ name: z.string(), variable_type: z.string().optional() })).optional(),
  })).optional(),
  variables: z.record(z.string(), TemplateVariable).optional(),
});
export type Template = z.output<typeof Template>;

export interface TemplateGenerateBody {
  variables: Record<string, { name: string; type: string; properties: Record<string, unknown> }>;
  title?: string;
  caption?: boolean;
  include_gif?: boolean;
  enable_sharing?: boolean;
  folder_id?: string;
  fps?: 25 | 30 | 60;
  brand_voice_id?: string;
  callback_id?: string;
  callback_url?: string;
  keep_text_vertically_centered?: boolean;
  reorder_music?: boolean;
  scene_ids?: string[];
  dimension?: { width: number; height: number };
  subtitles?: { preset_name: string; alignment?: number; disable_highlight?: boolean; font_size?: number; position?: { x?: number; y?: number } };
}

export class TemplatesApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** GET /v3/templates — API-ready templates, cursor paged. */
  list(params: PageParams = {}, opts?: CallOptions): Promise<Page<z.output<typeof TemplateSummary>>> {
    return this.http.page({ method: 'GET', path: '/v3/templates', query: pageQuery(params) }, TemplateSummary, opts);
  }

  /** GET /v3/templates/{id} — variables with defaults, and scenes. */
  get(templateId: string, opts?: CallOptions): Promise<Template> {
    return this.http.data({ method: 'GET', path: `/v3/templates/${seg(templateId)}` }, Template, opts);
  }

  /** POST /v3/templates/{id} — renders a video; spends credits. */
  generate(templateId: string, body: TemplateGenerateBody, opts?: CallOptions): Promise<Video> {
    return this.http.data({ method: 'POST', path: `/v3/templates/${seg(templateId)}`, body }, Video, opts);
  }
}
