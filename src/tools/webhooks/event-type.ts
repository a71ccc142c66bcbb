import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../heygen/api/webhooks.js';

export const eventType = z.enum(WEBHOOK_EVENT_TYPES);
export const eventList = z.array(eventType).min(1).max(WEBHOOK_EVENT_TYPES.length);

export const endpointOut = {
  endpoint_id: z.string(),
  url: z.string(),
  status: z.string().optional(),
  events: z.array(z.string()).optional(),
};
