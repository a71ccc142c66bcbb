import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { InputError, ToolRefusal } from '../errors.js';
import { expandHome, isInside } from './roots.js';
import { ALLOWED_KINDS, SNIFF_BYTES, sniffMedia, type MediaKind } from './sniff.js';

/** A regular file opened for reading, checked and typed. Close `handle` when done. */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
  /** The resolved path that was opened. */
  path: string;
  kind: MediaKind;
}

/**
 * Opens a local file for upload, only if it lies inside one of `roots` (already realpath'd).
 * The path is checked before anything touches the disk, again after symlinks are resolved, and
 * the opened descriptor itself is checked, so what was vetted is what gets read.
 */
export async function openAllowedFile(input: string, roots: readonly string[], maxBytes: number): Promise<OpenedFile> {
  if (input.includes('\0')) throw new InputError('path', 'must not contain NUL characters');
  if (roots.length === 0) {
    throw new ToolRefusal('Local uploads are disabled: no allowed roots. Expose the folder as an MCP root in the client, or set HEYGEN_MCP_UPLOAD_ROOTS; or pass url or base64 instead.');
  }
  const expanded = input.startsWith('~') ? expandHome(input) : input;
  // A relative path is read against each root, never against the server's working directory.
  const candidates = isAbsolute(expanded) ? [resolve(expanded)] : roots.map((r) => resolve(r, expanded));
  const outside = () => new ToolRefusal(`Refused: ${input} is outside the allowed upload roots (${roots.join(', ')}). Only files inside those folders can be uploaded.`);
  for (const lexical of candidates) {
    if (!roots.some((r) => isInside(lexical, r))) continue;
    let real: string;
    try {
      real = await realpath(lexical);
    } catch {
      continue;
    }
    // A symlink inside a root may point anywhere: judge where it really leads.
    if (!roots.some((r) => isInside(real, r))) throw outside();
    return openRegularFile(real, maxBytes, input);
  }
  if (candidates.some((c) => roots.some((r) => isInside(c, r)))) throw new InputError('path', `no such file: ${input}`);
  throw outside();
}

/**
 * Opens `real` (a resolved path) if it is a non-empty regular file of an accepted media type.
 * FIFOs, devices, sockets and directories are refused by lstat before opening; O_NOFOLLOW and
 * O_NONBLOCK keep a swapped-in symlink or FIFO from being followed or blocking the server.
 */
export async function openRegularFile(real: string, maxBytes: number, shown = basename(real)): Promise<OpenedFile> {
  const before = await lstat(real);
  if (!before.isFile()) throw new ToolRefusal(`Refused: ${shown} is not a regular file (${describeType(before)}).`);
  checkSize(before.size, maxBytes, shown);
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile() || st.ino !== before.ino || st.dev !== before.dev) throw new ToolRefusal(`Refused: ${shown} changed while it was being opened.`);
    checkSize(st.size, maxBytes, shown);
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
    await handle.read(head, 0, head.length, 0);
    const kind = sniffMedia(head);
    if (!kind) throw new ToolRefusal(`Refused: the content of ${shown} is not ${ALLOWED_KINDS} (the type is read from the bytes, not the name).`);
    return { handle, size: st.size, path: real, kind };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

function checkSize(size: number, maxBytes: number, shown: string): void {
  if (size === 0) throw new ToolRefusal(`Refused: ${shown} is empty.`);
  if (size > maxBytes) throw new ToolRefusal(`Refused: ${shown} is ${mb(size)}, over the ${mb(maxBytes)} upload limit.`);
}

function describeType(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isSymbolicLink(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symlink';
  return 'not a file';
}

export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}
