import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Upstream } from '../runtime.js';
import type { MemoryStateProvider } from '../state/memory.js';

export interface HttpServeOptions {
  config: Config;
  upstream: Upstream;
  states: MemoryStateProvider;
  log: Logger;
}

/** Streamable HTTP and legacy SSE. Placeholder until hosted mode lands: refuses clearly. */
export async function serveHttp(opts: HttpServeOptions): Promise<void> {
  opts.log.error('HTTP transport is not available in this build yet; use stdio.');
  process.exit(2);
}
