import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => { h = await harness({ apiKeys: ['sk_a', 'sk_b'], lowCreditKeys: ['sk_b'] }); });
afterAll(async () => { await h.sim.close(); });

async function firstLook(): Promise<any> {
  const r = await h.call('GET', '/v3/avatars/looks?ownership=public&limit=1');
  return r.json.data[0];
}

describe('auth and envelopes', () => {
  it('rejects a missing key with 401 unauthorized and a wrong key with invalid_credentials', async () => {
    const missing = await h.call('GET', '/v3/users/me', undefined, null);
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe('unauthorized');
    expect(missing.headers.get('x-request-id')).toMatch(/^req_/);
    const wrong = await h.call('GET', '/v3/users/me', undefined, 'sk_nope');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('invalid_credentials');
  });

  it('answers unknown routes with 404 not_found and wrong methods with 405', async () => {
    const r = await h.call('GET', '/v3/nothing-here');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
    const m = await h.call('PUT', '/v3/videos');
    expect(m.status).toBe(405);
    expect(m.headers.get('allow')).toContain('POST');
  });

  it('reports the wallet on /v3/users/me and decrements it on creates', async () => {
    const me = await h.call('GET', '/v3/users/me');
    expect(me.json.data.billing_type).toBe('wallet');
    const before = me.json.data.wallet.remaining_balance as number;
    const look = await firstLook();
    const v = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: look.id, script: 'Hello' });
    expect(v.status).toBe(200);
    const after = (await h.call('GET', '/v3/users/me')).json.data.wallet.remaining_balance as number;
    expect(after).toBeLessThan(before);
  });

  it('answers 402 insufficient_credit for low-credit keys', async () => {
    const look = await firstLook();
    const r = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: look.id, script: 'Hi' }, 'sk_b');
    expect(r.status).toBe(402);
    expect(r.json.error.code).toBe('insufficient_credit');
  });
});

