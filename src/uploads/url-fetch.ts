import { lookup as dnsLookup } from 'node:dns/promises';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { isIP, type LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Agent } from 'undici';
import { request, undici } from '../net/undici.js';
import { InputError, ToolRefusal } from '../errors.js';
import { isPublicAddress } from './address.js';
import { mb } from './local-file.js';

export interface ResolvedAddress { address: string; family: number }

/** Seams for tests only: a fake resolver, plain-http loopback servers, and where to really dial. */
export interface UrlFetchTestHooks {
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Lets tests use a local http server; production accepts https only. */
  allowHttpForTests?: boolean;
  /** Maps the vetted address to the one actually dialled (a test server on 127.0.0.1). */
  dialForTests?: (vetted: string) => string;
}

let hooks: UrlFetchTestHooks = {};

/** Test-only: install (or with no argument, remove) the hooks above. */
export function setUrlFetchTestHooks(next?: UrlFetchTestHooks): void {
  hooks = next ?? {};
}

const MAX_REDIRECTS = 3;
const ACCEPTED_TYPES = new Set([
  'image/png', 'image/jpeg', 'image/jpg', 'video/mp4', 'video/webm', 'audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav',
  'audio/wave', 'application/pdf', 'application/x-subrip', 'text/srt', 'text/plain', 'application/octet-stream', 'binary/octet-stream',
]);

/**
 * Parses and vets a URL from a tool argument: https only, no credentials, and every address the
 * host resolves to must be public. Returns the address to connect to, so a second DNS answer
 * (rebinding) cannot redirect the connection.
 */
export async function vetUrl(raw: string, field = 'url'): Promise<{ url: URL; address: ResolvedAddress }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(field, 'must be an absolute https:// URL');
  }
  const httpOk = hooks.allowHttpForTests === true && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !httpOk) throw new ToolRefusal(`Refused ${field}: only https:// URLs can be fetched (got ${url.protocol.replace(/:$/, '')}).`);
  if (url.username || url.password) throw new ToolRefusal(`Refused ${field}: URLs with embedded credentials are not fetched.`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refuse = () => new ToolRefusal(`Refused ${field}: ${url.hostname} is a private, loopback or link-local address; only public hosts can be fetched.`);
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) throw refuse();
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = hooks.lookup ? await hooks.lookup(host) : await dnsLookup(host, { all: true, verbatim: true });
    } catch {
      throw new ToolRefusal(`Refused ${field}: could not resolve ${url.hostname}.`);
    }
  }
  if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) throw refuse();
  return { url, address: addresses[0] as ResolvedAddress };
}

/** A dispatcher whose every connection goes to `address`, whatever DNS says by then. */
async function pinnedAgent(address: ResolvedAddress): Promise<Agent> {
  const { Agent } = await undici();
  const dialled = hooks.dialForTests ? hooks.dialForTests(address.address) : address.address;
  const family = isIP(dialled);
  const lookup: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [{ address: dialled, family }]);
    else cb(null, dialled, family);
  };
  return new Agent({ connect: { lookup }, connections: 1, pipelining: 0 });
}

export interface FetchedFile { dir: string; path: string; size: number }

/**
 * Downloads a URL from a tool argument into a private temp dir, checking every redirect hop,
 * the content type and the size as bytes arrive. The caller removes `dir`.
 */
export async function fetchUrlToTemp(raw: string, maxBytes: number, signal?: AbortSignal, field = 'url'): Promise<FetchedFile> {
  let current = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const { url, address } = await vetUrl(current, field);
    const agent = await pinnedAgent(address);
    try {
      const res = await request(url, {
        method: 'GET', dispatcher: agent, signal,
        headers: { accept: 'image/*, video/*, audio/*, application/pdf, text/plain;q=0.5', 'user-agent': 'heygen-mcp' },
        headersTimeout: 30_000, bodyTimeout: 60_000,
      });
      const location = header(res.headers['location']);
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        await res.body.dump();
        current = new URL(location, url).toString();
        continue;
      }
      if (res.statusCode !== 200) {
        await res.body.dump();
        throw new ToolRefusal(`Could not fetch ${field}: the server answered ${res.statusCode}.`);
      }
      const type = (header(res.headers['content-type']) ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== '' && !ACCEPTED_TYPES.has(type)) {
        discard(res.body);
        throw new ToolRefusal(`Refused ${field}: it serves ${type}, not an image, video, audio, PDF or SRT file.`);
      }
      const declared = Number(header(res.headers['content-length']));
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        throw new ToolRefusal(`Refused ${field}: it is ${mb(declared)}, over the ${mb(maxBytes)} limit.`);
      }
      return await saveCapped(res.body, maxBytes, field);
    } finally {
      void agent.destroy().catch(() => undefined);
    }
  }
  throw new ToolRefusal(`Refused ${field}: more than ${MAX_REDIRECTS} redirects.`);
}

async function saveCapped(body: NodeJS.ReadableStream, maxBytes: number, field: string): Promise<FetchedFile> {
  const dir = await mkdtemp(join(tmpdir(), 'heygen-mcp-'));
  const path = join(dir, 'download');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) cb(new ToolRefusal(`Refused ${field}: the download passed the ${mb(maxBytes)} limit.`));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    return { dir, path, size };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Drops a body we will not read; the connection is torn down with the agent anyway. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
