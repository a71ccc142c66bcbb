import { z } from 'zod';
import { defineTool } from '../define.js';
import { endpointId } from './event-type.js';

export default defineTool({
  name: 'rotate_webhook_secret',
  title: 'Rotate a webhook signing secret',
  description: 'Issue a new signing secret for a webhook endpoint. The old secret stops working immediately; the new one is shown only once.',
  toolset: 'webhooks',
  kind: 'update',
  // Verification with the old secret fails from this moment on, and each call issues another secret.
  annotations: { destructiveHint: true, idempotentHint: false },
  hints: { idsFrom: 'list_webhook_endpoints' },
  input: { endpoint_id: endpointId },
  output: { endpoint_id: z.string(), secret: z.string(), secret_shown_once: z.boolean() },
  async handler({ endpoint_id }, { heygen, call, note }) {
    const r = await heygen.webhooks.rotateSecret(endpoint_id, call);
    note('Update your receiver with this secret now: the previous one is already invalid and this one will not be shown again.');
    return { endpoint_id: r.endpoint_id, secret: r.secret, secret_shown_once: true };
  },
});
