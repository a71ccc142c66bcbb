import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { signWebhook } from '../../src/hosted/webhook.js';
import { hosted, raw, sseClient, streamableClient, waitFor, type HostedHarness } from './helpers.js';

const SECRET = 'whsec_test_secret_value';
let h: HostedHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Starts a render straight on the simulator, as another client of the same account would. */
async function simVideo(hh: HostedHarness): Promise<string> {
  const headers = { 'x-api-key': hh.sim.apiKey, 'content-type': 'application/json' };
  const looks = (await (await fetch(`${hh.sim.baseUrl}/v3/avatars/looks?limit=1`, { headers })).json()) as { data: { id: string }[] };
  const look = looks.data[0]?.id;
  const res = await fetch(`${hh.sim.baseUrl}/v3/videos`, { method: 'POST', headers, body: JSON.stringify({ type: 'avatar', avatar_id: look, script: 'Hello from the test.' }) });
  const body = (await res.json()) as { data?: { video_id: string }; error?: unknown };
  if (!body.data) throw new Error(`sim refused the video: ${JSON.stringify(body.error)}`);
  return body.data.video_id;
}

function updates(client: Client): string[] {
  const seen: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => { seen.push(n.params.uri); });
  return seen;
}

describe('resource subscriptions', () => {
  it('notifies every subscribed session when a simulated video completes, then stops polling', async () => {
    h = await hosted({ sim: { speed: 1 } });
    const id = await simVideo(h);
    const uri = `heygen://videos/${id}`;
    const a = await streamableClient(h.http.url);
    const b = await sseClient(h.base);
    const seenA = updates(a);
    const seenB = updates(b);
    await a.subscribeResource({ uri });
    await b.subscribeResource({ uri });
    expect(h.http.watches()).toBe(1);
    // The watcher reads the job once on subscribe; wait for that read rather than a fixed time.
    await waitFor(() => h!.sim.apiRequests().some((r) => r.path === `/v3/videos/${id}`));

    h.sim.advance(10 * 60_000);
    await waitFor(() => seenA.includes(uri) && seenB.includes(uri));
    await waitFor(() => h!.http.watches() === 0);
    const after = h.sim.apiRequests().filter((r) => r.path === `/v3/videos/${id}`).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sim.apiRequests().filter((r) => r.path === `/v3/videos/${id}`).length).toBe(after);
    await a.close();
    await b.close();
  });

  it('stops polling when the last subscriber unsubscribes', async () => {
    h = await hosted({ sim: { speed: 1 } });
    const id = await simVideo(h);
    const client = await streamableClient(h.http.url);
    await client.subscribeResource({ uri: `heygen://videos/${id}` });
    await client.subscribeResource({ uri: 'heygen://visual-styles' });
    expect(h.http.watches()).toBe(1);
    await client.unsubscribeResource({ uri: `heygen://videos/${id}` });
    expect(h.http.watches()).toBe(0);
    await client.subscribeResource({ uri: `heygen://videos/${id}` });
    expect(h.http.watches()).toBe(1);
    // Ending the session (DELETE) closes its server, which drops its subscriptions.
    await (client.transport as unknown as { terminateSession(): Promise<void> }).terminateSession();
    await waitFor(() => h!.http.watches() === 0, 300);
    await client.close();
  });

  it('refuses to subscribe to a non-heygen URI', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    await expect(client.subscribeResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(/heygen:\/\//);
    await client.close();
  });
});

describe('webhook receiver at /webhooks/heygen', () => {
  const event = (id: string) => JSON.stringify({ event_type: 'avatar_video.success', event_data: { video_id: id, callback_id: 'x' } });

  it('turns a signed event into a notification without waiting for the poller', async () => {
    h = await hosted({ sim: { speed: 1 }, env: { HEYGEN_MCP_WEBHOOK_SECRET: SECRET }, limits: { pollMinMs: 60_000, pollMaxMs: 60_000 } });
    const id = await simVideo(h);
    const uri = `heygen://videos/${id}`;
    const client = await streamableClient(h.http.url);
    const seen = updates(client);
    await client.subscribeResource({ uri });
    const body = event(id);
    const r = await raw(`${h.base}/webhooks/heygen`, { headers: { 'content-type': 'application/json', 'x-heygen-signature': signWebhook(SECRET, body) }, body });
    expect(r.status).toBe(200);
    await waitFor(() => seen.includes(uri));
    expect(h.http.watches()).toBe(0);

    const ts = Math.floor(Date.now() / 1000);
    const stamped = await raw(`${h.base}/webhooks/heygen`, { headers: { 'x-heygen-signature': `sha256=${signWebhook(SECRET, body, ts)}`, 'x-heygen-timestamp': String(ts) }, body });
    expect(stamped.status).toBe(200);
    await client.close();
  });

  it('rejects a forged, stale or unsigned event with 401 and tells no one', async () => {
    h = await hosted({ sim: { speed: 1 }, env: { HEYGEN_MCP_WEBHOOK_SECRET: SECRET }, limits: { pollMinMs: 60_000, pollMaxMs: 60_000 } });
    const id = await simVideo(h);
    const uri = `heygen://videos/${id}`;
    const client = await streamableClient(h.http.url);
    const seen = updates(client);
    await client.subscribeResource({ uri });
    const body = event(id);
    const forged = await raw(`${h.base}/webhooks/heygen`, { headers: { 'x-heygen-signature': signWebhook('not-the-secret', body) }, body });
    expect(forged.status).toBe(401);
    const tampered = await raw(`${h.base}/webhooks/heygen`, { headers: { 'x-heygen-signature': signWebhook(SECRET, body) }, body: body.replace('success', 'fail') });
    expect(tampered.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 3600;
    const stale = await raw(`${h.base}/webhooks/heygen`, { headers: { 'x-heygen-signature': signWebhook(SECRET, body, old), 'x-heygen-timestamp': String(old) }, body });
    expect(stale.status).toBe(401);
    const unsigned = await raw(`${h.base}/webhooks/heygen`, { body });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    expect(h.http.watches()).toBe(1);
    await client.close();
  });

  it('is not served when no webhook secret is configured', async () => {
    h = await hosted();
    const body = event('abc');
    const r = await raw(`${h.base}/webhooks/heygen`, { headers: { 'x-heygen-signature': signWebhook('whatever', body) }, body });
    expect(r.status).toBe(404);
  });
});
