import { z } from 'zod';
import { defineTool } from '../define.js';
import { endpointId } from './event-type.js';

export default defineTool({
  name: 'delete_webhook_endpoint',
  title: 'Delete a webhook endpoint',
  description: 'Remove a webhook endpoint; HeyGen stops sending it events at once.',
  toolset: 'webhooks',
  kind: 'delete',
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: { endpoint_id: endpointId },
  output: { endpoint_id: z.string(), deleted: z.boolean() },
  async handler({ endpoint_id }, { heygen, call }) {
    await heygen.webhooks.deleteEndpoint(endpoint_id, call);
    return { endpoint_id, deleted: true };
  },
});