describe('paging and filters', () => {
  it('walks the whole voice catalog with next_token and keeps filters', async () => {
    const seen = new Set<string>();
    let token: string | null = null;
    let pages = 0;
    do {
      const q: string = `/v3/voices?engine=starfish&language=Spanish&limit=100${token ? `&token=${encodeURIComponent(token)}` : ''}`;
      const r = await h.call('GET', q);
      expect(r.status).toBe(200);
      for (const v of r.json.data) { expect(v.language).toBe('Spanish'); seen.add(v.voice_id); }
      token = r.json.next_token;
      expect(r.json.has_more).toBe(token !== null);
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('has catalogs at scale', async () => {
    let groups = 0; let token: string | null = null;
    do {
      const r: any = await h.call('GET', `/v3/avatars?ownership=public&limit=50${token ? `&token=${token}` : ''}`);
      groups += r.json.data.length; token = r.json.next_token;
    } while (token);
    expect(groups).toBeGreaterThanOrEqual(120);
    const langs = await h.call('GET', '/v3/video-translations/languages');
    expect(langs.json.data.languages.length).toBeGreaterThanOrEqual(100);
    const styles = await h.call('GET', '/v3/video-agents/styles?limit=100');
    expect(styles.json.data.length).toBeGreaterThanOrEqual(30);
    const tagged = await h.call('GET', '/v3/video-agents/styles?tag=cinematic');
    expect(tagged.json.data.every((s: any) => s.tags.includes('cinematic'))).toBe(true);
  });

  it('validates limit and token', async () => {
    const big = await h.call('GET', '/v3/avatars?limit=51');
    expect(big.status).toBe(400);
    expect(big.json.error).toMatchObject({ code: 'invalid_parameter', param: 'limit' });
    const bad = await h.call('GET', '/v3/voices?token=garbage');
    expect(bad.json.error).toMatchObject({ code: 'invalid_parameter', param: 'token' });
    const p1 = await h.call('GET', '/v3/voices?limit=1');
    const other = await h.call('GET', `/v3/avatars?token=${p1.json.next_token}`);
    expect(other.json.error.param).toBe('token');
  });

  it('filters looks by group and avatar_type', async () => {
    const look = await firstLook();
    const r = await h.call('GET', `/v3/avatars/looks?group_id=${look.group_id}&limit=50`);
    expect(r.json.data.length).toBeGreaterThan(0);
    expect(r.json.data.every((l: any) => l.group_id === look.group_id)).toBe(true);
    const twins = await h.call('GET', '/v3/avatars/looks?avatar_type=digital_twin');
    expect(twins.json.data.every((l: any) => l.avatar_type === 'digital_twin')).toBe(true);
    const voice = await h.call('GET', `/v3/voices/${look.default_voice_id}`);
    expect(voice.status).toBe(200);
  });
});

describe('validation', () => {
  it('names the offending field', async () => {
    const look = await firstLook();
    const cases: [unknown, string][] = [
      [{ type: 'nope' }, 'type'],
      [{ type: 'avatar' }, 'avatar_id'],
      [{ type: 'avatar', avatar_id: look.id, script: 'a', audio_url: 'https://x/y.mp3' }, 'audio_url'],
      [{ type: 'avatar', avatar_id: look.id, script: 'a', background: { type: 'color', value: 'blue' } }, 'background.value'],
      [{ type: 'avatar', avatar_id: look.id, script: 'a', background: { type: 'image', url: 'https://x/y.png', asset_id: 'a' } }, 'background.asset_id'],
      [{ type: 'avatar', avatar_id: look.id, script: 'a', motion_prompt: 'wave' }, 'motion_prompt'],
      [{ type: 'avatar', avatar_id: look.id, script: 'a', aspect_ratio: '2:1' }, 'aspect_ratio'],
      [{ type: 'studio', scenes: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' }, duration: 3, script: 'hi', voice_id: look.default_voice_id }] }, 'scenes.0.duration'],
      [{ type: 'studio', scenes: [{ type: 'avatar_video', input: { type: 'avatar' } }] }, 'scenes.0.input.avatar_id'],
    ];
    for (const [body, param] of cases) {
      const r = await h.call('POST', '/v3/videos', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error, JSON.stringify(body)).toMatchObject({ code: 'invalid_parameter', param });
    }
    const json = await fetch(`${h.sim.baseUrl}/v3/videos`, { method: 'POST', headers: { 'x-api-key': h.sim.apiKey }, body: '{oops' });
    expect(((await json.json()) as any).error.param).toBe('body');
  });

  it('uses the specific not-found codes', async () => {
    expect((await h.call('GET', '/v3/videos/nope')).json.error.code).toBe('video_not_found');
    expect((await h.call('GET', '/v3/voices/nope')).json.error.code).toBe('voice_not_found');
    expect((await h.call('GET', '/v3/avatars/looks/nope')).json.error.code).toBe('avatar_not_found');
    const r = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: 'ghost', script: 'x' });
    expect(r.status).toBe(404);
    expect(r.json.error).toMatchObject({ code: 'avatar_not_found', param: 'avatar_id' });
    expect((await h.call('DELETE', '/v3/voices/ghost')).json.error.code).toBe('voice_not_found');
  });

  it('speech needs a starfish voice and returns an audio URL', async () => {
    const v = (await h.call('GET', '/v3/voices?engine=starfish&limit=1')).json.data[0];
    const r = await h.call('POST', '/v3/voices/speech', { text: 'Hello world', voice_id: v.voice_id });
    expect(r.status).toBe(200);
    expect(r.json.data.audio_url).toContain('/files/');
    expect(r.json.data.duration).toBeGreaterThan(0);
    const empty = await h.call('POST', '/v3/voices/speech', { text: '', voice_id: v.voice_id });
    expect(empty.json.error.param).toBe('text');
    const design = await h.call('POST', '/v3/voices', { prompt: 'warm female narrator' });
    expect(design.json.data.voices.length).toBeGreaterThan(0);
    expect(design.json.data.voices.length).toBeLessThanOrEqual(3);
  });

  it('validates template variables and webhook events', async () => {
    const t = (await h.call('GET', '/v3/templates')).json.data[0];
    const full = await h.call('GET', `/v3/templates/${t.id}`);
    expect(Object.keys(full.json.data.variables)).toContain('headline');
    const bad = await h.call('POST', `/v3/templates/${t.id}`, { variables: { nope: { type: 'text', properties: { content: 'x' } } } });
    expect(bad.json.error.param).toBe('variables.nope');
    const wrongType = await h.call('POST', `/v3/templates/${t.id}`, { variables: { headline: { type: 'image', properties: {} } } });
    expect(wrongType.json.error.param).toBe('variables.headline.type');
    const good = await h.call('POST', `/v3/templates/${t.id}`, { variables: { headline: { name: 'headline', type: 'text', properties: { content: 'Hi' } } } });
    expect(good.status).toBe(200);
    expect(good.json.data.status).toBe('pending');
    const wh = await h.call('POST', '/v3/webhooks/endpoints', { url: 'https://example.com/hook', events: ['avatar_video.success', 'bogus'] });
    expect(wh.json.error.param).toBe('events.1');
    const created = await h.call('POST', '/v3/webhooks/endpoints', { url: 'https://example.com/hook', events: ['avatar_video.success'] });
    expect(created.json.data.secret).toMatch(/^whsec_/);
    const rotated = await h.call('POST', `/v3/webhooks/endpoints/${created.json.data.endpoint_id}/rotate-secret`);
    expect(rotated.json.data.secret).not.toBe(created.json.data.secret);
    const del = await h.call('DELETE', `/v3/webhooks/endpoints/${created.json.data.endpoint_id}`);
    expect(del.json).toEqual({ data: {}, error: null });
  });
});

describe('isolation and recording', () => {
  it('keeps one key\'s jobs invisible to another', async () => {
    const look = await firstLook();
    const v = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: look.id, script: 'mine' }, 'sk_a');
    const id = v.json.data.video_id;
    expect((await h.call('GET', `/v3/videos/${id}`, undefined, 'sk_a')).status).toBe(200);
    expect((await h.call('GET', `/v3/videos/${id}`, undefined, 'sk_b')).status).toBe(404);
    const listB = await h.call('GET', '/v3/videos', undefined, 'sk_b');
    expect(listB.json.data).toEqual([]);
    const privA = (await h.call('GET', '/v3/avatars?ownership=private', undefined, 'sk_a')).json.data.map((g: any) => g.id);
    const privB = (await h.call('GET', '/v3/avatars?ownership=private', undefined, 'sk_b')).json.data.map((g: any) => g.id);
    expect(privA.length).toBeGreaterThan(0);
    expect(privA.filter((x: string) => privB.includes(x))).toEqual([]);
  });

  it('records requests', async () => {
    h.sim.clearRequests();
    await h.call('POST', '/v3/voices', { prompt: 'calm' });
    const [r] = h.sim.apiRequests();
    expect(r).toMatchObject({ method: 'POST', path: '/v3/voices', body: { prompt: 'calm' } });
    expect(r?.headers['x-api-key']).toBe('sk_a');
    expect(r?.rawBody.toString()).toContain('calm');
  });
});
