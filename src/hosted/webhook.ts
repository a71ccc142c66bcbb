import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookDeliveryLog } from '../state/contract.js';

/**
 * HeyGen webhook deliveries. A registered endpoint's deliveries carry `X-HeyGen-Signature`, the
 * hex HMAC-SHA256 of the raw body under the endpoint secret (an optional `sha256=` prefix is
 * tolerated). HeyGen signs the body only and sends no timestamp, so a signature alone cannot
 * tell a fresh delivery from a captured one sent again: replays are stopped by remembering each
 * delivery (`firstDelivery`) for longer than HeyGen keeps retrying. When a sender does add an
 * `X-HeyGen-Timestamp` header (Unix seconds), the signed text is `<timestamp>.<raw body>` and the
 * timestamp must also be within five minutes.
 */
export const SIGNATURE_HEADER = 'x-heygen-signature';
export const TIMESTAMP_HEADER = 'x-heygen-timestamp';
const MAX_SKEW_S = 300;

export function signWebhook(secret: string, body: string | Buffer, timestamp?: number): string {
  const mac = createHmac('sha256', secret);
  if (timestamp !== undefined) mac.update(`${timestamp}.`);
  return mac.update(body).digest('hex');
}

export function verifyWebhook(secret: string, body: Buffer, headers: { signature?: string | undefined; timestamp?: string | undefined }, nowMs = Date.now()): boolean {
  const given = headers.signature?.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!given || !/^[0-9a-f]{64}$/.test(given)) return false;
  let ts: number | undefined;
  if (headers.timestamp !== undefined) {
    if (!/^\d{1,12}$/.test(headers.timestamp.trim())) return false;
    ts = Number(headers.timestamp.trim());
    if (Math.abs(nowMs / 1000 - ts) > MAX_SKEW_S) return false;
  }
  const expected = signWebhook(secret, body, ts);
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));
}

export interface WebhookEvent { type: string; ids: string[]; terminal: boolean; eventId: string | undefined }

/**
 * The jobs an event is about. Payload field names differ per event type (and most are not
 * documented), so every `*_id` string of `event_data` except `callback_id` counts; job ids are
 * unique across kinds, so a watch matches on the id alone.
 */
export function parseWebhookEvent(value: unknown): WebhookEvent | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const type = v.event_type;
  const data = v.event_data;
  if (typeof type !== 'string' || !data || typeof data !== 'object') return undefined;
  const ids: string[] = [];
  for (const [k, val] of Object.entries(data as Record<string, unknown>)) {
    if (k === 'callback_id' || !k.endsWith('_id') || typeof val !== 'string' || val === '' || val.length > 200) continue;
    ids.push(val);
  }
  const terminal = /\.(success|fail|failed|validation_failed|download_failed)$/.test(type) || type === 'batch.finished';
  const eventId = typeof v.event_id === 'string' ? v.event_id : undefined;
  return { type, ids, terminal, eventId };
}

/**
 * How long a delivered event is remembered. HeyGen does not publish its retry schedule; common
 * webhook senders retry for one to two days (the longest we found is about 41 hours), so three
 * days outlasts them with room to spare. A repeat inside this window is acknowledged and dropped.
 */
export const WEBHOOK_REPLAY_TTL_MS = 72 * 60 * 60_000;

/**
 * The identity of one delivery: HeyGen's `event_id`, or, for a payload without one, a hash of
 * the signed body (a replay of the same body then counts as a repeat too).
 */
export function deliveryIdOf(event: Pick<WebhookEvent, 'eventId'>, raw: Buffer): string {
  return event.eventId ? `event:${event.eventId}` : `body:${createHash('sha256').update(raw).digest('hex')}`;
}

/**
 * Call after the signature checked out and the event parsed, before signalling anyone: false
 * means this delivery was seen already (a retry or a replay), so answer 200 and do nothing else.
 */
export function isFirstDelivery(states: { webhookEvents: WebhookDeliveryLog }, event: Pick<WebhookEvent, 'eventId'>, raw: Buffer, ttlMs = WEBHOOK_REPLAY_TTL_MS): Promise<boolean> {
  return states.webhookEvents.firstDelivery(deliveryIdOf(event, raw), ttlMs);
}
