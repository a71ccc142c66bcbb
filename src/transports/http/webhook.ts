import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SharedWatch, JobWatcher } from '../../hosted/poller.js';
import { isFirstDelivery, parseWebhookEvent, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../hosted/webhook.js';
import type { Logger } from '../../log.js';
import type { StateProvider } from '../../state/contract.js';
import { BodyTooLarge, parseJson, readBody } from './body.js';
import { header } from './keys.js';
import { refuseBody, RPC, sendJson } from './respond.js';

/**
 * `POST /webhooks/heygen`: HeyGen's signed events become the same job notifications the poller
 * sends (2025 subscriptions and 2026 listen streams alike), on every replica.
 */
export async function receiveWebhook(req: IncomingMessage, res: ServerResponse, a: { secret: string | undefined; watcher: JobWatcher | undefined; shared: SharedWatch; states: StateProvider; maxBodyBytes: number; log: Logger }): Promise<void> {
  if (!a.secret || !a.watcher) return sendJson(res, 404, { error: 'not found' });
  let raw: Buffer;
  try {
    raw = await readBody(req, Math.min(a.maxBodyBytes, 1024 * 1024));
  } catch (err) {
    if (err instanceof BodyTooLarge) return refuseBody(res, 413, RPC.BAD_REQUEST, 'Webhook body too large.');
    res.destroy();
    return;
  }
  if (!verifyWebhook(a.secret, raw, { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER) })) {
    return sendJson(res, 401, { error: 'invalid signature' });
  }
  const parsed = parseJson(raw);
  const event = parsed.ok ? parseWebhookEvent(parsed.value) : undefined;
  if (!event) return sendJson(res, 400, { error: 'expected {event_type, event_data}' });
  // HeyGen signs the body only, so a captured delivery stays valid: each event is acted on once.
  if (!(await isFirstDelivery(a.states, event, raw))) return sendJson(res, 200, { ok: true, duplicate: true });
  let told = 0;
  for (const id of event.ids) {
    told += a.watcher.signalJob(id, event.terminal);
    a.shared.signal(id, event.terminal); // replicas sharing Redis tell their own watchers
  }
  a.log.info('webhook', { event: event.type, notified: told });
  sendJson(res, 200, { ok: true });
}
