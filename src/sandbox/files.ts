import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Media fixtures served under /files/. */
export const FIXTURES: Record<string, string> = {
  'sample.mp4': 'video/mp4',
  'sample-portrait.mp4': 'video/mp4',
  'sample.webm': 'video/webm',
  'speech.mp3': 'audio/mpeg',
  'speech.wav': 'audio/wav',
  'captions.srt': 'application/x-subrip',
  'preview.jpg': 'image/jpeg',
  'preview.png': 'image/png',
  'preview.gif': 'image/gif',
};

const FIXTURE_DIR = new URL('../../assets/sandbox/', import.meta.url);
const cache = new Map<string, Buffer>();

export function readFixture(name: string): Buffer | undefined {
  if (!Object.hasOwn(FIXTURES, name)) return undefined;
  let buf = cache.get(name);
  if (!buf) {
    buf = readFileSync(new URL(name, FIXTURE_DIR));
    cache.set(name, buf);
  }
  return buf;
}

/** Signs and checks presigned-like download URLs of the form /files/<prefix>__<fixture>?expires=&sig=. */
export class FileSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly baseUrl: () => string,
    private readonly nowMs: () => number,
    private readonly ttlSeconds: number,
  ) {}

  private sig(name: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${name}\n${expires}`).digest('hex').slice(0, 40);
  }

  /** URL for `fixture` under a unique, readable name like `<id>__sample.mp4`. */
  url(id: string, fixture: string): string {
    const name = `${id.replace(/[^A-Za-z0-9_-]/g, '_')}__${fixture}`;
    const expires = Math.floor(this.nowMs() / 1000) + this.ttlSeconds;
    return `${this.baseUrl()}/files/${name}?expires=${expires}&sig=${this.sig(name, expires)}`;
  }

  /** Returns the fixture name when the URL is valid and not expired; a reason otherwise. */
  check(name: string, query: Record<string, string>): { fixture: string } | { error: string } {
    const expires = Number(query['expires']);
    const sig = query['sig'] ?? '';
    if (!Number.isInteger(expires) || !/^[0-9a-f]{40}$/.test(sig)) return { error: 'Request has missing or malformed signature parameters' };
    const want = Buffer.from(this.sig(name, expires));
    if (!timingSafeEqual(want, Buffer.from(sig))) return { error: 'The request signature we calculated does not match the signature you provided' };
    if (expires * 1000 < this.nowMs()) return { error: 'Request has expired' };
    const fixture = name.includes('__') ? name.slice(name.lastIndexOf('__') + 2) : name;
    if (!Object.hasOwn(FIXTURES, fixture)) return { error: 'The specified key does not exist' };
    return { fixture };
  }
}

export function s3Error(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>sandbox</HostId></Error>`;
}
