import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { pickLook } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'heygen-mcp-dl-'));
let h: Harness;
let look: { look_id: string };
beforeAll(async () => {
  h = await connect({ env: { HEYGEN_MCP_DOWNLOAD_DIR: dir } });
  look = await pickLook(h);
});
afterAll(async () => { await h.close(); rmSync(dir, { recursive: true, force: true }); });
beforeEach(() => { h.sim.clearFaults(); });

async function finishedVideo(extra: Record<string, unknown> = {}): Promise<string> {
  const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: `Download ${Math.random()}`, ...extra });
  h.sim.advance(2_000);
  return video_id;
}
const fileGets = () => h.sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/files/'));

describe('download_video', () => {
  it('streams the MP4 into the download dir with no API key sent to the file host', async () => {
    const id = await finishedVideo();
    h.sim.clearRequests();
    const r = await h.call('download_video', { video_id: id });
    expect(r.isError, textOf(r)).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.path).toBe(join(dir, `${id}.mp4`));
    const bytes = readFileSync(out.path);
    expect(bytes.length).toBe(out.size_bytes);
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const gets = fileGets();
    expect(gets).toHaveLength(1);
    expect(gets[0]!.headers['x-api-key']).toBeUndefined();
    expect(gets[0]!.headers['authorization']).toBeUndefined();
    const link = r.content.find((c: any) => c.type === 'resource_link') as any;
    expect(link.uri).toBe(`file://${out.path}`);
    expect(readdirSync(dir).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('uses a safe custom name and the captioned version on request', async () => {
    const id = await finishedVideo({ captions: 'burned_in' });
    const out = await h.ok('download_video', { video_id: id, filename: 'my clip', captioned: true });
    expect(out.path).toBe(join(dir, 'my clip.mp4'));
  });

  it.each(['../../x', 'a/b.mp4', '..', 'c:\\evil.mp4', '.hidden'])('refuses filename %j before any request (0 HeyGen requests, no file fetched)', async (filename) => {
    const id = await finishedVideo();
    h.sim.clearRequests();
    expect(await h.fails('download_video', { video_id: id, filename })).toMatch(/filename/);
    expect(h.sim.requests).toHaveLength(0);
  });

  it.each([
    ['a NUL (not stripped: x.mp4\\0.txt would become x.mp4.txt)', 'x.mp4\u0000.txt', /filename: must not contain a NUL character/],
    ['a right-to-left override', 'clip\u202Egpj.mp4', /filename: must not contain bidirectional text controls/],
    ['a left-to-right isolate', 'clip\u2066.mp4', /filename: must not contain bidirectional text controls/],
    ['a C1 control (U+0085)', 'clip\u0085.mp4', /filename: must not contain control characters/],
    ['a newline', 'clip\n.mp4', /filename: must not contain control characters/],
  ])('refuses a name with %s, before any request, writing nothing', async (_label, filename, message) => {
    const id = await finishedVideo();
    h.sim.clearRequests();
    const before = readdirSync(dir);
    expect(await h.fails('download_video', { video_id: id, filename })).toMatch(message);
    expect(h.sim.requests).toHaveLength(0);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('never overwrites: an existing file keeps its bytes and the download takes the next free name', async () => {
    const id = await finishedVideo();
    writeFileSync(join(dir, 'taken.mp4'), 'precious');
    const first = await h.ok('download_video', { video_id: id, filename: 'taken.mp4' });
    expect(first.path).toBe(join(dir, 'taken-1.mp4'));
    expect(readFileSync(join(dir, 'taken.mp4'), 'utf8')).toBe('precious');
    const second = await h.ok('download_video', { video_id: id, filename: 'taken.mp4' });
    expect(second.path).toBe(join(dir, 'taken-2.mp4'));
    expect(readFileSync(first.path).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('a file body cut off part-way → says so (not "Unexpected error"), leaves no partial file', async () => {
    const id = await finishedVideo();
    h.sim.fault({ path: '/files/*', kind: 'truncated' });
    const text = await h.fails('download_video', { video_id: id, filename: 'cut.mp4' });
    expect(text).toMatch(/^The file host closed the connection before the whole file arrived \(\d+ of \d+ bytes\); nothing was saved/);
    expect(readdirSync(dir).filter((f) => f.startsWith('cut') || f.endsWith('.part'))).toEqual([]);
  });

  it('a download folder that cannot be used → names the folder and HEYGEN_MCP_DOWNLOAD_DIR (not "Unexpected error")', async () => {
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    const bad = await connect({ simulator: h.sim, env: { HEYGEN_MCP_DOWNLOAD_DIR: join(notADir, 'sub') } });
    try {
      const id = await finishedVideo();
      const text = await bad.fails('download_video', { video_id: id });
      expect(text).toMatch(/^Cannot use the download folder .*plain-file\/sub \(ENOTDIR.*HEYGEN_MCP_DOWNLOAD_DIR/);
    } finally { await bad.close(); }
  });

  it('re-reads the video once for a fresh URL when the link expired', async () => {
    const id = await finishedVideo();
    h.sim.clearRequests();
    h.sim.fault({ path: '/files/*', kind: 'expired_url' });
    const out = await h.ok('download_video', { video_id: id, filename: 'fresh.mp4' });
    expect(readFileSync(out.path).subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(fileGets()).toHaveLength(2);
    expect(h.sim.apiRequests().filter((r) => r.path === `/v3/videos/${id}`)).toHaveLength(2);
  });

  it('gives up after one refresh when the host keeps refusing', async () => {
    const id = await finishedVideo();
    h.sim.clearRequests();
    h.sim.fault({ path: '/files/*', kind: 'expired_url', times: 5 });
    expect(await h.fails('download_video', { video_id: id })).toMatch(/refused the download/);
    expect(fileGets()).toHaveLength(2);
  });

  it('refuses a video that is not finished, naming wait_for_job', async () => {
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Not yet.' });
    expect(await h.fails('download_video', { video_id })).toMatch(/wait_for_job/);
  });

  it('over HTTP returns the URL instead of writing a file', async () => {
    const web = await connect({ simulator: h.sim, transport: 'http', env: { HEYGEN_MCP_DOWNLOAD_DIR: join(dir, 'never') } });
    try {
      const id = await finishedVideo();
      const out = await web.ok('download_video', { video_id: id });
      expect(out.path).toBeUndefined();
      expect(out.video_url).toMatch(/\/files\//);
      expect(readdirSync(dir)).not.toContain('never');
    } finally { await web.close(); }
  });
});
