import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EVENT_TYPES } from '../catalog.js';
import { badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { newId, phaseAt, type WebhookEndpoint, type WebhookEvent } from '../jobs.js';
import { videoStatus } from './common.js';
import { enumParam, opt, paginate, parseBody, str } from '../validate.js';

const names = EVENT_TYPES.map(([n]) => n) as [string, ...string[]];
const eventName = z.enum(names);
const httpsUrl = z.string().regex(/^https:\/\/[^\s/]+/, 'must be an https URL');
const createBody = z.object({ url: httpsUrl, events: opt(z.array(eventName)), entity_id: opt(str) });
const updateBody = z.object({ url: opt(httpsUrl), events: opt(z.array(eventName)) });

const secret = () => `whsec_${randomBytes(24).toString('base64url')}`;
const view = (e: WebhookEndpoint, withSecret = false) => ({
  endpoint_id: e.endpoint_id, url: e.url, events: e.events, status: e.status, created_at: e.created_at, secret: withSecret ? e.secret : null,
});

function requireEndpoint(ctx: Ctx): WebhookEndpoint {
  const id = ctx.params['endpoint_id'] ?? '';
  const e = ctx.state.webhooks.get(id);
  if (!e) throw notFound('not_found', 'Webhook endpoint', id);
  return e;
}

/** Events for jobs that reached a final state, derived lazily from the simulated clock. */
function deliveredEvents(ctx: Ctx): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  const add = (type: string, id: string, finishedMs: number, data: Record<string, unknown>) => {
    out.push({ event_id: `evt_${id}`, event_type: type, entityId: id, created_at: new Date(finishedMs).toISOString(), event_data: data });
  };
  const end = (startMs: number, phases: [string, number][]) => startMs + (phases.reduce((a, [, d]) => a + d, 0) * 1000) / ctx.core.speed;
  for (const v of ctx.state.videos.values()) {
    const st = videoStatus(ctx.core, v);
    if (!st.done) continue;
    const ok = st.status === 'completed';
    const type = v.sessionId ? (ok ? 'video_agent.success' : 'video_agent.fail') : ok ? 'avatar_video.success' : 'avatar_video.fail';
    add(type, v.id, end(v.startMs, v.phases), { video_id: v.id, session_id: v.sessionId ?? null, callback_id: v.callbackId ?? null, status: st.status });
  }
  for (const t of ctx.state.translations.values()) {
    const ps = phaseAt(t.phases, ctx.core.elapsed(t.startMs), ctx.core.outcome(t.id));
    if (!ps.done) continue;
    add(ps.status === 'completed' ? 'video_translate.success' : 'video_translate.fail', t.id, end(t.startMs, t.phases), { video_translation_id: t.id, output_language: t.outputLanguage, callback_id: t.callbackId });
  }
  return out;
}

export const webhookRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/webhooks/event-types', handler: () =>
      page({ data: EVENT_TYPES.map(([event_type, description]) => ({ event_type, description })), has_more: false, next_token: null }),
  },
  {
    method: 'POST', path: '/v3/webhooks/endpoints', handler: (ctx) => {
      const b = parseBody(createBody, ctx.body);
      const e: WebhookEndpoint = {
        endpoint_id: newId(), url: b.url, events: b.events ?? null, secret: secret(), status: 'enabled',
        created_at: new Date(ctx.core.nowMs()).toISOString(), entity_id: b.entity_id ?? null,
      };
      ctx.state.webhooks.set(e.endpoint_id, e);
      return ok(view(e, true));
    },
  },
  {
    method: 'GET', path: '/v3/webhooks/endpoints', handler: (ctx) => {
      const p = paginate([...ctx.state.webhooks.values()].reverse(), ctx.query, 'webhooks', { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((e) => view(e)) });
    },
  },
  {
    method: 'PATCH', path: '/v3/webhooks/endpoints/{endpoint_id}', handler: (ctx) => {
      const e = requireEndpoint(ctx);
      const b = parseBody(updateBody, ctx.body);
      if (!b.url && !b.events) throw badParam('url', "Send 'url' and/or 'events'");
      if (b.url) e.url = b.url;
      if (b.events) e.events = b.events; // replaces the whole list
      return ok(view(e));
    },
  },
  {
    method: 'DELETE', path: '/v3/webhooks/endpoints/{endpoint_id}', handler: (ctx) => {
      const e = requireEndpoint(ctx);
      ctx.state.webhooks.delete(e.endpoint_id);
      return { body: { data: {}, error: null } };
    },
  },
  {
    method: 'POST', path: '/v3/webhooks/endpoints/{endpoint_id}/rotate-secret', handler: (ctx) => {
      const e = requireEndpoint(ctx);
      e.secret = secret();
      return ok({ endpoint_id: e.endpoint_id, secret: e.secret });
    },
  },
  {
    method: 'GET', path: '/v3/webhooks/events', handler: (ctx) => {
      const type = enumParam(ctx.query, 'event_type', names);
      const entity = ctx.query['entity_id'];
      const items = [...deliveredEvents(ctx), ...ctx.state.events].sort((a, b) => b.created_at.localeCompare(a.created_at)).filter((e) => (!type || e.event_type === type) && (!entity || e.entityId === entity));
      const p = paginate(items, ctx.query, `events|${type ?? ''}|${entity ?? ''}`, { max: 100, def: 10 });
      return page({ ...p, data: p.data.map(({ entityId: _e, ...rest }) => rest) });
    },
  },
];
