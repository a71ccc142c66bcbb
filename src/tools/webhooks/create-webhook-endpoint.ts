import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl } from '../fields.js';
import { endpointOut, eventList } from './event-type.js';

export default defineTool({
  name: 'create_webhook_endpoint',
  title: 'Create webhook',
  description: 'Register an https URL for HeyGen events (all types unless events is given). The signing secret is shown only once: store it.',
  toolset: 'webhooks',
  kind: 'create',
  hints: { recoverWith: 'list_webhook_endpoints' },
  input: () => ({
    url: httpsUrl(),
    events: eventList.optional(),
    entity_id: heygenId().optional().describe('Only events about this entity'),
  }),
  output: () => ({
    ...endpointOut,
    secret: z.string().optional(),
  }),
  async handler(a, { heygen, call, note }) {
    const e = await heygen.webhooks.createEndpoint(compact({ url: a.url, events: a.events, entity_id: a.entity_id }), call);
    note('Save the secret now: HeyGen shows it only this once (rotate_webhook_secret issues a new one). Use it to verify event signatures.');
    return {
      endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events, secret: e.secret,
    };
  },
});
