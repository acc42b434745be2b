import type { Analysis } from '../analysis/model.ts';
import type { SavedInventory } from '../graph/saved-inventory.ts';
import { list, number, readShape, record, text } from '../schemas/shape.ts';

/**
 * content/guard-context.json: what `tierbook guard --content` reads of graph.json and its
 * analysis, saved ahead, so a destructive command is answered without reading or re-analysing
 * the whole graph. It is a cache: a first line (the stamp) says which graph.json bytes, which
 * tierbook and which format it was made from, and lists its sections with the SHA-256 of each;
 * the guard uses it only when the stamp matches exactly and each section it reads matches its
 * checksum, and otherwise answers from graph.json as if it were not there. Deleting it is
 * always safe. Its sections, each a JSON text on lines of its own, in this order:
 * - `head`: graph.json's head (cluster, time, configuration, what was not read), whether it
 *   holds a core kind, and what `warnLeftOut` says of its graph;
 * - `inventory.*`: the guard's inventory table (inventory-table.ts), a section per lookup kind,
 *   so a command naming an OSD reads only the OSDs;
 * - `answers.*`: the blast radius of each OSD, disk, node, pool, claim and workload alone
 *   (saved-answers.ts);
 * - `context`: the analysis and the part of the graph a blast reads (GuardContextBody), for a
 *   decision no saved answer covers (several targets at once: a namespace, a release).
 */
export const GUARD_CONTEXT_FILE = 'guard-context.json';

/** Bumped whenever the file's layout changes: a reader uses only its own format. */
export const GUARD_CONTEXT_FORMAT = 5;

/** The sections, in the file's order. */
export const CONTEXT_SECTIONS = [
  'head',
  'inventory.osds',
  'inventory.disks',
  'inventory.pools',
  'inventory.nodes',
  'inventory.claims',
  'inventory.volumes',
  'inventory.workloads',
  'answers.index',
  'answers.values',
  'answers.workloads',
  'answers.backups',
  'answers',
  'context',
] as const;

export type ContextSection = (typeof CONTEXT_SECTIONS)[number];

const STAMP = record({
  format: number,
  tierbook: text,
  /** SHA-256 (hex) of the exact bytes of the graph.json it was computed from. */
  graph: text,
  /** graph.json's size in bytes: a graph.json of another size is stale before it is hashed. */
  graphBytes: number,
  /** Each section in the file's order: its name, its size in bytes and their SHA-256 (hex). */
  sections: list(record({ name: text, bytes: number, sha256: text })),
});

/** SHA-256 in hex of a text's UTF-8 bytes (or of bytes): given by the caller, the core loads no crypto. */
export type Digest = (data: string | Uint8Array) => string;

/** What a saved context gives the guard: graph.json's head, its warnings, and the analysis. */
export interface GuardContext {
  /** graph.json without its graph: cluster, time taken, configuration, what was not read. */
  head: Omit<SavedInventory, 'graph'>;
  /** What `warnLeftOut` says of graph.json's graph (objects left out for a field's type). */
  leftOut: string[];
  /**
   * The analysis `analyze(graph, { config, now })` would make, its blast preparation adopted.
   * Its index holds only the nodes and edges a guard decision reads (saved-graph.ts), and
   * those edges carry no `source`, `field` or `why`: it is the guard's, not for other uses.
   */
  analysis: Analysis;
}

/** The `head` section. */
export interface ContextHead {
  saved: Omit<SavedInventory, 'graph'>;
  /** graphHoldsCoreKind of graph.json's nodes: the full path refuses an empty inventory. */
  holdsCoreKind: boolean;
  leftOut: string[];
}

/** The file's bytes at `offset`, `length` of them (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

/** A section or an answer that does not match its checksum or does not read: use graph.json. */
export class UnusableContext extends Error {}

/** A context whose stamp matched: its head read, every other section read when asked for. */
export interface OpenedContext {
  head: ContextHead;
  /** A section's bytes, once their checksum is verified (throws UnusableContext otherwise). */
  bytes(name: ContextSection): Uint8Array;
  /** A section parsed as JSON, once verified. */
  section(name: ContextSection): unknown;
  /**
   * `bytes` bytes at `offset` of a section read in parts (`answers`, `answers.values`:
   * saved-answers.ts), parsed as JSON once verified against their own SHA-256.
   */
  part(name: ContextSection, offset: number, bytes: number, sha256: string): unknown;
}

