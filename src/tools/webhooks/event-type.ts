import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../heygen/api/webhooks.js';

export const eventType = z.enum(WEBHOOK_EVENT_TYPES);
/** A filter on one event type: checked against the same list, which is not advertised again here. */
export const eventTypeFilter = z.string().max(64).refine((v) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(v), 'must be an event type from list_webhook_event_types');
export const eventList = z.array(eventType).min(1).max(WEBHOOK_EVENT_TYPES.length);

export const endpointOut = {
  endpoint_id: z.string(),
  url: z.string(),
  status: z.string().optional(),
  events: z.array(z.string()).optional(),
};
