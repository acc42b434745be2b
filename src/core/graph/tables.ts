import type { StorageBackend } from './backends/backend.ts';
import type { BackupAdapter } from './backups/adapter.ts';
import type { KindExtractor } from './kinds/extractor.ts';
import type { Graph } from './model.ts';
import type { RestoreAdapter } from './restores/adapter.ts';

/**
 * The tables a graph is built from: the kind extractors, storage backends, backup and restore
 * adapters. The registries (`GRAPH_TABLES`, graph/reads.ts) unless a caller hands others to the
 * front door's `loadCluster`, as the test of a made-up adapter does
 * (tests/graph/new-adapters.test.ts).
 */
export interface GraphTables {
  kinds: readonly KindExtractor[];
  backends: readonly StorageBackend[];
  backups: readonly BackupAdapter[];
  restores: readonly RestoreAdapter[];
}

const BUILT_WITH = new WeakMap<Graph, GraphTables>();

/** Remembers the tables a graph was built from when they are not the registries. */
export function recordTables(graph: Graph, tables: GraphTables): void {
  BUILT_WITH.set(graph, tables);
}

/**
 * The tables a graph was built from, if not the registries: what analysis asks of a volume's
 * backend (its placement) and of a protection's adapter (its status field, what it copies) is
 * asked of the rows that built the graph. Undefined for the registries and for a saved graph.
 */
export function tablesOf(graph: Graph): GraphTables | undefined {
  return BUILT_WITH.get(graph);
}