/** The longest stamp line read: fourteen sections' names, sizes and digests fit many times over. */
const STAMP_BYTES = 1 << 16;

const NEWLINE = 0x0a;

/**
 * The saved context when its stamp matches exactly the graph.json (its size, then its digest),
 * the running tierbook and this format, and its sections add up to the file's size; otherwise
 * why not: the caller then answers from graph.json. `graph` is called only once the rest of the
 * stamp matched (it reads and hashes graph.json). Never throws; a section read later throws
 * UnusableContext when it does not match its checksum.
 */
export function openGuardContext(
  read: ReadAt,
  size: number,
  expected: { graphBytes: number; graph: () => string; tierbook: string },
  digest: Digest,
): OpenedContext | { unused: string } {
  try {
    const first = read(0, Math.min(size, STAMP_BYTES));
    const end = first.indexOf(NEWLINE);
    if (end < 0) return { unused: 'it has no stamp line' };
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const stamp = readShape(STAMP, GUARD_CONTEXT_FILE, JSON.parse(utf8.decode(first.subarray(0, end))));
    if (stamp.format !== GUARD_CONTEXT_FORMAT)
      return { unused: `format ${stamp.format}, this tierbook reads ${GUARD_CONTEXT_FORMAT}` };
    if (stamp.tierbook !== expected.tierbook)
      return { unused: `made by tierbook ${stamp.tierbook}, this is ${expected.tierbook}` };
    if (stamp.sections.map((s) => s.name).join(' ') !== CONTEXT_SECTIONS.join(' '))
      return { unused: 'its sections are not the ones this tierbook writes' };
    const at = new Map<string, { offset: number; bytes: number; sha256: string }>();
    let offset = end + 1;
    for (const s of stamp.sections) {
      at.set(s.name, { offset, bytes: s.bytes, sha256: s.sha256 });
      offset += s.bytes;
    }
    if (offset !== size) return { unused: `its sections add up to ${offset} bytes, the file has ${size}` };
    if (stamp.graphBytes !== expected.graphBytes || stamp.graph !== expected.graph())
      return { unused: 'graph.json changed since it was made' };
    const verified = (bytes: Uint8Array, sha256: string, what: string): Uint8Array => {
      if (digest(bytes) !== sha256) throw new UnusableContext(`its ${what} does not match its checksum`);
      return bytes;
    };
    const json = (bytes: Uint8Array, what: string): unknown => {
      try {
        return JSON.parse(utf8.decode(bytes));
      } catch (error) {
        throw new UnusableContext(
          `its ${what} does not read (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    };
    const sectionBytes = (name: ContextSection): Uint8Array => {
      const found = at.get(name) as { offset: number; bytes: number; sha256: string };
      const bytes = read(found.offset, found.bytes);
      if (bytes.length !== found.bytes) throw new UnusableContext(`its section ${name} is cut short`);
      return verified(bytes, found.sha256, `section ${name}`);
    };
    const head = json(sectionBytes('head'), 'section head') as ContextHead;
    // The full path refuses an inventory that holds nothing; so does this one, saying so.
    if (head.holdsCoreKind === false) return { unused: 'the inventory holds no core kind' };
    if (head.holdsCoreKind !== true) return { unused: 'it does not read (no holdsCoreKind)' };
    return {
      head,
      bytes: sectionBytes,
      section: (name) => json(sectionBytes(name), `section ${name}`),
      part(name, offset, bytes, sha256) {
        const section = at.get(name) as { offset: number; bytes: number };
        const what = `part of section ${name}`;
        if (
          !Number.isInteger(offset) ||
          !Number.isInteger(bytes) ||
          offset < 0 ||
          bytes < 0 ||
          offset + bytes > section.bytes
        )
          throw new UnusableContext(`a ${what} lies outside it`);
        const found = read(section.offset + offset, bytes);
        if (found.length !== bytes) throw new UnusableContext(`a ${what} is cut short`);
        return json(verified(found, sha256, what), what);
      },
    };
  } catch (error) {
    return { unused: `it does not read (${error instanceof Error ? error.message : String(error)})` };
  }
}

const ASCII = /^\p{ASCII}*$/u;

/** A text's length in UTF-8 bytes, without encoding it. */
export function utf8Length(text: string): number {
  // Nearly every section is ASCII: one native scan says so, and its length is its size.
  if (ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
