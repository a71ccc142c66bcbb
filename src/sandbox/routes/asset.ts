import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApiError, badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type Reply, type RouteDef, type UploadCtx } from '../http-server.js';
import { DURATIONS, newId, type AssetRec, type KeyState } from '../jobs.js';
import { s3Error } from '../files.js';
import { enumParam, nonEmpty, opt, paginate, parseBody, requireQuery } from '../validate.js';

const MAX_MULTIPART = 32 * 1024 * 1024;
const MAX_DIRECT = 5 * 1024 * 1024 * 1024;
const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg',
  wav: 'audio/wav', pdf: 'application/pdf', srt: 'application/x-subrip',
};
const MIMES = new Set([...Object.values(TYPES), 'audio/mp3', 'audio/x-wav', 'audio/wave', 'text/plain', 'application/octet-stream']);

export const directBody = z.object({
  filename: z.string().min(1).max(255), content_type: nonEmpty, size_bytes: z.number().int().positive(),
  checksum_sha256: opt(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')),
});
const completeBody = z.object({ checksum_sha256: opt(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')) }).nullish();

export function assetFixture(mime: string): string {
  if (mime.startsWith('video/webm')) return 'sample.webm';
  if (mime.startsWith('video/')) return 'sample.mp4';
  if (mime === 'audio/wav' || mime === 'audio/x-wav' || mime === 'audio/wave') return 'speech.wav';
  if (mime.startsWith('audio/')) return 'speech.mp3';
  if (mime === 'image/png') return 'preview.png';
  if (mime.startsWith('image/')) return 'preview.jpg';
  return 'captions.srt';
}

function assetType(mime: string): string {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'file';
}

export function assetStatus(ctx: Ctx, a: AssetRec): string {
  if (a.status === 'processing' && a.completedMs !== null && ctx.core.elapsed(a.completedMs) >= DURATIONS.assetProcessing) return 'completed';
  return a.status;
}

function sniff(buf: Buffer): string | undefined {
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf[0] === 0xff && buf[1] === 0xd8) return 'image/jpeg';
  if (buf.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (buf.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'video/webm';
  if (buf.subarray(0, 3).toString('latin1') === 'ID3' || (buf[0] === 0xff && ((buf[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WAVE') return 'audio/wav';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

/** Minimal multipart/form-data parser: returns the part named `file`. */
function fileFromMultipart(ctx: Ctx): { filename: string; type: string; data: Buffer } {
  const ct = ctx.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(ct);
  if (!ct.toLowerCase().startsWith('multipart/form-data') || !boundary) throw badParam('file', 'Send the file as multipart/form-data with a part named "file"');
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const body = ctx.rawBody;
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    const start = pos + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const head = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(delim, headerEnd + 4);
    if (next < 0) break;
    const data = body.subarray(headerEnd + 4, next - 2); // strip CRLF before delimiter
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === 'file') {
      const filename = /filename="([^"]*)"/i.exec(head)?.[1] ?? 'upload';
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim().toLowerCase() ?? 'application/octet-stream';
      return { filename, type, data };
    }
    pos = next;
  }
  throw badParam('file', "Multipart body has no part named 'file'");
}

function mimeFor(filename: string, declared: string, data?: Buffer): string {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  const byExt = TYPES[ext];
  const sniffed = data ? sniff(data) : undefined;
  const mime = sniffed ?? (declared !== 'application/octet-stream' ? declared : undefined) ?? byExt;
  if (!mime || (!byExt && !MIMES.has(mime))) throw badParam('file', 'Unsupported file type; allowed: png, jpeg, mp4, webm, mp3, wav, pdf, srt');
  return mime === 'audio/mp3' ? 'audio/mpeg' : mime === 'text/plain' ? 'application/x-subrip' : mime;
}

function uploadSig(ctx: { core: { uploadSecret: Buffer } }, id: string, expires: number): string {
  return createHmac('sha256', ctx.core.uploadSecret).update(`${id}\n${expires}`).digest('hex');
}

function requireAsset(ctx: Ctx): AssetRec {
  const id = ctx.params['asset_id'] ?? '';
  const a = ctx.state.assets.get(id);
  if (!a) throw notFound('not_found', 'Asset', id);
  return a;
}

/** Opens one presigned upload slot; shared with the batch of direct uploads. */
export function openDirectUpload(ctx: Ctx, b: z.output<typeof directBody>): Record<string, unknown> {
  if (b.size_bytes > MAX_DIRECT) throw badParam('size_bytes', "'size_bytes' exceeds the 5 GB limit of a direct upload");
  const mime = b.content_type.toLowerCase();
  if (!MIMES.has(mime)) throw badParam('content_type', `Unsupported content_type '${b.content_type}'`);
  const a: AssetRec = {
    id: newId(), name: b.filename, mime, size: b.size_bytes, createdAt: ctx.core.nowSec(), status: 'pending_upload', completedMs: null,
    checksum: b.checksum_sha256?.toLowerCase() ?? null, maxBytes: b.size_bytes, uploadToken: newId(8), uploadedBytes: 0, uploadedSha256: null,
  };
  ctx.state.assets.set(a.id, a);
  const ttl = 900;
  const expires = Math.floor(ctx.core.nowMs() / 1000) + ttl;
  const headers: Record<string, string> = { 'Content-Type': mime, 'x-amz-meta-asset-id': a.id };
  if (a.checksum) headers['x-amz-checksum-sha256'] = Buffer.from(a.checksum, 'hex').toString('base64');
  return {
    asset_id: a.id, status: 'pending_upload', expires_in_seconds: ttl, max_bytes: a.maxBytes, upload_headers: headers,
    upload_url: `${ctx.core.baseUrl}/uploads/${a.id}?X-Amz-Expires=${expires}&X-Amz-Signature=${uploadSig(ctx, a.id, expires)}`,
  };
}

const SEARCH_LIBRARY = [
  ['image', 'pepperoni pizza on a wooden table', 1600, 1067, false], ['image', 'city skyline at dusk', 1920, 1080, false],
  ['image', 'team meeting in a bright office', 1600, 1067, false], ['image', 'mountain lake at sunrise', 1080, 1350, false],
  ['icon', 'minimalist rocket icon', 512, 512, true], ['icon', 'shopping cart icon', 512, 512, true],
  ['icon', 'lightbulb idea icon', 512, 512, true], ['icon', 'chart growth icon', 512, 512, true],
] as const;

export const assetRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/assets/search', handler: (ctx) => {
      const query = requireQuery(ctx.query, 'query').toLowerCase();
      const type = enumParam(ctx.query, 'type', ['image', 'icon'] as const);
      if (!type) throw badParam('type', "'type' is required");
      const scope = enumParam(ctx.query, 'scope', ['public', 'personal'] as const) ?? 'public';
      const words = query.split(/\W+/).filter(Boolean);
      const hits = scope === 'personal' ? [] : SEARCH_LIBRARY
        .map(([t, label, width, height, transparent], i) => ({ t, label, width, height, transparent, i, hit: words.filter((w) => label.includes(w)).length }))
        .filter((x) => x.t === type)
        .sort((a, b) => b.hit - a.hit)
        .map((x) => ({
          id: `lib_${x.i}`, type: x.t, url: ctx.core.fileUrl(`lib_${x.i}`, x.t === 'icon' ? 'preview.png' : 'preview.jpg'), width: x.width, height: x.height,
          orientation: x.width > x.height ? 'landscape' : x.width < x.height ? 'portrait' : 'square', is_transparent: x.transparent,
        }));
      const p = paginate(hits, ctx.query, `assets-search|${query}|${type}|${scope}`, { max: 50, def: 20 });
      return page(p);
    },
  },
  {
    method: 'POST', path: '/v3/assets', multipart: true, handler: (ctx) => {
      if (ctx.rawBody.length > MAX_MULTIPART + 64 * 1024) throw new ApiError(413, 'payload_too_large', 'Files sent through POST /v3/assets are limited to 32 MB; use direct uploads for larger files');
      const f = fileFromMultipart(ctx);
      if (f.data.length === 0) throw badParam('file', 'The uploaded file is empty');
      if (f.data.length > MAX_MULTIPART) throw new ApiError(413, 'payload_too_large', 'Files sent through POST /v3/assets are limited to 32 MB; use direct uploads for larger files');
      const mime = mimeFor(f.filename, f.type, f.data);
      const a: AssetRec = {
        id: newId(), name: f.filename, mime, size: f.data.length, createdAt: ctx.core.nowSec(), status: 'completed', completedMs: ctx.core.nowMs(),
        checksum: createHash('sha256').update(f.data).digest('hex'), maxBytes: f.data.length, uploadToken: '', uploadedBytes: f.data.length, uploadedSha256: null,
      };
      ctx.state.assets.set(a.id, a);
      return ok({ asset_id: a.id, url: ctx.core.fileUrl(a.id, assetFixture(mime)), mime_type: mime, size_bytes: a.size });
    },
  },
  {
    method: 'POST', path: '/v3/assets/direct-uploads', handler: (ctx) => {
      return ok(openDirectUpload(ctx, parseBody(directBody, ctx.body)));
    },
  },
  {
    method: 'POST', path: '/v3/assets/{asset_id}/complete', handler: (ctx) => {
      const a = requireAsset(ctx);
      const b = parseBody(completeBody, ctx.body) ?? {};
      if (a.status === 'pending_upload') throw new ApiError(409, 'conflict', 'The file has not been uploaded yet; PUT it to upload_url first');
      if (b.checksum_sha256 && a.uploadedSha256 && b.checksum_sha256.toLowerCase() !== a.uploadedSha256) throw badParam('checksum_sha256', 'Checksum does not match the uploaded bytes');
      if (a.status === 'uploaded') { a.status = 'processing'; a.completedMs = ctx.core.nowMs(); }
      return ok({ asset_id: a.id, url: ctx.core.fileUrl(a.id, assetFixture(a.mime)), mime_type: a.mime, size_bytes: a.uploadedBytes || a.size, status: assetStatus(ctx, a) });
    },
  },
  {
    method: 'GET', path: '/v3/assets/{asset_id}', handler: (ctx) => {
      const a = requireAsset(ctx);
      return ok(assetView(ctx, a));
    },
  },
  {
    method: 'DELETE', path: '/v3/assets/{asset_id}', handler: (ctx) => {
      const a = requireAsset(ctx);
      ctx.state.assets.delete(a.id);
      return ok({ id: a.id });
    },
  },
  {
    method: 'GET', path: '/v3/assets', handler: (ctx) => {
      const username = requireQuery(ctx.query, 'username');
      const items = [...ctx.state.assets.values()].reverse().filter((a) => a.status !== 'pending_upload');
      const p = paginate(items, ctx.query, `assets|${username}|${ctx.query['folder_id'] ?? ''}`, { max: 100, def: 20 });
      return page({ ...p, data: p.data.map((a) => assetView(ctx, a)) });
    },
  },
];

function assetView(ctx: Ctx, a: AssetRec): Record<string, unknown> {
  return {
    id: a.id, name: a.name, type: assetType(a.mime), owner: `sandbox_${ctx.key.slice(-6)}`, space_id: 'space_sandbox', folder_id: null,
    uploaded_at: a.createdAt, url: a.status === 'pending_upload' ? null : ctx.core.fileUrl(a.id, assetFixture(a.mime)),
  };
}

const xml = (status: number, code: string, message: string, requestId: string): Reply =>
  ({ status, headers: { 'content-type': 'application/xml' }, body: Buffer.from(s3Error(code, message, requestId)) });

/** PUT /uploads/<asset_id>: streamed, counted and hashed, never buffered. */
export async function handleUpload(u: UploadCtx): Promise<Reply> {
  let asset: AssetRec | undefined;
  let owner: KeyState | undefined;
  for (const s of u.core.states.values()) {
    const a = s.assets.get(u.id);
    if (a) { asset = a; owner = s; break; }
  }
  const drain = () => { u.req.resume(); };
  const expires = Number(u.query['X-Amz-Expires']);
  const sig = u.query['X-Amz-Signature'] ?? '';
  if (!asset || !owner) { drain(); return xml(404, 'NoSuchUpload', 'The specified upload does not exist', u.requestId); }
  const want = Buffer.from(uploadSig(u, asset.id, expires));
  if (sig.length !== want.length || !timingSafeEqual(want, Buffer.from(sig))) { drain(); return xml(403, 'SignatureDoesNotMatch', 'The request signature does not match', u.requestId); }
  if (expires * 1000 < u.core.nowMs()) { drain(); return xml(403, 'AccessDenied', 'Request has expired', u.requestId); }
  const ct = (u.headers['content-type'] ?? '').toLowerCase();
  if (ct.split(';')[0]?.trim() !== asset.mime) { drain(); return xml(403, 'SignatureDoesNotMatch', `Content-Type must be the signed value '${asset.mime}'`, u.requestId); }
  const hash = createHash('sha256');
  let bytes = 0;
  let over = false;
  for await (const chunk of u.req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > asset.maxBytes) { over = true; continue; }
    hash.update(chunk);
  }
  if (over) return xml(400, 'EntityTooLarge', 'Your proposed upload exceeds the signed size', u.requestId);
  const digest = hash.digest('hex');
  if (asset.checksum && asset.checksum !== digest) return xml(400, 'BadDigest', 'The SHA-256 you specified did not match what we received', u.requestId);
  if (bytes !== asset.size) return xml(400, 'IncompleteBody', 'You did not provide the number of bytes announced in size_bytes', u.requestId);
  asset.uploadedBytes = bytes;
  asset.uploadedSha256 = digest;
  if (asset.status === 'pending_upload') asset.status = 'uploaded';
  return { status: 200, headers: { etag: `"${digest.slice(0, 32)}"` }, body: Buffer.alloc(0) };
}


