import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';
import { eventTypeFilter } from './event-type.js';

export default defineTool({
  name: 'list_webhook_events',
  title: 'List webhook events',
  description: 'Events HeyGen delivered, newest first, optionally of one event_type or about one entity_id (e.g. a video id).',
  toolset: 'webhooks',
  kind: 'read',
  input: () => ({
    event_type: eventTypeFilter.optional(),
    entity_id: heygenId().optional(),
    ...pageInput(),
  }),
  output: () => ({
    events: z.array(z.object({
      event_id: z.string(),
      event_type: z.string(),
      created_at: z.string().optional(),
      event_data: z.record(z.string(), z.unknown()).optional(),
    })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.webhooks.listEvents({ event_type: a.event_type, entity_id: a.entity_id, ...pageRequest(a) }, call);
    return { events: page.items, ...pageResult(page) };
  },
});
