import type * as Undici from 'undici';

let loading: Promise<typeof Undici> | undefined;

/**
 * undici, loaded on first use rather than at startup: nothing before the first HeyGen call
 * needs it, and importing it costs a fresh process about a tenth of a second before it can
 * answer initialize and tools/list.
 */
export function undici(): Promise<typeof Undici> {
  return (loading ??= import('undici'));
}

/** `undici.request`, loaded lazily. */
export async function request(
  url: Parameters<typeof Undici.request>[0],
  options?: Parameters<typeof Undici.request>[1],
): Promise<Undici.Dispatcher.ResponseData<null>> {
  return (await undici()).request(url, options) as Promise<Undici.Dispatcher.ResponseData<null>>;
}
