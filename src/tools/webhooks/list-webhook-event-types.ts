import { z } from 'zod';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'list_webhook_event_types',
  title: 'List webhook event types',
  description: 'List the event types a webhook endpoint can subscribe to, with what each means.',
  toolset: 'webhooks',
  kind: 'read',
  input: {},
  output: {
    event_types: z.array(z.object({ event_type: z.string(), description: z.string().optional() })),
  },
  async handler(_a, { heygen, call, state }) {
    const event_types = await state.cache.getOrLoad('webhooks:event-types', 60 * 60_000, () => heygen.webhooks.eventTypes(call));
    return { event_types };
  },
});
