import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { BASE64_MAX_CHARS, decodeBase64 } from '../../uploads/base64.js';
import { openAllowedFile, openRegularFile, type OpenedFile } from '../../uploads/local-file.js';
import { realRoots } from '../../uploads/roots.js';
import { ALLOWED_KINDS, sniffMedia } from '../../uploads/sniff.js';
import { bufferSource, DIRECT_MAX_BYTES, fileSource, uploadSource, type UploadSource } from '../../uploads/upload.js';
import { fetchUrlToTemp } from '../../uploads/url-fetch.js';
import { defineTool, type ToolContext } from '../define.js';
import { InputError } from '../../errors.js';
import { text } from '../fields.js';

/** Files fetched from a URL are staged on disk; this bounds the disk and time one call can use. */
const URL_MAX_BYTES = 512 * 1024 * 1024;

export default defineTool({
  name: 'upload_asset',
  title: 'Upload asset',
  description: 'Upload an image, video, audio, PDF or SRT from one of path, url, base64; returns the asset_id other tools take.',
  toolset: 'assets',
  kind: 'create',
  input: () => ({
    path: z.string().min(1).max(4096).optional().describe('Local file in an allowed root (stdio)'),
    url: z.string().min(1).max(2048).optional().describe('https; fetched here, ≤ 512 MB'),
    base64: z.string().min(4).max(BASE64_MAX_CHARS).optional(),
    filename: text(200).optional(),
  }),
  output: () => ({
    asset_id: z.string(),
    url: z.string().optional(),
    mime_type: z.string(),
  }),
  async handler(args, ctx) {
    const given = [args.path, args.url, args.base64].filter((v) => v !== undefined).length;
    if (given !== 1) throw new InputError('path', given === 0 ? 'give one of path, url or base64' : 'give only one of path, url or base64');
    let file: OpenedFile | undefined;
    let tempDir: string | undefined;
    try {
      let src: UploadSource;
      if (args.base64 !== undefined) {
        const data = decodeBase64(args.base64);
        const kind = sniffMedia(data.subarray(0, 512));
        if (!kind) throw new InputError('base64', `content must be ${ALLOWED_KINDS} (read from the bytes)`);
        src = bufferSource(data, kind, args.filename ?? 'upload');
      } else if (args.path !== undefined) {
        file = await openAllowedFile(args.path, await allowedRoots(ctx), DIRECT_MAX_BYTES);
        src = fileSource(file, args.filename ?? basename(file.path));
      } else {
        const fetched = await fetchUrlToTemp(args.url as string, URL_MAX_BYTES, ctx.signal);
        tempDir = fetched.dir;
        file = await openRegularFile(fetched.path, URL_MAX_BYTES, 'the downloaded file');
        src = fileSource(file, args.filename ?? nameFromUrl(args.url as string));
      }
      return await uploadSource(ctx.heygen, src, {
        call: ctx.call,
        fileDispatcher: ctx.deps.fileDispatcher,
        onProgress: (sent, total) => void ctx.progress(sent, total, 'uploading'),
      });
    } finally {
      await file?.handle.close().catch(() => undefined);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    }
  },
});

function nameFromUrl(raw: string): string {
  try {
    return decodeURIComponent(new URL(raw).pathname.split('/').pop() ?? '') || 'upload';
  } catch {
    return 'upload';
  }
}

/**
 * Folders local files may come from: HEYGEN_MCP_UPLOAD_ROOTS plus, on stdio, the client's MCP
 * roots. Over HTTP the client's roots name folders on the client's machine, not this one.
 */
async function allowedRoots(ctx: ToolContext): Promise<string[]> {
  const client = ctx.deps.transport === 'stdio' ? await ctx.clientRoots() : [];
  return realRoots([...ctx.deps.config.uploadRoots, ...client]);
}
