import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl } from '../fields.js';
import { endpointOut, eventList } from './event-type.js';

export default defineTool({
  name: 'update_webhook_endpoint',
  title: 'Update webhook',
  description: 'Change a webhook endpoint\'s url and/or events. events REPLACES the whole list (not merged): pass every type to keep.',
  toolset: 'webhooks',
  kind: 'update',
  // Sending `events` drops every subscription not listed again.
  annotations: { destructiveHint: true },
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: () => ({
    endpoint_id: heygenId(),
    url: httpsUrl().optional(),
    events: eventList.optional(),
  }),
  output: () => ({ ...endpointOut }),
  async handler(a, { heygen, call, note }) {
    if (!a.url && !a.events) throw new InputError('url', 'give url and/or events to change');
    const e = await heygen.webhooks.updateEndpoint(a.endpoint_id, compact({ url: a.url, events: a.events }), call);
    if (a.events) note(`The endpoint now receives exactly these ${a.events.length} event type(s); any others were removed.`);
    return { endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events };
  },
});
