import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_webhook_endpoint',
  title: 'Delete webhook',
  description: 'Remove a webhook endpoint; its events stop at once.',
  toolset: 'webhooks',
  kind: 'delete',
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: () => ({ endpoint_id: heygenId() }),
  output: () => ({ endpoint_id: z.string(), deleted: z.boolean() }),
  async handler({ endpoint_id }, { heygen, call }) {
    await heygen.webhooks.deleteEndpoint(endpoint_id, call);
    return { endpoint_id, deleted: true };
  },
});
