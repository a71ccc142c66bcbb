import { z } from 'zod';
import { defineTool } from '../define.js';
import { listInput, listOutput, pageOut } from '../translation/fields.js';
import { endpointOut } from './event-type.js';

export default defineTool({
  name: 'list_webhook_endpoints',
  title: 'List webhook endpoints',
  description: 'Page through the registered webhook endpoints: id, URL, status and subscribed events. Signing secrets are never listed.',
  toolset: 'webhooks',
  kind: 'read',
  input: { ...listInput },
  output: { endpoints: z.array(z.object(endpointOut)), ...listOutput },
  async handler({ limit, next_token }, { heygen, call }) {
    const page = await heygen.webhooks.listEndpoints({ limit, token: next_token }, call);
    return {
      endpoints: page.items.map((e) => ({ endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events })),
      ...pageOut(page),
    };
  },
});
