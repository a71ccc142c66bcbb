import { z } from 'zod';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'list_webhook_event_types',
  title: 'Webhook event types',
  description: 'Event types an endpoint can subscribe to, with their meaning.',
  toolset: 'webhooks',
  kind: 'read',
  input: () => ({}),
  output: () => ({
    event_types: z.array(z.object({ event_type: z.string(), description: z.string().optional() })),
  }),
  async handler(_a, { heygen, call, state }) {
    const event_types = await state.cache.getOrLoad('webhooks:event-types', 60 * 60_000, () => heygen.webhooks.eventTypes(call));
    return { event_types };
  },
});
