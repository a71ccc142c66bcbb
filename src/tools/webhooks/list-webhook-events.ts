import { z } from 'zod';
import { defineTool } from '../define.js';
import { listInput, listOutput, pageOut } from '../translation/fields.js';
import { eventType } from './event-type.js';

export default defineTool({
  name: 'list_webhook_events',
  title: 'List webhook events',
  description: 'Page through events HeyGen delivered, newest first, optionally for one event type or one entity (e.g. a video id).',
  toolset: 'webhooks',
  kind: 'read',
  input: {
    event_type: eventType.optional(),
    entity_id: z.string().min(1).max(200).optional().describe('Only events about this entity, e.g. a video id.'),
    ...listInput,
  },
  output: {
    events: z.array(z.object({
      event_id: z.string(),
      event_type: z.string(),
      created_at: z.string().optional(),
      event_data: z.record(z.string(), z.unknown()).optional(),
    })),
    ...listOutput,
  },
  async handler(a, { heygen, call }) {
    const page = await heygen.webhooks.listEvents({ event_type: a.event_type, entity_id: a.entity_id, limit: a.limit, token: a.next_token }, call);
    return { events: page.items, ...pageOut(page) };
  },
});
