import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { pickLook, posts } from './helpers.js';

let h: Harness;
let look: { look_id: string };
beforeAll(async () => { h = await connect(); look = await pickLook(h); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); h.sim.clearFaults(); });

describe('get_video / list_videos / delete_video', () => {
  it('get_video reads GET /v3/videos/{id} and returns URLs once completed', async () => {
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Read me.', title: 'Readable' });
    expect(await h.ok('get_video', { video_id })).toMatchObject({ video_id, status: 'pending', title: 'Readable' });
    h.sim.advance(2_000);
    const done = await h.ok('get_video', { video_id });
    expect(done).toMatchObject({ status: 'completed', video_url: expect.stringMatching(/\/files\//), duration: expect.any(Number) });
    expect(h.sim.apiRequests().filter((r) => r.method === 'GET').every((r) => r.path === `/v3/videos/${video_id}` && r.headers['x-api-key'] === h.sim.apiKey)).toBe(true);
  });

  it('list_videos pages with next_token, filters by title and stays compact', async () => {
    for (const t of ['Alpha one', 'Alpha two', 'Beta']) await h.ok('create_avatar_video', { avatar_id: look.look_id, script: `List ${t}`, title: t });
    const a = await h.ok('list_videos', { title: 'Alpha', limit: 1 });
    expect(a.videos).toHaveLength(1);
    expect(a.videos[0].title).toMatch(/Alpha/);
    expect(Object.keys(a.videos[0])).not.toContain('video_url');
    const b = await h.ok('list_videos', { title: 'Alpha', limit: 1, next_token: a.next_token });
    expect(b.videos[0].video_id).not.toBe(a.videos[0].video_id);
    const lists = h.sim.apiRequests().filter((r) => r.method === 'GET' && r.path === '/v3/videos');
    expect(lists[0]!.query).toEqual({ title: 'Alpha', limit: '1' });
    expect(await h.fails('list_videos', { limit: 101 })).toMatch(/limit/);
  });

  it('delete_video sends DELETE and names list_videos for a missing id', async () => {
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Delete me.' });
    expect(await h.ok('delete_video', { video_id })).toEqual({ video_id, deleted: true });
    expect(h.sim.apiRequests().at(-1)).toMatchObject({ method: 'DELETE', path: `/v3/videos/${video_id}` });
    expect(await h.fails('delete_video', { video_id })).toMatch(/list_videos/);
  });

  it('tool annotations follow the kind', async () => {
    const tools = (await h.client.listTools()).tools;
    const ann = (n: string) => tools.find((t) => t.name === n)!.annotations;
    expect(ann('create_avatar_video')).toMatchObject({ readOnlyHint: false, idempotentHint: false, openWorldHint: true });
    expect(ann('delete_video')).toMatchObject({ destructiveHint: true });
    expect(ann('wait_for_job')).toMatchObject({ readOnlyHint: true });
    expect(ann('stop_video_agent_session')).toMatchObject({ destructiveHint: true });
    for (const t of tools) expect(t.description!.length).toBeLessThanOrEqual(200);
  });
});

describe('Video Agent follow-ups', () => {
  it('get, send (chat), list sessions, list videos, stop', async () => {
    const s = await h.ok('create_video_agent', { prompt: 'A chat about a bakery ad.', mode: 'chat' });
    h.sim.advance(1_000);
    const got = await h.call('get_video_agent_session', { session_id: s.session_id, messages: 2 });
    expect(got.structuredContent).toMatchObject({ session_id: s.session_id, status: 'waiting_for_input' });
    expect(h.sim.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: `/v3/video-agents/${s.session_id}` });
    expect((got.structuredContent as any).messages[0].role).toBe('model');
    expect(textOf(got)).toMatch(/send_video_agent_message/);

    h.sim.clearRequests();
    const sent = await h.ok('send_video_agent_message', { session_id: s.session_id, message: 'Go ahead, make it warm.' });
    expect(sent.run_id).toBeTruthy();
    expect(posts(h)[0]).toMatchObject({ path: `/v3/video-agents/${s.session_id}`, body: { message: 'Go ahead, make it warm.' } });

    const sessions = await h.ok('list_video_agent_sessions', { limit: 1 });
    expect(sessions.sessions[0].session_id).toBe(s.session_id);
    expect(sessions.next_token).toBeUndefined();
    const videos = await h.ok('list_video_agent_videos', { session_id: s.session_id });
    expect(videos.videos).toHaveLength(1);

    const gets = h.sim.apiRequests().filter((r) => r.method === 'GET').map((r) => r.path);
    expect(gets).toEqual(['/v3/video-agents', `/v3/video-agents/${s.session_id}/videos`]);
    h.sim.clearRequests();
    expect(await h.ok('stop_video_agent_session', { session_id: s.session_id })).toEqual({ session_id: s.session_id, stopped: true });
    expect(posts(h)[0]).toMatchObject({ path: `/v3/video-agents/${s.session_id}/stop`, body: {} });
  });

  it('a 500 on create names list_video_agent_sessions and is sent once', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/video-agents', kind: 'status', status: 503 });
    const text = await h.fails('create_video_agent', { prompt: 'Ambiguous agent.' });
    expect(text).toMatch(/may have been created/);
    expect(text).toMatch(/list_video_agent_sessions/);
    expect(posts(h, '/v3/video-agents')).toHaveLength(1);
  });

  it('styles filter by tag and page', async () => {
    const a = await h.ok('list_video_agent_styles', { limit: 2 });
    expect(a.styles).toHaveLength(2);
    expect(a.next_token).toBeTruthy();
    const tag = a.styles[0].tags[0];
    const t = await h.ok('list_video_agent_styles', { tag });
    expect(t.styles.every((s: any) => s.tags.includes(tag))).toBe(true);
  });
});

describe('status resources', () => {
  it('reads heygen://videos/{id} and lists recent jobs', async () => {
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Resource.' });
    const r = await h.client.readResource({ uri: `heygen://videos/${video_id}` });
    const body = JSON.parse((r.contents[0] as any).text);
    expect(body).toMatchObject({ kind: 'video', id: video_id, done: false });
    expect(JSON.stringify(body)).not.toContain(h.sim.apiKey);
    const list = await h.client.listResources();
    expect(list.resources.some((x) => x.uri === `heygen://videos/${video_id}`)).toBe(true);
    const c = await h.client.complete({ ref: { type: 'ref/resource', uri: 'heygen://videos/{video_id}' }, argument: { name: 'video_id', value: video_id.slice(0, 4) } });
    expect(c.completion.values).toContain(video_id);
  });

  it('reads heygen://video-agent/sessions/{id}', async () => {
    const s = await h.ok('create_video_agent', { prompt: 'Resource session.' });
    const r = await h.client.readResource({ uri: `heygen://video-agent/sessions/${s.session_id}` });
    expect(JSON.parse((r.contents[0] as any).text)).toMatchObject({ kind: 'video_agent_session', id: s.session_id, status: 'thinking' });
  });
});
