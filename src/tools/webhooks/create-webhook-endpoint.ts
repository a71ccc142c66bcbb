import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact, httpsUrl } from '../translation/fields.js';
import { endpointOut, eventList } from './event-type.js';

export default defineTool({
  name: 'create_webhook_endpoint',
  title: 'Create a webhook endpoint',
  description: 'Register an https URL to receive HeyGen events. Returns the signing secret once: store it now, it cannot be read again.',
  toolset: 'webhooks',
  kind: 'create',
  hints: { recoverWith: 'list_webhook_endpoints' },
  input: {
    url: httpsUrl('The https URL HeyGen will POST events to.'),
    events: eventList.optional().describe('Event types to receive (see list_webhook_event_types); omit for all.'),
    entity_id: z.string().min(1).max(200).optional().describe('Only events about this entity.'),
  },
  output: {
    ...endpointOut,
    created_at: z.string().optional(),
    secret: z.string().optional(),
    secret_shown_once: z.boolean(),
  },
  async handler(a, { heygen, call, note }) {
    const e = await heygen.webhooks.createEndpoint(compact({ url: a.url, events: a.events, entity_id: a.entity_id }), call);
    note('Save the secret now: HeyGen shows it only this once (rotate_webhook_secret issues a new one). Use it to verify event signatures.');
    return {
      endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events, created_at: e.created_at,
      secret: e.secret, secret_shown_once: true,
    };
  },
});
