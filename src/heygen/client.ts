import { HeyGenHttp, type HttpOptions } from './http.js';
import { UsersApi } from './api/users.js';

export type HeyGenClientOptions = HttpOptions;

/**
 * The HeyGen v3 client: one object per API key, one typed method per operation, grouped as the
 * API groups them (`client.videos.create`, `client.voices.list`, …). No MCP in here.
 */
export class HeyGenClient {
  readonly http: HeyGenHttp;
  readonly users: UsersApi;

  constructor(opts: HeyGenClientOptions) {
    this.http = new HeyGenHttp(opts);
    this.users = new UsersApi(this.http);
  }
}
