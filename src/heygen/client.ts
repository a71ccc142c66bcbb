import { HeyGenHttp, type HttpOptions } from './http.js';
import { UsersApi } from './api/users.js';
import { VideosApi } from './api/videos.js';
import { VideoAgentsApi } from './api/video-agents.js';
import { TemplatesApi } from './api/templates.js';
import { TranslationsApi } from './api/translations.js';
import { WebhooksApi } from './api/webhooks.js';
import { LipsyncsApi } from './api/lipsyncs.js';
import { AvatarsApi } from './api/avatars.js';
import { VoicesApi } from './api/voices.js';
import { AssetsApi } from './api/assets.js';
import { BatchesApi } from './api/batches.js';
import { StudioApi } from './api/studio.js';

export type HeyGenClientOptions = HttpOptions;

/**
 * The HeyGen v3 client: one object per API key, one typed method per operation, grouped as the
 * API groups them (`client.videos.create`, `client.voices.list`, …). No MCP in here.
 */
export class HeyGenClient {
  readonly http: HeyGenHttp;
  readonly users: UsersApi;
  readonly videos: VideosApi;
  readonly videoAgents: VideoAgentsApi;
  readonly templates: TemplatesApi;
  readonly translations: TranslationsApi;
  readonly webhooks: WebhooksApi;
  readonly lipsyncs: LipsyncsApi;
  readonly avatars: AvatarsApi;
  readonly voices: VoicesApi;
  readonly assets: AssetsApi;
  readonly studio: StudioApi;
  readonly batches: BatchesApi;

  constructor(opts: HeyGenClientOptions) {
    this.http = new HeyGenHttp(opts);
    this.users = new UsersApi(this.http);
    this.videos = new VideosApi(this.http);
    this.videoAgents = new VideoAgentsApi(this.http);
    this.templates = new TemplatesApi(this.http);
    this.translations = new TranslationsApi(this.http);
    this.webhooks = new WebhooksApi(this.http);
    this.lipsyncs = new LipsyncsApi(this.http);
    this.avatars = new AvatarsApi(this.http);
    this.voices = new VoicesApi(this.http);
    this.assets = new AssetsApi(this.http);
    this.studio = new StudioApi(this.http);
    this.batches = new BatchesApi(this.http);
  }
}
