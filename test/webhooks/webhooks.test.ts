import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

const HOOK = 'https://hooks.example.com/heygen';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const annotationsOf = async (name: string) => (await h.client.listTools()).tools.find((t) => t.name === name)?.annotations;

describe('list_webhook_event_types', () => {
  it('reads GET /v3/webhooks/event-types with descriptions', async () => {
    const out = await h.ok('list_webhook_event_types');
    expect(out.event_types.map((e: any) => e.event_type)).toContain('video_translate.success');
    expect(out.event_types[0].description).toBeTruthy();
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: '/v3/webhooks/event-types' });
  });

  it('fails clearly when HeyGen is down', async () => {
    await connect().then(async (fresh) => {
      fresh.sim.fault({ kind: 'status', status: 503, path: '/v3/webhooks/event-types', times: 5 });
      expect(await fresh.fails('list_webhook_event_types')).toMatch(/unavailable|503/);
      await fresh.close();
    });
  });
});

describe('create_webhook_endpoint', () => {
  it('sends POST /v3/webhooks/endpoints and returns the secret flagged as shown once', async () => {
    const r = await h.call('create_webhook_endpoint', { url: HOOK, events: ['avatar_video.success', 'video_translate.fail'] });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.secret).toMatch(/\S{16,}/);
    expect(out.events).toEqual(['avatar_video.success', 'video_translate.fail']);
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'POST', path: '/v3/webhooks/endpoints', body: { url: HOOK, events: ['avatar_video.success', 'video_translate.fail'] } });
    expect(r.content.some((c) => c.type === 'text' && /only this once/.test(c.text))).toBe(true);
    // the secret is never listed again
    const list = await h.ok('list_webhook_endpoints');
    expect(JSON.stringify(list)).not.toContain(out.secret);
  });

  it.each([
    [{ url: 'http://hooks.example.com/x' }, /url/],
    [{ url: 'not a url' }, /url/],
    [{ url: HOOK, events: ['video.done'] }, /events/],
    [{ url: HOOK, events: [] }, /events/],
  ])('refuses %j with no request', async (args, field) => {
    expect(await h.fails('create_webhook_endpoint', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('list_webhook_endpoints', () => {
  it('pages GET /v3/webhooks/endpoints with limit and next_token', async () => {
    await h.ok('create_webhook_endpoint', { url: `${HOOK}/2` });
    await h.ok('create_webhook_endpoint', { url: `${HOOK}/3` });
    h.sim.clearRequests();
    const first = await h.ok('list_webhook_endpoints', { limit: 1 });
    expect(first.endpoints).toHaveLength(1);
    expect(first.next_token).toBeTruthy();
    const second = await h.ok('list_webhook_endpoints', { limit: 1, next_token: first.next_token });
    expect(second.endpoints[0].endpoint_id).not.toBe(first.endpoints[0].endpoint_id);
    expect(h.sim.apiRequests()[1]).toMatchObject({ method: 'GET', path: '/v3/webhooks/endpoints', query: { limit: '1', token: first.next_token } });
  });

  it('refuses limit 0 with no request', async () => {
    expect(await h.fails('list_webhook_endpoints', { limit: 0 })).toMatch(/limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('update_webhook_endpoint', () => {
  it('sends PATCH with the replacement event list, warns about replacement, and is destructive', async () => {
    const { endpoint_id } = await h.ok('create_webhook_endpoint', { url: `${HOOK}/u`, events: ['avatar_video.success', 'avatar_video.fail'] });
    h.sim.clearRequests();
    const r = await h.call('update_webhook_endpoint', { endpoint_id, events: ['batch.finished'] });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as any).events).toEqual(['batch.finished']);
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'PATCH', path: `/v3/webhooks/endpoints/${endpoint_id}`, body: { events: ['batch.finished'] } });
    expect(r.content.some((c) => c.type === 'text' && /removed/.test(c.text))).toBe(true);
    const tool = (await h.client.listTools()).tools.find((t) => t.name === 'update_webhook_endpoint');
    expect(tool?.description).toMatch(/REPLACES.*not merged/);
    expect(tool?.annotations?.destructiveHint).toBe(true);
  });

  it('needs url or events, and refuses http URLs, with no request', async () => {
    expect(await h.fails('update_webhook_endpoint', { endpoint_id: 'e1' })).toMatch(/url and\/or events/);
    expect(await h.fails('update_webhook_endpoint', { endpoint_id: 'e1', url: 'http://x.example.com' })).toMatch(/url/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('reports an unknown endpoint as not found', async () => {
    expect(await h.fails('update_webhook_endpoint', { endpoint_id: 'missing', url: HOOK })).toMatch(/Not found on HeyGen.*list_webhook_endpoints/);
  });
});

describe('rotate_webhook_secret', () => {
  it('sends POST .../rotate-secret with no body and returns a new secret, shown once', async () => {
    const created = await h.ok('create_webhook_endpoint', { url: `${HOOK}/r` });
    h.sim.clearRequests();
    const r = await h.call('rotate_webhook_secret', { endpoint_id: created.endpoint_id });
    const out = r.structuredContent as any;
    expect(out.secret).not.toBe(created.secret);
    expect(r.content.some((c) => c.type === 'text' && /will not be shown again/.test(c.text))).toBe(true);
    const [req] = h.sim.apiRequests();
    expect(req).toMatchObject({ method: 'POST', path: `/v3/webhooks/endpoints/${created.endpoint_id}/rotate-secret` });
    expect(req?.body ?? null).toBeNull();
    expect(await annotationsOf('rotate_webhook_secret')).toMatchObject({ destructiveHint: true, idempotentHint: false });
  });

  it('reports an unknown endpoint as not found', async () => {
    expect(await h.fails('rotate_webhook_secret', { endpoint_id: 'missing' })).toMatch(/Not found on HeyGen/);
  });
});

describe('delete_webhook_endpoint', () => {
  it('sends DELETE and the endpoint disappears from the list', async () => {
    const { endpoint_id } = await h.ok('create_webhook_endpoint', { url: `${HOOK}/d` });
    h.sim.clearRequests();
    expect(await h.ok('delete_webhook_endpoint', { endpoint_id })).toEqual({ endpoint_id, deleted: true });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'DELETE', path: `/v3/webhooks/endpoints/${endpoint_id}` });
    const list = await h.ok('list_webhook_endpoints', { limit: 100 });
    expect(list.endpoints.map((e: any) => e.endpoint_id)).not.toContain(endpoint_id);
    expect(await annotationsOf('delete_webhook_endpoint')).toMatchObject({ destructiveHint: true });
  });

  it('refuses an id with a slash and sends nothing', async () => {
    expect(await h.fails('delete_webhook_endpoint', { endpoint_id: 'a/b' })).toMatch(/endpoint_id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('list_webhook_events', () => {
  it('sends the event_type and entity_id filters and returns the events', async () => {
    const out = await h.ok('list_webhook_events', { event_type: 'video_translate.success', entity_id: 'vt_1', limit: 5 });
    expect(Array.isArray(out.events)).toBe(true);
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: '/v3/webhooks/events', query: { event_type: 'video_translate.success', entity_id: 'vt_1', limit: '5' } });
  });

  it('lists the event of a finished translation', async () => {
    const { translations } = await h.ok('create_video_translation', { video: 'https://cdn.example.com/v.mp4', output_languages: ['Japanese'] });
    h.sim.advance(5_000);
    const id = translations[0].video_translation_id;
    const out = await h.ok('list_webhook_events', { entity_id: id });
    expect(out.events.map((e: any) => e.event_type)).toContain('video_translate.success');
  });

  it('refuses an unknown event type with no request', async () => {
    expect(await h.fails('list_webhook_events', { event_type: 'nope' })).toMatch(/event_type/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
