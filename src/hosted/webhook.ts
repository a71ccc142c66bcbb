import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HeyGen webhook deliveries. HeyGen documents that registered endpoints get signed payloads and
 * a signing secret, but not the exact scheme; we assume the one its older docs sketch:
 * `X-HeyGen-Signature` = hex HMAC-SHA256 of the raw body under the endpoint secret (an optional
 * `sha256=` prefix is tolerated). When an `X-HeyGen-Timestamp` header (Unix seconds) is present,
 * the signed text is `<timestamp>.<raw body>` and the timestamp must be within five minutes, which
 * stops replays of old deliveries.
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
