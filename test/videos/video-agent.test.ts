import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { PNG, SRT } from '../assets/fixtures.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

const PROMPT = 'FORMAT: 45-second explainer, 16:9.\nTONE: warm, confident.\nSCENE 1 — A-ROLL: the presenter greets the viewer and names the problem.';

describe('create_video_agent', () => {
  it('POSTs /v3/video-agents with the v3 body and returns the session with a status link', async () => {
    h.sim.clearRequests();
    const styles = await h.ok('list_video_agent_styles', { limit: 3 });
    const style = styles.styles[0].style_id as string;
    const r = await h.call('create_video_agent', { prompt: PROMPT, style_id: style, orientation: 'portrait', files: ['https://cdn.example.com/logo.png', `data:image/png;base64,${PNG(16).toString('base64')}`, `data:text/plain;base64,${SRT.toString('base64')}`] });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.session_id).toMatch(/^[0-9a-f]+$/);
    expect(out.status).toBe('thinking');
    const post = h.sim.apiRequests().filter((q) => q.method === 'POST');
    expect(post).toHaveLength(1);
    expect(post[0]!.path).toBe('/v3/video-agents');
    expect(post[0]!.headers['x-api-key']).toBe(h.sim.apiKey);
    expect(post[0]!.headers['content-type']).toBe('application/json');
    expect(post[0]!.body).toEqual({ prompt: PROMPT, style_id: style, orientation: 'portrait', files: [{ type: 'url', url: 'https://cdn.example.com/logo.png' }, { type: 'base64', media_type: 'image/png', data: expect.any(String) }, { type: 'base64', media_type: 'application/x-subrip', data: SRT.toString('base64') }] });
    const link = r.content.find((c) => c.type === 'resource_link') as any;
    expect(link.uri).toBe(`heygen://video-agent/sessions/${out.session_id}`);
    expect(textOf(r)).toMatch(/wait_for_job/);
  });

  it('refuses an empty or oversized prompt and a bad enum with no request', async () => {
    h.sim.clearRequests();
    expect(await h.fails('create_video_agent', { prompt: '   ' })).toMatch(/prompt/);
    expect(await h.fails('create_video_agent', { prompt: 'x'.repeat(10_001) })).toMatch(/prompt/);
    expect(await h.fails('create_video_agent', { prompt: 'hi', orientation: 'square' })).toMatch(/orientation/);
    expect(await h.fails('create_video_agent', { prompt: 'hi', avatar_id: '../etc' })).toMatch(/avatar_id/);
    expect(await h.fails('create_video_agent', { prompt: 'hi', files: ['http://insecure.example.com/a.png'] })).toMatch(/files\.0/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
