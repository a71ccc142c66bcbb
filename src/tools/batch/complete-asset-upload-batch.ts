import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'complete_asset_upload_batch',
  title: 'Finish an upload batch',
  description: 'Finalise every uploaded file of a batch into assets (repeatable); then wait_for_job {kind:"asset_batch"}.',
  toolset: 'batch',
  kind: 'update',
  hints: { idsFrom: 'create_asset_upload_batch' },
  input: () => ({ batch_id: heygenId() }),
  output: () => ({ batch_id: z.string(), status: z.string() }),
  async handler({ batch_id }, { heygen, call }) {
    const r = await heygen.batches.completeUploads(batch_id, call);
    return { batch_id: r.batch_id, status: r.status ?? 'processing' };
  },
});
