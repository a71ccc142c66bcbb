import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';

/** Event type names of the v3 webhook API (an enum in the request schemas). */
export const WEBHOOK_EVENT_TYPES = [
  'avatar_video.success', 'avatar_video.fail', 'avatar_video_gif.success', 'avatar_video_gif.fail',
  'video_translate.success', 'video_translate.fail', 'video_translate.preflight.validation_failed',
  'video_translate.preflight.download_failed', 'personalized_video', 'instant_avatar.success', 'instant_avatar.fail',
  'photo_avatar_generation.success', 'photo_avatar_generation.fail', 'photo_avatar_train.success', 'photo_avatar_train.fail',
  'photo_avatar_add_motion.success', 'photo_avatar_add_motion.fail', 'proofread_creation.success', 'proofread_creation.fail',
  'live_avatar.success', 'live_avatar.fail', 'avatar_video_caption.success', 'avatar_video_caption.fail',
  'video_agent.success', 'video_agent.fail', 'hyperframes_video.success', 'hyperframes_video.fail',
  'ai_clipping.success', 'ai_clipping.fail', 'batch.finished',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WebhookEndpoint = z.object({
  endpoint_id: z.string(),
  url: z.string(),
  status: z.string().optional(),
  events: z.array(z.string()).optional(),
  created_at: z.string().optional(),
  /** Present only in the answers to create and rotate-secret. */
  secret: z.string().optional(),
});
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>;

const EventType = z.object({ event_type: z.string(), description: z.string().optional() });
const WebhookEvent = z.object({
  event_id: z.string(),
  event_type: z.string(),
  created_at: z.string().optional(),
  event_data: z.record(z.string(), z.unknown()).optional(),
});
export type WebhookEvent = z.output<typeof WebhookEvent>;
const Rotated = z.object({ endpoint_id: z.string(), secret: z.string() });
const Empty = z.object({}).loose();

export interface EndpointCreate { url: string; events?: WebhookEventType[]; entity_id?: string }
/** `events`, when sent, replaces the endpoint's whole list. */
export interface EndpointUpdate { url?: string; events?: WebhookEventType[] }
export interface EventListParams extends PageParams { event_type?: string | undefined; entity_id?: string | undefined }

export class WebhooksApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** GET /v3/webhooks/event-types — unpaged list with descriptions. */
  async eventTypes(opts?: CallOptions): Promise<z.output<typeof EventType>[]> {
    return (await this.http.page({ method: 'GET', path: '/v3/webhooks/event-types' }, EventType, opts)).items;
  }

  /** GET /v3/webhooks/endpoints — cursor paged; secrets are never included. */
  listEndpoints(params: PageParams = {}, opts?: CallOptions): Promise<Page<WebhookEndpoint>> {
    return this.http.page({ method: 'GET', path: '/v3/webhooks/endpoints', query: pageQuery(params) }, WebhookEndpoint, opts);
  }

  /** POST /v3/webhooks/endpoints — the answer carries the signing secret, the only time it is shown. */
  createEndpoint(body: EndpointCreate, opts?: CallOptions): Promise<WebhookEndpoint> {
    return this.http.data({ method: 'POST', path: '/v3/webhooks/endpoints', body }, WebhookEndpoint, opts);
  }

  /** PATCH /v3/webhooks/endpoints/{id} — new URL and/or a replacement event list. */
  updateEndpoint(id: string, body: EndpointUpdate, opts?: CallOptions): Promise<WebhookEndpoint> {
    return this.http.data({ method: 'PATCH', path: `/v3/webhooks/endpoints/${seg(id)}`, body }, WebhookEndpoint, opts);
  }

  /** DELETE /v3/webhooks/endpoints/{id}. */
  async deleteEndpoint(id: string, opts?: CallOptions): Promise<void> {
    await this.http.data({ method: 'DELETE', path: `/v3/webhooks/endpoints/${seg(id)}` }, Empty, opts);
  }

  /** POST /v3/webhooks/endpoints/{id}/rotate-secret — no body; the old secret stops working at once. */
  rotateSecret(id: string, opts?: CallOptions): Promise<z.output<typeof Rotated>> {
    return this.http.data({ method: 'POST', path: `/v3/webhooks/endpoints/${seg(id)}/rotate-secret` }, Rotated, opts);
  }

  /** GET /v3/webhooks/events — delivered events, filterable by type and entity. */
  listEvents(params: EventListParams = {}, opts?: CallOptions): Promise<Page<WebhookEvent>> {
    return this.http.page({ method: 'GET', path: '/v3/webhooks/events', query: { event_type: params.event_type, entity_id: params.entity_id, ...pageQuery(params) } }, WebhookEvent, opts);
  }
}
