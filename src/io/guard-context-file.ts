import { hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SAVED_INVENTORY_FILE } from '../core/graph/saved-inventory.ts';
import {
  type Digest,
  GUARD_CONTEXT_FILE,
  type GuardContext,
  readGuardContext,
} from '../core/guard/saved-context.ts';
import { graphHoldsCoreKind } from '../core/sources/nothing-read.ts';
import { exists, fileLimit } from './read-file-bounded.ts';

export { GUARD_CONTEXT_FILE };

/** SHA-256 in hex: the stamp's digest of graph.json's bytes and of the context's body. */
export const sha256: Digest = (data) => hash('sha256', data, 'hex');

/**
 * The guard's saved context in content folder `dir` (guard-context.json), when it was made from
 * exactly the graph.json there (its bytes' SHA-256), by this tierbook, in this format, and its
 * body is intact; otherwise why not (null: there is none). Whatever goes wrong (no file, unreadable, too large, edited,
 * stale) is a reason to answer from graph.json instead, never an error and never an answer: the
 * full path then reads graph.json and reports its own errors.
 */
export async function readGuardContextFile(
  dir: string,
  expected: { tierbook: string; now: string; maxBytes?: number | undefined },
): Promise<GuardContext | { unused: string | null }> {
  const limit = fileLimit(expected.maxBytes);
  // An inventory written before the file existed (or with it deleted): the full path, quietly.
  if (!(await exists(join(dir, GUARD_CONTEXT_FILE)))) return { unused: null };
  let graphBytes: Buffer;
  let contextText: string;
  try {
    [graphBytes, contextText] = await Promise.all([
      wholeFile(join(dir, SAVED_INVENTORY_FILE), limit),
      wholeFile(join(dir, GUARD_CONTEXT_FILE), limit).then((b) => b.toString('utf8')),
    ]);
  } catch (error) {
    return { unused: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const found = readGuardContext(
    contextText,
    { graph: sha256(graphBytes), tierbook: expected.tierbook, now: expected.now },
    sha256,
  );
  // The full path refuses an inventory that holds nothing; it says so, naming the file.
  if ('saved' in found && !graphHoldsCoreKind(found.saved.graph.nodes))
    return { unused: 'the inventory holds no core kind' };
  return found;
}

/**
 * A regular file's bytes in one read, when it is within `limit` (--max-bytes): these two files
 * are the inventory's own, and reading them in counted chunks cost more than the guard's answer.
 */
async function wholeFile(path: string, limit: number): Promise<Buffer> {
  const info = await stat(path);
  if (!info.isFile() || info.size > limit) throw new Error(`${path} is not a file within ${limit} bytes`);
  const bytes = await readFile(path);
  if (bytes.length > limit) throw new Error(`${path} grew past ${limit} bytes`);
  return bytes;
}
