import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SAVED_INVENTORY_FILE } from '../core/graph/saved-inventory.ts';
import {
  type Digest,
  GUARD_CONTEXT_FILE,
  type GuardContext,
  readGuardContext,
} from '../core/guard/saved-context.ts';
import { exists, fileLimit } from './read-file-bounded.ts';

export { GUARD_CONTEXT_FILE };

/** SHA-256 in hex: the stamp's digest of graph.json's bytes and of the context's body. */
export const sha256: Digest = (data) => hash('sha256', data, 'hex');

/**
 * The guard's saved context in content folder `dir` (guard-context.json), when it was made from
 * exactly the graph.json there (its size, then its bytes' SHA-256), by this tierbook, in this
 * format, and its body is intact; otherwise why not (null: there is none). Whatever goes wrong
 * (no file, unreadable, too large, edited, stale) is a reason to answer from graph.json
 * instead, never an error and never an answer: the full path then reads graph.json and reports
 * its own errors.
 */
export async function readGuardContextFile(
  dir: string,
  expected: { tierbook: string; now: string; maxBytes?: number | undefined },
): Promise<GuardContext | { unused: string | null }> {
  const limit = fileLimit(expected.maxBytes);
  const graphPath = join(dir, SAVED_INVENTORY_FILE);
  // An inventory written before the file existed (or with it deleted): the full path, quietly.
  if (!(await exists(join(dir, GUARD_CONTEXT_FILE)))) return { unused: null };
  let graphBytes: number;
  let contextBytes: Buffer;
  try {
    [graphBytes, contextBytes] = await Promise.all([
      regularFile(graphPath, limit),
      wholeFile(join(dir, GUARD_CONTEXT_FILE), limit),
    ]);
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
  const found = readGuardContext(
    contextBytes,
    { graphBytes, graph, tierbook: expected.tierbook, now: expected.now },
    sha256,
  );
  if (hashError !== null)
    return {
      unused: `graph.json could not be read (${hashError instanceof Error ? hashError.message : String(hashError)})`,
    };
  return found;
}

/** A regular file's size when it is within `limit` (--max-bytes). */
async function regularFile(path: string, limit: number): Promise<number> {
  const info = await stat(path);
  if (!info.isFile() || info.size > limit) throw new Error(`${path} is not a file within ${limit} bytes`);
  return info.size;
}

/** A regular file's bytes in one read, when it is within `limit`. */
async function wholeFile(path: string, limit: number): Promise<Buffer> {
  await regularFile(path, limit);
  const bytes = await readFile(path);
  if (bytes.length > limit) throw new Error(`${path} grew past ${limit} bytes`);
  return bytes;
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
