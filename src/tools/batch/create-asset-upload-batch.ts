import { z } from 'zod';
import { defineTool } from '../define.js';
import { text } from '../fields.js';

export default defineTool({
  name: 'create_asset_upload_batch',
  title: 'Open up to 100 upload slots',
  description: 'Get presigned upload URLs for 1–100 files: PUT each file with its upload_headers, then complete_asset_upload_batch.',
  toolset: 'batch',
  kind: 'create',
  input: () => ({
    files: z.array(z.object({
      filename: text(255),
      content_type: z.string().regex(/^[a-z]+\/[A-Za-z0-9.+-]+$/, 'a MIME type such as video/mp4').describe('e.g. video/mp4'),
      size_bytes: z.number().int().positive(),
      checksum_sha256: z.string().regex(/^[0-9a-f]{64}$/i, '64 hex characters').optional(),
    })).min(1).max(100),
    title: text(255).optional(),
  }),
  output: () => ({
    batch_id: z.string(),
    uploads: z.array(z.object({
      asset_id: z.string(), upload_url: z.string(), upload_headers: z.record(z.string(), z.string()), expires_in_seconds: z.number().optional(),
    })),
  }),
  async handler(a, ctx) {
    const r = await ctx.heygen.batches.createUploadSlots({ files: a.files.map((f) => ({ ...f, checksum_sha256: f.checksum_sha256?.toLowerCase() })), ...(a.title ? { title: a.title } : {}) }, ctx.call);
    await ctx.state.jobs.record({ kind: 'asset_batch', id: r.batch_id, tool: 'create_asset_upload_batch', createdAt: Date.now() });
    return {
      batch_id: r.batch_id,
      uploads: r.items.map((i) => ({ asset_id: i.asset_id, upload_url: i.upload_url, upload_headers: i.upload_headers, expires_in_seconds: i.expires_in_seconds })),
    };
  },
});
