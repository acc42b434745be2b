import type { Analysis } from '../../src/core/analysis/model.ts';
import { SAVED_INVENTORY_FILE } from '../../src/core/graph/saved-inventory.ts';
import { guardContextTextOf } from '../../src/core/guard/saved-context-text.ts';
import type { Inventory } from '../../src/core/inventory/model.ts';
import type { DomainBlast } from '../../src/core/inventory/storage-entries.ts';
import { contentPages } from '../../src/core/render/content.ts';
import { type Drift, driftOf, type PageChange, pageChange } from '../../src/core/render/drift.ts';
import { type PageText, textOf } from '../../src/core/render/front-matter.ts';
import type { ContentStaging } from '../../src/io/content-dir.ts';
import { GUARD_CONTEXT_FILE, sha256 } from '../../src/io/guard-context-file.ts';
import { VERSION } from './version.ts';

/**
 * What `inventory` does with the pages as they are made: which to write into the staging
 * folder, what drifted from the previous content/, the guard's cache beside graph.json, and
 * which "taken at" and writer to render with. The command (scripts/commands/inventory.ts)
 * decides whether the folder is replaced.
 */

export interface Made {
  inventory: Inventory;
  analysis: Analysis;
  drills: number;
  /** Each failure domain's blast radius, as the inventory computed it on `analysis`. */
  domainBlasts?: readonly DomainBlast[];
}

/**
 * Writes each page that differs from `previous` into `staging` as it is made (a new page as the
 * pieces it was made in), and only notes the
 * others (their text is `previous`'s, written if the folder is replaced). Returns what
 * contentDrift(previous, pages) gives (the guard's cache aside), every path made, and the
 * guard's cache made from graph.json's text as soon as it is made.
 */
export function stagePages(
  staging: ContentStaging,
  pages: Iterable<readonly [string, PageText]>,
  previous: ReadonlyMap<string, string>,
  made: Made,
): { drift: Drift; paths: string[]; guardContext: string | undefined } {
  // Each path's change from before (a path made twice: the last wins).
  const changes = new Map<string, PageChange>();
  let guardContext: string | undefined;
  for (const [path, page] of pages) {
    const old = previous.get(path);
    // A page new here is written as made (pieces stay pieces, decision 84); a page compared
    // with the previous one, or graph.json (the guard's cache is made from it), is one string.
    let text = page;
    // graph.json's UTF-8 bytes, made once: hashed and counted for the guard's cache, and written.
    let bytes: Buffer | undefined;
    if (old !== undefined || path === SAVED_INVENTORY_FILE) {
      const whole = textOf(page);
      if (path === SAVED_INVENTORY_FILE) {
        bytes = Buffer.from(whole, 'utf8');
        guardContext = guardContextFor(whole, made, bytes);
      }
      text = whole;
    }
    const change = typeof text === 'string' ? pageChange(path, old, text) : 'added';
    changes.set(path, change);
    if (change !== null) staging.write(path, bytes ?? text);
    // Written already by an earlier page of the same path: put the previous text back.
    else if (staging.has(path)) staging.write(path, bytes ?? text);
  }
  const before = [...previous.keys()].filter((path) => path !== GUARD_CONTEXT_FILE);
  return { drift: driftOf(changes, before), paths: [...changes.keys()], guardContext };
}

/**
 * The guard's saved analysis of graph.json (guard-context.json), stamped with the running
 * tierbook: the guard uses it only when that tierbook reads it, so an older one's cache is
 * rewritten, not kept like the version recorded in graph.json. Made from the graph and analysis
 * in memory (graph.json is their text), stamped with the SHA-256 and length of the UTF-8 bytes
 * written for graph.json: `bytes` when the caller has them (hashed as they are, rather than
 * encoding 30 MB of text again: decision 84).
 */
export function guardContextFor(graph: string, made: Made, bytes?: Uint8Array): string {
  const digest =
    bytes === undefined ? sha256 : (data: string | Uint8Array) => sha256(data === graph ? bytes : data);
  return guardContextTextOf(
    graph,
    {
      graph: made.inventory.graph,
      analysis: made.analysis,
      drills: made.drills,
      ...(made.domainBlasts ? { domainBlasts: made.domainBlasts } : {}),
      graphBytes: bytes?.length ?? Buffer.byteLength(graph),
    },
    VERSION,
    digest,
  );
}

export function withoutCache(files: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new Map([...files].filter(([path]) => path !== GUARD_CONTEXT_FILE));
}

/**
 * What to render content/ as. A scheduled run that finds nothing new keeps the old "taken at"
 * (unless --now) and the version of tierbook that wrote the files, so CI sees no drift: an
 * upgrade alone, or time passing, changes nothing in the cluster. A folder that records no
 * version gets it. The pages are rendered as before and compared, one at a time, with
 * `previous`; at the first difference the inventory is new.
 */
export function renderedAs(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  keepTakenAt: boolean,
): { inventory: Inventory; writer: { tierbook: string } } {
  const now = { inventory, writer: { tierbook: VERSION } };
  const index = previous.get('index.md') ?? '';
  const takenAt = keepTakenAt ? /^takenAt: '?([^'\n]+)'?$/m.exec(index)?.[1] : undefined;
  const writer = /^tierbook: '?([^'\n]+)'?$/m.exec(index)?.[1];
  if ((!takenAt || takenAt === inventory.takenAt) && (!writer || writer === VERSION)) return now;
  const before = {
    inventory: { ...inventory, takenAt: takenAt || inventory.takenAt },
    writer: { tierbook: writer || VERSION },
  };
  // Compared as made, none held (a path made twice: the last wins, as in renderContent).
  const differ = new Set<string>();
  const made = new Set<string>();
  for (const [path, text] of contentPages(before.inventory, previous, before.writer)) {
    made.add(path);
    if (previous.get(path) === text) differ.delete(path);
    else differ.add(path);
  }
  return differ.size === 0 && made.size === withoutCache(previous).size ? before : now;
}
