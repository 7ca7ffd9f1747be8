// Reading drafting files from disk, for the CLI and the server: the size is known before a
// byte is read, only regular files are opened (a FIFO or a device would block or never end),
// the encoding is taken from the byte-order mark, and a file that is not text says so instead
// of passing with no references.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_SIZE } from '../core/model/limits';

/** A file that cannot be read as text; the message says why, in words a user acts on. */
export class UnreadableFileError extends Error {}

export type SourceFile =
  | { text: string; /** Why the text may not read as written (invalid UTF-8), or undefined. */ warning?: string }
  | { tooLarge: number };

const ERRNO_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  EISDIR: 'it is a folder, not a file',
};

/** More invalid UTF-8 than one byte in this many, and the file is taken for binary, not for text with a few stray bytes. */
const BINARY_INVALID_SHARE = 8;

function unreadable(error: unknown): UnreadableFileError {
  if (error instanceof UnreadableFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new UnreadableFileError(code && ERRNO_MESSAGES[code] ? ERRNO_MESSAGES[code] : (error as Error).message);
}

/** Reads at most `limit + 1` bytes: a file that grew past its size since it was looked at stops there. */
function readAtMost(fd: number, size: number, limit: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

function count(bytes: Buffer, needle: Buffer | number): number {
  let found = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) found++;
  return found;
}

function decodeUtf16(bytes: Buffer, bigEndian: boolean): string {
  const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  if (bigEndian) body.swap16();
  const text = body.toString('utf16le');
  if (text.includes('\u0000')) throw new UnreadableFileError('not a text file (UTF-16 with NUL characters)');
  return text;
}

/** NUL bytes: binary, or UTF-16 saved without its byte-order mark (every other byte NUL in English text). */
function nulMessage(bytes: Buffer): string {
  const sample = bytes.subarray(0, 4096);
  const nuls = count(sample, 0);
  return nuls * 3 >= sample.length
    ? 'not a text file: it looks like UTF-16 without a byte-order mark (save it as UTF-8)'
    : 'not a text file (it contains NUL bytes)';
}

function decodeUtf8(bytes: Buffer): { text: string; warning?: string } {
  if (bytes.indexOf(0) !== -1) throw new UnreadableFileError(nulMessage(bytes));
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  const invalid = count(Buffer.from(text, 'utf8'), Buffer.from('\ufffd', 'utf8')) - count(bytes, Buffer.from('\ufffd', 'utf8'));
  if (invalid * BINARY_INVALID_SHARE > bytes.length) throw new UnreadableFileError('not a text file (it is not UTF-8, nor UTF-16 with a byte-order mark)');
  return { text, warning: `not valid UTF-8: ${invalid} byte sequence${invalid === 1 ? '' : 's'} read as U+FFFD (save it as UTF-8)` };
}

/** The text by its byte-order mark: UTF-8 (with or without one), UTF-16 LE or BE. */
function decode(bytes: Buffer): { text: string; warning?: string } {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new UnreadableFileError('UTF-32 is not supported (save it as UTF-8)');
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes, false) };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes, true) };
  return decodeUtf8(b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes);
}

/**
 * A drafting file's text, or its size when it is above `limit` bytes (nothing read). Throws
 * UnreadableFileError when it cannot be read, is not a regular file, or is not text.
 */
export function readSourceFile(path: string, limit = MAX_FILE_SIZE): SourceFile {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UnreadableFileError(ERRNO_MESSAGES.EISDIR);
    if (!stats.isFile()) throw new UnreadableFileError('not a regular file (a FIFO, device or socket): only files are read');
    if (stats.size > limit) return { tooLarge: stats.size };
    const bytes = readAtMost(fd, stats.size, limit);
    if (bytes.length > limit) return { tooLarge: Math.max(stats.size, bytes.length) };
    return decode(bytes);
  } catch (error) {
    throw unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/** A file's text (see readSourceFile); a file above the size limit is unreadable too. */
export function readTextFile(path: string, limit = MAX_FILE_SIZE): string {
  const source = readSourceFile(path, limit);
  if ('tooLarge' in source) {
    throw new UnreadableFileError(`${(source.tooLarge / 1048576).toFixed(1)} MB, above the ${limit / 1048576} MB limit`);
  }
  return source.text;
}
