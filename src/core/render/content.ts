import { INDEX_FILE, legacyStorageFile, storageFile, workloadFile } from '../file-names.ts';
import { SAVED_INVENTORY_FILE } from '../graph/saved-inventory.ts';
import type { Inventory } from '../inventory/model.ts';
import { compare } from '../order.ts';
import { FINDINGS_FILE, renderFindingsPage } from './findings-page.ts';
import { type PageText, textOf } from './front-matter.ts';
import { renderIndexPage } from './index-page.ts';
import { extractNotes, hasOwnNotes } from './notes.ts';
import { renderRunbookPage } from './runbook-page.ts';
import { savedInventoryText } from './saved-inventory-file.ts';
import { renderStoragePage } from './storage-page.ts';
import { storageListsCapped, storageListsFile, storageListsText } from './storage-page-lists.ts';
import { renderWorkloadPage } from './workload-page.ts';

export const ORPHANED_DIR = 'orphaned-notes';

/**
 * The whole of content/ as path → text, in path order. `previous` is content/ as it is now: each
 * page keeps its operators' notes, and a page whose object is gone keeps them under
 * orphaned-notes/ so nothing written by hand is ever dropped. `writer.tierbook` is the version
 * writing it, recorded in index.md and graph.json.
 */
export function renderContent(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  writer: { tierbook?: string } = {},
): Map<string, string> {
  return new Map([...new Map(contentPages(inventory, previous, writer))].sort(([a], [b]) => compare(a, b)));
}

/**
 * renderContent's pages one at a time, as each is made (not in path order), so a writer can
 * write each and let it go instead of holding all of content/ (hundreds of MB at 10,000 pods).
 * A path made twice is a later page replacing the earlier, as in renderContent's map.
 */
export function* contentPages(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  writer: { tierbook?: string } = {},
): Generator<readonly [path: string, text: string]> {
  for (const [path, text] of contentPieces(inventory, previous, writer)) yield [path, textOf(text)];
}

/**
 * contentPages with each page's text as made: a string, or the pieces it is the concatenation
 * of (the pages with front matter: their YAML in chunks of a few KB), for a writer that writes
 * a page piece by piece instead of making it one string (decision 84).
 */
export function* contentPieces(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  writer: { tierbook?: string } = {},
): Generator<readonly [path: string, text: PageText]> {
  // A CephCluster is both a workload (it owns the mons and OSDs) and a storage object: it gets
  // both pages, and links to it go to the storage page, which shows its pools.
  const workloadPaths = new Map(
    inventory.workloads.map((w) => [w.id, workloadFile(w.kind, w.namespace, w.name)]),
  );
  const storagePaths = new Map(
    inventory.storage.map((s) => [s.id, storageFile(s.type, s.namespace, s.name)]),
  );
  const pages = new Map([...workloadPaths, ...storagePaths]);
  const restored = new Set<string>();
  const notesOf = (path: string, legacy = path) => {
    const own = previous.get(path);
    if (own !== undefined) return extractNotes(own, path);
    // A page whose file was renamed (a disk's readable name) keeps its notes.
    const before = previous.get(legacy);
    if (before !== undefined) {
      restored.add(legacy);
      return extractNotes(before, legacy);
    }
    // An object that came back gets back the notes kept for it while it was gone.
    const orphan = previous.get(`${ORPHANED_DIR}/${path}`);
    if (orphan === undefined) return undefined;
    restored.add(`${ORPHANED_DIR}/${path}`);
    return extractNotes(orphan, `${ORPHANED_DIR}/${path}`);
  };
  const made = new Set<string>();
  const page = (path: string, text: PageText) => {
    made.add(path);
    return [path, text] as const;
  };
  yield page(INDEX_FILE, renderIndexPage(inventory, writer.tierbook));
  yield page(FINDINGS_FILE, renderFindingsPage(inventory));
  yield page(SAVED_INVENTORY_FILE, savedInventoryText(inventory, writer.tierbook));
  for (const w of inventory.workloads) {
    const path = workloadPaths.get(w.id) as string;
    yield page(path, renderWorkloadPage(w, path, pages, notesOf(path)));
  }
  for (const s of inventory.storage) {
    const path = storagePaths.get(s.id) as string;
    yield page(
      path,
      renderStoragePage(s, path, pages, notesOf(path, legacyStorageFile(s.type, s.namespace, s.name))),
    );
    if (storageListsCapped(s)) yield page(storageListsFile(path), storageListsText(s));
  }
  for (const r of inventory.runbooks) yield page(r.path, renderRunbookPage(r));
  for (const [path, text] of previous) {
    if (made.has(path) || restored.has(path)) continue;
    const orphan = path.startsWith(`${ORPHANED_DIR}/`) ? path : `${ORPHANED_DIR}/${path}`;
    if (path.startsWith(`${ORPHANED_DIR}/`) || hasOwnNotes(extractNotes(text, path)))
      yield page(orphan, text);
  }
}
