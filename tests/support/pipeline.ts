/**
 * The tests' way into the pipeline: the core's front door (src/core/index.ts), as the CLI and
 * the benchmarks use it. A source goes through `loadCluster` (the kind filter, the graph) first,
 * so a test sees what `tierbook inventory` would.
 */
import type { Analysis } from '../../src/core/analysis/model.ts';
import {
  type AnalyseOptions,
  analyseCluster,
  buildInventory,
  type InventoryOptions,
  loadCluster,
} from '../../src/core/index.ts';
import type { Inventory } from '../../src/core/inventory/model.ts';
import type { SourceItem, SourceResult } from '../../src/core/model.ts';

/** A source result holding just these objects, nothing unread or skipped. */
export function sourceOf(items: SourceItem[]): SourceResult {
  return { items, unreadable: [], skipped: [] };
}

/** `tierbook inventory`'s inventory of a source: loaded, analysed and assembled. */
export async function inventoryFrom(source: SourceResult, options: InventoryOptions): Promise<Inventory> {
  return buildInventory(await loadCluster(source), options);
}

/** The analysis every answering command (blast, check, runbook, guard) works on. */
export async function analysisFrom(source: SourceResult, options: AnalyseOptions): Promise<Analysis> {
  return analyseCluster((await loadCluster(source)).graph, options);
}
