import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPreviewImage, PreviewError } from '../../src/catalog/preview.js';
import { connect, textOf, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
let server: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

async function serve(status: number, type: string, body: Buffer, withLength = true): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': type, ...(withLength ? { 'content-length': body.length } : {}) });
    res.end(body);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/p.png`;
}

describe('get_avatar_look include_preview_image', () => {
  it('returns the preview as image content, fetched without the API key', async () => {
    h = await connect();
    const look = (await h.ok('list_avatar_looks', { ownership: 'public', limit: 1 })).looks[0];
    const r = await h.call('get_avatar_look', { look_id: look.look_id, include_preview_image: true });
    expect(r.isError).toBeFalsy();
    const img = r.content.find((c) => c.type === 'image') as { data: string; mimeType: string } | undefined;
    expect(img?.mimeType).toBe('image/jpeg');
    const bytes = Buffer.from(img!.data, 'base64');
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(bytes.length).toBeLessThanOrEqual(1024 * 1024);
    const file = h.sim.requests.find((q) => q.path.startsWith('/files/'));
    expect(file).toBeDefined();
    expect(file!.headers['x-api-key']).toBeUndefined();
  });

  it('still answers with the look when the preview cannot be fetched, and says why', async () => {
    h = await connect();
    const look = (await h.ok('list_avatar_looks', { ownership: 'public', limit: 1 })).looks[0];
    h.sim.fault({ path: '/files/*', kind: 'html', status: 502 });
    const r = await h.call('get_avatar_look', { look_id: look.look_id, include_preview_image: true });
    expect(r.isError).toBeFalsy();
    expect(r.content.some((c) => c.type === 'image')).toBe(false);
    expect(textOf(r)).toMatch(/Preview image not attached/);
  });
});

describe('fetchPreviewImage', () => {
  it('refuses an image over the cap, whether declared or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    const url = await serve(200, 'image/png', big);
    await expect(fetchPreviewImage(url)).rejects.toThrow(/larger than 1024 KB/);
    await new Promise((r) => server!.close(r));
    const url2 = await serve(200, 'image/png', big, false);
    await expect(fetchPreviewImage(url2, { maxBytes: 1000 })).rejects.toBeInstanceOf(PreviewError);
  });

  it('accepts only image content types', async () => {
    const url = await serve(200, 'text/html', Buffer.from('<html></html>'));
    await expect(fetchPreviewImage(url)).rejects.toThrow(/not an image/);
  });

  it('returns base64 data and the type of a small image', async () => {
    const url = await serve(200, 'image/png; charset=binary', Buffer.from('89504e47', 'hex'));
    await expect(fetchPreviewImage(url)).resolves.toEqual({ data: Buffer.from('89504e47', 'hex').toString('base64'), mimeType: 'image/png', bytes: 4 });
  });
});
