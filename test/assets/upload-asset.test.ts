import { createHash } from 'node:crypto';
import { mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setMultipartThresholdForTests } from '../../src/uploads/upload.js';
import { connect, ERAS, type Harness } from '../helpers/harness.js';
import { JPEG, MP3, MP4, PNG, SRT, tempDir } from './fixtures.js';

let root: string;
let h: Harness;

beforeAll(async () => {
  root = await tempDir();
  h = await connect({ env: { HEYGEN_MCP_UPLOAD_ROOTS: root } });
});
afterAll(async () => {
  await h.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(() => {
  setMultipartThresholdForTests();
  h.sim.clearRequests();
});

function multipartFilePart(raw: Buffer): { head: string; data: Buffer } {
  const start = raw.indexOf('\r\n\r\n');
  const boundary = raw.subarray(0, raw.indexOf('\r\n')).toString();
  const end = raw.indexOf(`\r\n${boundary}--`);
  return { head: raw.subarray(0, start).toString(), data: raw.subarray(start + 4, end) };
}

describe('upload_asset', () => {
  it('uploads a local file through POST /v3/assets as one multipart part named file, bytes intact', async () => {
    const bytes = PNG(5000);
    await writeFile(join(root, 'face.png'), bytes);
    const out = await h.ok('upload_asset', { path: join(root, 'face.png') });
    expect(out).toMatchObject({ mime_type: 'image/png' });
    expect(out.asset_id).toMatch(/\w+/);
    const reqs = h.sim.apiRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/assets']);
    const req = reqs[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(Number(req.headers['content-length'])).toBe(req.rawBody.length);
    const part = multipartFilePart(req.rawBody);
    expect(part.head).toContain('name="file"; filename="face.png"');
    expect(part.head).toContain('Content-Type: image/png');
    expect(part.data.equals(bytes)).toBe(true);
  });

  it('takes the type from the bytes, not the name, and fixes the extension', async () => {
    await writeFile(join(root, 'song.txt'), MP3(300));
    const out = await h.ok('upload_asset', { path: join(root, 'song.txt') });
    expect(out.mime_type).toBe('audio/mpeg');
    expect(multipartFilePart(h.sim.apiRequests()[0]!.rawBody).head).toContain('filename="song.mp3"');
  });

  it('resolves a relative path against the upload roots, not the working directory', async () => {
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(root, 'sub', 'captions.srt'), SRT);
    const out = await h.ok('upload_asset', { path: 'sub/captions.srt' });
    expect(out.mime_type).toBe('application/x-subrip');
  });

  it('uploads base64 content with the given filename', async () => {
    const bytes = JPEG(400);
    const out = await h.ok('upload_asset', { base64: bytes.toString('base64'), filename: 'portrait.jpeg' });
    expect(out).toMatchObject({ mime_type: 'image/jpeg' });
    const part = multipartFilePart(h.sim.apiRequests()[0]!.rawBody);
    expect(part.head).toContain('filename="portrait.jpeg"');
    expect(part.data.equals(bytes)).toBe(true);
  });

  it('uses direct upload above the multipart threshold: slot, PUT without the API key, complete', async () => {
    setMultipartThresholdForTests(1024);
    const bytes = MP4(8000);
    await writeFile(join(root, 'clip.mp4'), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const out = await h.ok('upload_asset', { path: join(root, 'clip.mp4') });
    expect(out).toMatchObject({ mime_type: 'video/mp4' });
    const id = out.asset_id as string;
    const seen = h.sim.requests.map((r) => `${r.method} ${r.path.replace(id, ':id')}`);
    expect(seen).toEqual(['POST /v3/assets/direct-uploads', 'PUT /uploads/:id', 'POST /v3/assets/:id/complete']);
    const [slot, put, complete] = h.sim.requests;
    expect(slot!.body).toEqual({ filename: 'clip.mp4', content_type: 'video/mp4', size_bytes: bytes.length, checksum_sha256: sha });
    expect(put!.headers['x-api-key']).toBeUndefined();
    expect(put!.headers['content-type']).toBe('video/mp4');
    expect(put!.headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha, 'hex').toString('base64'));
    expect(put!.headers['content-length']).toBe(String(bytes.length));
    expect(complete!.body).toEqual({ checksum_sha256: sha });
    expect(complete!.headers['x-api-key']).toBe(h.sim.apiKey);
  });

  it('stays on multipart at exactly the threshold', async () => {
    setMultipartThresholdForTests(1024);
    await writeFile(join(root, 'edge.png'), PNG(1016));
    const out = await h.ok('upload_asset', { path: join(root, 'edge.png') });
    expect(out.asset_id).toMatch(/\w+/);
    expect(h.sim.requests.map((r) => `${r.method} ${r.path}`)).not.toContain('POST /v3/assets/direct-uploads');
    expect(h.sim.apiRequests().at(-1)?.path).toBe('/v3/assets');
  });

  it('reports a storage refusal of the PUT without leaking the body', async () => {
    setMultipartThresholdForTests(1024);
    await writeFile(join(root, 'clip2.mp4'), MP4(4000));
    h.sim.fault({ method: 'PUT', path: '/uploads/*', kind: 'status', status: 403 });
    const text = await h.fails('upload_asset', { path: join(root, 'clip2.mp4') });
    expect(text).toMatch(/storage URL refused the upload/);
    expect(h.sim.apiRequests().map((r) => r.path)).toEqual(['/v3/assets/direct-uploads']);
  });

  it('maps a HeyGen 413 on multipart to an error, without retrying the upload', async () => {
    await writeFile(join(root, 'x.png'), PNG(100));
    h.sim.fault({ method: 'POST', path: '/v3/assets', kind: 'status', status: 500, times: 3 });
    const text = await h.fails('upload_asset', { path: join(root, 'x.png') });
    expect(text).toMatch(/500/);
    expect(h.sim.apiRequests()).toHaveLength(1);
  });

  it('requires exactly one of path, url, base64 — with no request', async () => {
    expect(await h.fails('upload_asset', {})).toMatch(/Invalid path: give one of path, url or base64/);
    expect(await h.fails('upload_asset', { path: join(root, 'face.png'), base64: 'AAAA' })).toMatch(/only one/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('refuses a file over the direct-upload limit by its size, before reading it', async () => {
    const huge = join(root, 'huge.mp4');
    await writeFile(huge, MP4(10));
    await truncate(huge, 6 * 1024 * 1024 * 1024); // sparse: costs no disk
    expect(await h.fails('upload_asset', { path: huge })).toMatch(/over the .* upload limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('upload_asset with client roots', () => {
  it.each(ERAS)('accepts files under the client\'s MCP roots (file:// URIs), asked through input_required or roots/list (%s)', async (era) => {
    const clientRoot = await tempDir();
    const h2 = await connect({ era });
    h2.roots.push({ uri: `file://${clientRoot}`, name: 'project' });
    try {
      await writeFile(join(clientRoot, 'a.png'), PNG());
      expect((await h2.ok('upload_asset', { path: join(clientRoot, 'a.png') })).mime_type).toBe('image/png');
      expect(await h2.fails('upload_asset', { path: join(root, 'face.png') })).toMatch(/outside the allowed upload roots/);
    } finally {
      await h2.close();
      await rm(clientRoot, { recursive: true, force: true });
    }
  });

  it('without any roots, explains how to allow local uploads', async () => {
    const h3 = await connect();
    try {
      expect(await h3.fails('upload_asset', { path: '/tmp/a.png' })).toMatch(/HEYGEN_MCP_UPLOAD_ROOTS/);
      expect(h3.sim.apiRequests()).toHaveLength(0);
    } finally {
      await h3.close();
    }
  });
});
