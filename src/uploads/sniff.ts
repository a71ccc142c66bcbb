/** The media types HeyGen accepts as assets, recognised from the first bytes of a file. */
export interface MediaKind {
  mime: string;
  ext: string;
}

/** How many leading bytes `sniffMedia` needs. */
export const SNIFF_BYTES = 512;

export const ALLOWED_KINDS = 'png, jpeg, mp4, webm, mp3, wav, pdf or srt';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/**
 * Decides the type from content, never from the name, so a renamed executable or an HTML page
 * cannot pass as a video. Returns undefined for anything outside HeyGen's accepted types.
 */
export function sniffMedia(head: Buffer): MediaKind | undefined {
  if (head.subarray(0, 8).equals(PNG)) return { mime: 'image/png', ext: 'png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return { mime: 'video/mp4', ext: 'mp4' };
  if (head.subarray(0, 4).equals(EBML)) return { mime: 'video/webm', ext: 'webm' };
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WAVE') return { mime: 'audio/wav', ext: 'wav' };
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  if (head.subarray(0, 3).toString('latin1') === 'ID3' || isMpegFrame(head)) return { mime: 'audio/mpeg', ext: 'mp3' };
  if (looksLikeSrt(head)) return { mime: 'application/x-subrip', ext: 'srt' };
  return undefined;
}

/** An MPEG audio frame header: 11 sync bits, a valid version, layer III, a real bitrate. */
function isMpegFrame(h: Buffer): boolean {
  if (h.length < 4 || h[0] !== 0xff) return false;
  const b1 = h[1] ?? 0;
  const b2 = h[2] ?? 0;
  if ((b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  const bitrate = b2 >> 4;
  return version !== 0x01 && layer === 0x01 && bitrate !== 0x00 && bitrate !== 0x0f && ((b2 >> 2) & 0x03) !== 0x03;
}

/** SubRip: UTF-8 text (optionally with a BOM) whose first cue is an index and a time range. */
function looksLikeSrt(head: Buffer): boolean {
  let text = head.toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) {
    // A multi-byte character cut at the end of the sample is fine; anything earlier is not text.
    const cut = text.lastIndexOf('\ufffd');
    if (text.includes('\u0000') || cut < text.length - 3) return false;
    text = text.slice(0, cut);
  }
  text = text.replace(/^\ufeff/, '');
  return /^\s*\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/.test(text);
}
