import type { TierbookConfig } from '../config/model.ts';
import type { Unread } from '../sources/unread.ts';
import type { Graph } from './model.ts';

/**
 * content/graph.json: what an inventory analysed, saved beside its pages so `blast`, `check`,
 * `runbook`, `print` and `guard` answer from a committed content/ alone (`--content DIR`), at
 * 2 AM with the cluster down. It holds the graph (only what the adapters extracted: no Secret,
 * no environment, URL credentials already redacted), the configuration the tiers came from,
 * and what the read did not see, so an answer from it says the same "not seen" as the pages.
 */
export const SAVED_INVENTORY_FILE = 'graph.json';

/**
 * Bumped when the shape changes so that an older reader would misread it (one step a version in
 * saved-inventory-migrations.ts); a reader refuses a newer one by name. A new optional field
 * keeps the number: an older reader ignores it.
 */
export const SAVED_INVENTORY_SCHEMA = 1;

export interface SavedInventory {
  schema: number;
  /** The tierbook version that wrote it; absent in files from before it was recorded. */
  tierbook?: string;
  cluster: string;
  takenAt: string;
  config: TierbookConfig;
  /** Kinds the cluster would not list and inputs skipped with --partial (unread.ts). */
  unread: Unread[];
  graph: Graph;
}

/**
 * The file's text: one graph node or edge a line, so a regenerated inventory's diff in git
 * shows which objects changed, and the same inventory is byte-identical.
 */
export function renderSavedInventory(saved: SavedInventory): string {
  const { graph, ...head } = saved;
  const list = (items: readonly unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]`;
  const header = Object.entries(head)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n');
  return `{\n${header},\n"nodes": ${list(graph.nodes)},\n"edges": ${list(graph.edges)},\n"dangling": ${list(graph.dangling)}\n}\n`;
}
