import type { AnyToolDef } from '../define.js';
import createWebhookEndpoint from './create-webhook-endpoint.js';
import deleteWebhookEndpoint from './delete-webhook-endpoint.js';
import listWebhookEndpoints from './list-webhook-endpoints.js';
import listWebhookEventTypes from './list-webhook-event-types.js';
import listWebhookEvents from './list-webhook-events.js';
import rotateWebhookSecret from './rotate-webhook-secret.js';
import updateWebhookEndpoint from './update-webhook-endpoint.js';

export const webhooksTools: AnyToolDef[] = [
  listWebhookEventTypes,
  listWebhookEndpoints,
  createWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  listWebhookEvents,
];
