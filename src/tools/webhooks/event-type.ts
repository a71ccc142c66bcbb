import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../heygen/api/webhooks.js';

export const eventType = z.enum(WEBHOOK_EVENT_TYPES);
export const eventList = z.array(eventType).min(1).max(WEBHOOK_EVENT_TYPES.length);
export const endpointId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only').describe('Endpoint id from list_webhook_endpoints.');

export const endpointOut = {
  endpoint_id: z.string(),
  url: z.string(),
  status: z.string().optional(),
  events: z.array(z.string()).optional(),
};
