import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deliveryIdOf, isFirstDelivery, signWebhook, verifyWebhook, WEBHOOK_REPLAY_TTL_MS } from '../../src/hosted/webhook.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { MemoryWebhookDeliveryLog } from '../../src/state/provider.js';
import { startHttpServer, type RunningHttpServer } from '../../src/transports/http/server.js';

const SECRET = 'whsec_replay_test_secret';
const body = (eventId: string | undefined, videoId = 'v_replay') => JSON.stringify({ ...(eventId ? { event_id: eventId } : {}), event_type: 'avatar_video.success', event_data: { video_id: videoId } });

describe('signature: HeyGen signs the body only', () => {
  it('a body-only signature with no timestamp header is accepted (no header HeyGen does not send is required)', () => {
    const raw = Buffer.from(body('evt_1'));
    expect(verifyWebhook(SECRET, raw, { signature: signWebhook(SECRET, raw) })).toBe(true);
  });

  it('when a timestamp is present it must be within five minutes', () => {
    const raw = Buffer.from(body('evt_1'));
    const now = Date.now();
    const fresh = Math.floor(now / 1000) - 60;
    const stale = Math.floor(now / 1000) - 3_600;
    expect(verifyWebhook(SECRET, raw, { signature: signWebhook(SECRET, raw, fresh), timestamp: String(fresh) }, now)).toBe(true);
    expect(verifyWebhook(SECRET, raw, { signature: signWebhook(SECRET, raw, stale), timestamp: String(stale) }, now)).toBe(false);
  });
});

describe('delivery log', () => {
  it('remembers a delivery for its ttl: first true, a repeat false, true again once the ttl passed', async () => {
    let now = 1_000_000;
    const log = new MemoryWebhookDeliveryLog(100, () => now);
    expect(await log.firstDelivery('event:a', 60_000)).toBe(true);
    now += 59_999;
    expect(await log.firstDelivery('event:a', 60_000)).toBe(false);
    now += 2;
    expect(await log.firstDelivery('event:a', 60_000)).toBe(true);
  });

  it('stays bounded: past its cap the oldest delivery is forgotten first', async () => {
    const log = new MemoryWebhookDeliveryLog(1_000);
    for (let i = 0; i < 5_000; i++) await log.firstDelivery(`event:${i}`, 60_000);
    expect(await log.firstDelivery('event:4999', 60_000)).toBe(false);
    expect(await log.firstDelivery('event:0', 60_000)).toBe(true);
  });

  it('keys on event_id (a re-serialised body with the same id is a repeat), or on the body hash when there is none', async () => {
    const states = new MemoryStateProvider();
    const a = Buffer.from(body('evt_same'));
    const b = Buffer.from(` ${body('evt_same')}`);
    expect(deliveryIdOf({ eventId: 'evt_same' }, a)).toBe('event:evt_same');
    expect(await isFirstDelivery(states, { eventId: 'evt_same' }, a)).toBe(true);
    expect(await isFirstDelivery(states, { eventId: 'evt_same' }, b)).toBe(false);
    const bare = Buffer.from(body(undefined));
    expect(await isFirstDelivery(states, { eventId: undefined }, bare)).toBe(true);
    expect(await isFirstDelivery(states, { eventId: undefined }, bare)).toBe(false);
  });

  it('remembers deliveries for longer than a two-day retry schedule', () => {
    expect(WEBHOOK_REPLAY_TTL_MS).toBeGreaterThan(48 * 3_600_000);
  });
});

describe('POST /webhooks/heygen replay', () => {
  let sim: Simulator;
  let http: RunningHttpServer;
  const logs: string[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ speed: 60 });
    const config = loadConfig(['--http', '--port', '0'], { HEYGEN_MCP_WEBHOOK_SECRET: SECRET });
    http = await startHttpServer({
      config, states: new MemoryStateProvider(), log: createLogger('debug', (l) => logs.push(l)),
      upstream: { apiKey: sim.apiKey, baseUrl: sim.baseUrl, sandbox: false, close: async () => undefined },
    });
  });
  afterAll(async () => { await http?.close(); await sim?.close(); });

  const post = async (text: string) => {
    const res = await fetch(http.url.replace(/\/mcp$/, '/webhooks/heygen'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-heygen-signature': signWebhook(SECRET, text) }, body: text });
    return { status: res.status, json: await res.json() as Record<string, unknown> };
  };

  it('a captured signed delivery sent again is answered 200 and signals no one; a new event_id is handled', async () => {
    const text = body('evt_replayed');
    expect(await post(text)).toEqual({ status: 200, json: { ok: true } });
    expect(await post(text)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect(await post(text)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect(logs.filter((l) => / info webhook /.test(l))).toHaveLength(1);
    expect(await post(body('evt_next'))).toEqual({ status: 200, json: { ok: true } });
  });
});
