import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

describe('list_voices', () => {
  it('sends language, gender, engine and type to HeyGen as query parameters', async () => {
    h = await connect();
    const r = await h.ok('list_voices', { language: 'English', gender: 'female', engine: 'starfish', type: 'public', limit: 10 });
    expect(r.voices).toHaveLength(10);
    for (const v of r.voices) expect(v).toMatchObject({ language: 'English', gender: 'female' });
    const reqs = h.sim.apiRequests();
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ method: 'GET', path: '/v3/voices', query: { language: 'English', gender: 'female', engine: 'starfish', type: 'public', limit: '10' } });
    expect(typeof r.next_token).toBe('string');
  });

  it('pages by next_token without overlap, through HeyGen cursors', async () => {
    h = await connect();
    const a = await h.ok('list_voices', { language: 'German', limit: 20 });
    const b = await h.ok('list_voices', { language: 'German', limit: 20, next_token: a.next_token });
    const ids = (x: any) => x.voices.map((v: any) => v.voice_id);
    expect(ids(b)).toHaveLength(20);
    expect(ids(a).filter((id: string) => ids(b).includes(id))).toEqual([]);
    expect(h.sim.apiRequests()[1]!.query).toMatchObject({ token: a.next_token, language: 'German' });
  });

  it('answers a name query from the cached catalog, paging with a local cursor', async () => {
    h = await connect();
    const a = await h.ok('list_voices', { language: 'English', gender: 'female', query: 'warm', limit: 5 });
    const loads = h.sim.apiRequests().length;
    expect(loads).toBeGreaterThan(1);
    for (const r of h.sim.apiRequests()) expect(r.query).toMatchObject({ language: 'English', gender: 'female', limit: '100' });
    expect(a.next_token).toMatch(/^lc1\./);
    for (const v of a.voices) expect(v.name.toLowerCase()).toContain('warm');
    const b = await h.ok('list_voices', { language: 'English', gender: 'female', query: 'warm', limit: 5, next_token: a.next_token });
    expect(b.voices.map((v: any) => v.voice_id)).not.toContain(a.voices[0].voice_id);
    expect(h.sim.apiRequests()).toHaveLength(loads);
  });

  it('rejects a local cursor reused with another query, before any request', async () => {
    h = await connect();
    const a = await h.ok('list_voices', { language: 'English', query: 'a', limit: 2 });
    h.sim.clearRequests();
    const text = await h.fails('list_voices', { language: 'English', query: 'b', next_token: a.next_token });
    expect(text).toMatch(/next_token/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('caps limit at 100: limit 500 is rejected naming the field, with no request', async () => {
    h = await connect();
    const text = await h.fails('list_voices', { limit: 500 });
    expect(text).toMatch(/limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('defaults to a page of 25 and keeps a 100-item page far below 25k tokens', async () => {
    h = await connect();
    const r = await h.ok('list_voices', {});
    expect(r.voices).toHaveLength(25);
    const big = await h.call('list_voices', { limit: 100 });
    const chars = JSON.stringify(big.content).length;
    expect(chars / 4).toBeLessThan(12_000);
  });
});

describe('get_voice', () => {
  it('returns one voice and reports an unknown id with the tool to find ids', async () => {
    h = await connect();
    const list = await h.ok('list_voices', { limit: 1 });
    const id = list.voices[0].voice_id;
    const v = await h.ok('get_voice', { voice_id: id });
    expect(v).toMatchObject({ voice_id: id, name: list.voices[0].name, language: list.voices[0].language });
    expect(h.sim.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: `/v3/voices/${id}` });
    const text = await h.fails('get_voice', { voice_id: 'no_such_voice' });
    expect(text).toMatch(/list_voices/);
  });

  it('rejects an id with path characters before any request', async () => {
    h = await connect();
    const text = await h.fails('get_voice', { voice_id: '../users/me' });
    expect(text).toMatch(/voice_id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
