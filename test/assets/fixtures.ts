import { randomBytes } from 'node:crypto';
import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Small files whose first bytes say what they are. */
export const PNG = (n = 200) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(n)]);
export const JPEG = (n = 200) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n)]);
export const MP3 = (n = 200) => Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), randomBytes(n)]);
export const WAV = (n = 200) => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), randomBytes(n)]);
export const MP4 = (n = 200) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), randomBytes(n)]);
export const SRT = Buffer.from('1\n00:00:01,000 --> 00:00:02,500\nHello there\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n');
export const HTML = Buffer.from('<!doctype html><html><body>not media</body></html>');

export async function tempDir(prefix = 'heygen-mcp-test-'): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}
