import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { MemoryCatalogCache, MemoryStateProvider } from '../../src/state/memory.js';
import { type CatalogCache } from '../../src/state/contract.js';
import { connect, type Harness } from '../helpers/harness.js';

const open: Harness[] = [];
let sim: Simulator | undefined;
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await sim?.close();
  sim = undefined;
});

async function harness(opts: Parameters<typeof connect>[0] = {}): Promise<Harness> {
  const h = await connect(opts);
  open.push(h);
  return h;
}

describe('catalog cache', () => {
  it('serves repeated lists, queries and details within the TTL with zero requests', async () => {
    const h = await harness();
    const calls: [string, Record<string, unknown>][] = [
      ['list_voices', { language: 'English', gender: 'male' }],
      ['list_voices', { language: 'English', gender: 'male', query: 'deep' }],
      ['list_avatar_looks', { orientation: 'square' }],
      ['list_avatar_groups', {}],
    ];
    for (const [name, args] of calls) await h.ok(name, args);
    const look = (await h.ok('list_avatar_looks', { orientation: 'square' })).looks[0];
    await h.ok('get_avatar_look', { look_id: look.look_id });
    await h.ok('get_voice', { voice_id: look.default_voice_id });
    const before = h.sim.apiRequests().length;
    for (const [name, args] of calls) await h.ok(name, args);
    await h.ok('get_avatar_look', { look_id: look.look_id });
    await h.ok('get_voice', { voice_id: look.default_voice_id });
    expect(h.sim.apiRequests()).toHaveLength(before);
  });

  it('coalesces concurrent loads of one catalog into one walk', async () => {
    const h = await harness();
    await Promise.all([1, 2, 3].map(() => h.ok('list_voices', { language: 'French', query: 'a' })));
    const pages = h.sim.apiRequests().length;
    h.sim.clearRequests();
    await h.ok('list_voices', { language: 'French', type: 'public', query: 'zz-not-a-name' });
    expect(h.sim.apiRequests()).toHaveLength(pages);
  });

  it('never shares entries between API keys, even with one state provider', async () => {
    sim = await startSimulator({ speed: 60, apiKeys: ['sk_key_a', 'sk_key_b'] });
    const states = new MemoryStateProvider();
    const a = await harness({ simulator: sim, states, apiKey: 'sk_key_a' });
    const b = await harness({ simulator: sim, states, apiKey: 'sk_key_b' });
    await a.ok('list_avatar_groups', { ownership: 'private' });
    await a.ok('list_avatar_groups', { ownership: 'private' });
    expect(sim.apiRequests()).toHaveLength(1);
    await b.ok('list_avatar_groups', { ownership: 'private' });
    const reqs = sim.apiRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs[1]!.headers['x-api-key']).toBe('sk_key_b');
    // A second session of key A shares A's cache.
    const a2 = await harness({ simulator: sim, states, apiKey: 'sk_key_a' });
    await a2.ok('list_avatar_groups', { ownership: 'private' });
    expect(sim.apiRequests()).toHaveLength(2);
  });

  it('reports an upstream failure during a catalog load clearly and does not cache it', async () => {
    const h = await harness();
    h.sim.fault({ path: '/v3/voices', kind: 'status', status: 503, times: 10 });
    const text = await h.fails('list_voices', { language: 'Italian', query: 'a' });
    expect(text).toMatch(/HeyGen is unavailable \(503/);
    h.sim.clearFaults();
    const r = await h.ok('list_voices', { language: 'Italian', query: 'a' });
    expect(r.voices.length).toBeGreaterThan(0);
  });

  it('does not cache a failed detail read either', async () => {
    const h = await harness();
    const id = (await h.ok('list_voices', { limit: 1 })).voices[0].voice_id;
    h.sim.fault({ path: `/v3/voices/${id}`, kind: 'html', status: 502, times: 10 });
    expect(await h.fails('get_voice', { voice_id: id })).toMatch(/unavailable|502/);
    h.sim.clearFaults();
    expect(await h.ok('get_voice', { voice_id: id })).toMatchObject({ voice_id: id });
  });

  it('works when the cache stores values as JSON, as a Redis-shared cache does', async () => {
    const inner = new MemoryCatalogCache();
    const json: CatalogCache = {
      getOrLoad: (key, ttl, load) => inner.getOrLoad(key, ttl, async () => JSON.parse(JSON.stringify(await load()))),
      peek: (key) => inner.peek(key),
      invalidate: (prefix) => inner.invalidate(prefix),
    };
    sim = await startSimulator({ speed: 60 });
    const states = new MemoryStateProvider();
    states.forKey(sim.apiKey).cache = json;
    const h = await harness({ simulator: sim, states });
    const a = await h.ok('list_voices', { language: 'Korean', query: 'a', limit: 3 });
    const look = (await h.ok('list_avatar_looks', { ownership: 'public', limit: 1 })).looks[0];
    await h.ok('get_avatar_look', { look_id: look.look_id });
    const n = sim.apiRequests().length;
    expect(await h.ok('list_voices', { language: 'Korean', query: 'a', limit: 3 })).toEqual(a);
    await h.ok('get_avatar_look', { look_id: look.look_id });
    expect(sim.apiRequests()).toHaveLength(n);
    const done = await h.client.complete({ ref: { type: 'ref/resource', uri: 'heygen://voices/{voice_id}' }, argument: { name: 'voice_id', value: a.voices[0].voice_id } });
    expect(done.completion.values).toEqual([a.voices[0].voice_id]);
  });
});
