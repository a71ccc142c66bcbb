import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'rotate_webhook_secret',
  title: 'Rotate webhook secret',
  description: 'Issue a new signing secret for a webhook endpoint. The old one stops working at once; the new one is shown only once.',
  toolset: 'webhooks',
  kind: 'update',
  // Verification with the old secret fails from this moment on, and each call issues another secret.
  annotations: { destructiveHint: true, idempotentHint: false },
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: () => ({ endpoint_id: heygenId() }),
  output: () => ({ endpoint_id: z.string(), secret: z.string() }),
  async handler({ endpoint_id }, { heygen, call, note }) {
    const r = await heygen.webhooks.rotateSecret(endpoint_id, call);
    note('Update your receiver with this secret now: the previous one is already invalid and this one will not be shown again.');
    return { endpoint_id: r.endpoint_id, secret: r.secret };
  },
});
