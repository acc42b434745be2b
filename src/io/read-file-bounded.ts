import { access, open } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { formatBytes } from '../core/sizes.ts';

/** V8 cannot hold a string much past 512 MiB; say so plainly instead of failing deep in a decoder. */
const MAX_STRING_BYTES = 512 * 1024 * 1024;
/** The most bytes read from one input file unless `--max-bytes` says otherwise. */
const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** The limit for one file: `--max-bytes` (default 256 MiB), never past what a string can hold. */
export function fileLimit(asked: number | undefined): number {
  return Math.min(asked ?? DEFAULT_MAX_FILE_BYTES, MAX_STRING_BYTES);
}

/**
 * A file's bytes, read a chunk at a time and counted: an InputError naming the file as soon as it
 * holds more than `maxBytes` (a device or a pipe has no size to check first), or when the
 * operating system refuses it.
 */
export async function readFileBounded(file: string, maxBytes: number): Promise<Buffer> {
  const bytes = await fileSystem(file, () => readBounded(file, maxBytes));
  if (bytes === undefined) throw tooLarge(file, maxBytes);
  return bytes;
}

/**
 * The file's bytes, or undefined as soon as it holds more than `maxBytes`: read a chunk at a time
 * and counted, never buffered past the limit (a device or a pipe has no size to check first).
 */
async function readBounded(file: string, maxBytes: number): Promise<Buffer | undefined> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - size));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, size);
      size += bytesRead;
      if (size > maxBytes) return undefined;
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, maxBytes: number): InputError {
  const raise =
    maxBytes < MAX_STRING_BYTES
      ? 'raise it with --max-bytes'
      : `files past ${formatBytes(MAX_STRING_BYTES)} cannot be read at all; split the file`;
  return new InputError(`file larger than ${formatBytes(maxBytes)}, the limit (${raise})`, {
    from: { file },
  });
}

/** Operating-system reasons in plain words; anything else keeps Node's message. */
const OS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ERR_FS_FILE_TOO_LARGE: 'file too large to read',
};

/** Runs a file-system call; its failure is bad input naming the path, in plain words. */
export async function fileSystem<T>(where: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
    const reason = OS_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot read: ${reason}${code ? ` (${code})` : ''}`, { from: { file: where } });
  }
}

/** Whether `path` is there (any kind of file) and this process may see it: never an error. */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
