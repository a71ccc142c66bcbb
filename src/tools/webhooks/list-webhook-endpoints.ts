import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';
import { endpointOut } from './event-type.js';

export default defineTool({
  name: 'list_webhook_endpoints',
  title: 'List webhooks',
  description: 'Registered webhook endpoints: id, URL, status, events (never their secrets).',
  toolset: 'webhooks',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({ endpoints: z.array(z.object(endpointOut)), ...pageOutput() }),
  async handler(a, { heygen, call }) {
    const page = await heygen.webhooks.listEndpoints(pageRequest(a), call);
    return {
      endpoints: page.items.map((e) => ({ endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events })),
      ...pageResult(page),
    };
  },
});
