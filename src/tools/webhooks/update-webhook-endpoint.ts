import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { compact, httpsUrl } from '../translation/fields.js';
import { endpointId, endpointOut, eventList } from './event-type.js';

export default defineTool({
  name: 'update_webhook_endpoint',
  title: 'Update a webhook endpoint',
  description: 'Change a webhook endpoint\'s URL and/or events. events REPLACES the whole list (not merged): pass every type to keep.',
  toolset: 'webhooks',
  kind: 'update',
  // Sending `events` drops every subscription not listed again.
  annotations: { destructiveHint: true },
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: {
    endpoint_id: endpointId,
    url: httpsUrl('New https URL.').optional(),
    events: eventList.optional().describe('The complete new list of event types; replaces the current one.'),
  },
  output: { ...endpointOut },
  async handler(a, { heygen, call, note }) {
    if (!a.url && !a.events) throw new InputError('url', 'give url and/or events to change');
    const e = await heygen.webhooks.updateEndpoint(a.endpoint_id, compact({ url: a.url, events: a.events }), call);
    if (a.events) note(`The endpoint now receives exactly these ${a.events.length} event type(s); any others were removed.`);
    return { endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events };
  },
});
