import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SAVED_INVENTORY_FILE } from '../core/graph/saved-inventory.ts';
import {
  type Digest,
  GUARD_CONTEXT_FILE,
  type GuardContext,
  type OpenedContext,
  openGuardContext,
} from '../core/guard/saved-context.ts';
import { exists, fileLimit } from './read-file-bounded.ts';

export { GUARD_CONTEXT_FILE };

/** SHA-256 in hex: the stamp's digest of graph.json's bytes and of the context's body. */
export const sha256: Digest = (data) => hash('sha256', data, 'hex');

/**
 * The guard's saved context in content folder `dir` (guard-context.json), opened, when it was
 * made from exactly the graph.json there (its size, then its bytes' SHA-256), by this
 * tierbook, in this format; otherwise why not (null: there is none). Only its stamp and head
 * are read here; each other section is read from the file when first asked for (and verified
 * then: OpenedContext). Whatever goes wrong (no file, unreadable, too large, edited, stale) is
 * a reason to answer from graph.json instead, never an error and never an answer: the full
 * path then reads graph.json and reports its own errors.
 */
export async function openGuardContextFile(
  dir: string,
  expected: { tierbook: string; maxBytes?: number | undefined },
): Promise<OpenedContext | { unused: string | null }> {
  const limit = fileLimit(expected.maxBytes);
  const graphPath = join(dir, SAVED_INVENTORY_FILE);
  const path = join(dir, GUARD_CONTEXT_FILE);
  // An inventory written before the file existed (or with it deleted): the full path, quietly.
  if (!(await exists(path))) return { unused: null };
  let graphBytes: number;
  let contextBytes: number;
  try {
    [graphBytes, contextBytes] = await Promise.all([regularFile(graphPath, limit), regularFile(path, limit)]);
  } catch (error) {
    return { unused: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  let hashError: unknown = null;
  const graph = () => {
    try {
      return fileSha256(graphPath, limit);
    } catch (error) {
      hashError = error;
      return '';
    }
  };
  const found = openGuardContext(
    (at, length) => readAt(path, at, length),
    contextBytes,
    { graphBytes, graph, tierbook: expected.tierbook },
    sha256,
  );
  if (hashError !== null)
    return {
      unused: `graph.json could not be read (${hashError instanceof Error ? hashError.message : String(hashError)})`,
    };
  return found;
}

/** The saved context's analysis (all of it read), or why not: `openGuardContextFile`, then its `context`. */
export async function readGuardContextFile(
  dir: string,
  expected: { tierbook: string; now: string; maxBytes?: number | undefined },
): Promise<GuardContext | { unused: string | null }> {
  const opened = await openGuardContextFile(dir, expected);
  if ('unused' in opened) return opened;
  const { savedGuardContext } = await import('../core/guard/saved-context-body.ts');
  try {
    return savedGuardContext(opened, expected.now);
  } catch (error) {
    return { unused: error instanceof Error ? error.message : String(error) };
  }
}

/** `length` bytes of a file from `at` (fewer at its end), opened and closed for the read. */
function readAt(path: string, at: number, length: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's size when it is within `limit` (--max-bytes). */
async function regularFile(path: string, limit: number): Promise<number> {
  const info = await stat(path);
  if (!info.isFile() || info.size > limit) throw new Error(`${path} is not a file within ${limit} bytes`);
  return info.size;
}

/**
 * SHA-256 of a file's every byte, read through one small buffer: graph.json is tens of MB on a
 * large cluster, and reading it whole costs more in fresh memory than hashing it.
 */
function fileSha256(path: string, limit: number): string {
  const digest = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    let total = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new Error(`${path} grew past ${limit} bytes`);
      digest.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return digest.digest('hex');
}
