import { FieldTypeError } from '../fields.ts';
import type { SourceItem } from '../model.ts';
import { BuildContext } from './context.ts';
import { onlyEnriches } from './enriching-kinds.ts';
import type { KindExtractor } from './kinds/extractor.ts';
import { linkOwners } from './kinds/owners.ts';
import { leftOutProblem } from './left-out.ts';
import type { Dangling, Graph } from './model.ts';
import { ObjectIndex } from './object-index.ts';
import { GRAPH_TABLES } from './reads.ts';
import { type GraphTables, recordTables } from './tables.ts';
import { reportUnusedClaims } from './unused-claims.ts';

/**
 * Objects → graph: every object's owner references, then each kind's extractor, then the
 * storage backends (which read what the kinds produced), then whole-graph checks. `tables` are
 * the registries unless a test hands in other rows; a graph built from others remembers them,
 * so analysis asks its own rows (graph/tables.ts).
 */
export function buildGraph(items: readonly SourceItem[], tables: GraphTables = GRAPH_TABLES): Graph {
  // A wrong-typed field on a kind that only enriches leaves that object out: build again
  // without it (pure and deterministic, so nothing of the failed attempt is kept).
  const leftOut: Dangling[] = [];
  let kept = items;
  for (;;) {
    try {
      const graph = buildFrom(kept, leftOut, tables);
      if (tables !== GRAPH_TABLES) recordTables(graph, tables);
      return graph;
    } catch (error) {
      if (!(error instanceof FieldTypeError) || !onlyEnriches(error.item.object)) throw error;
      const rest = kept.filter((item) => item !== error.item);
      if (rest.length === kept.length) throw error;
      leftOut.push(leftOutProblem(error));
      kept = rest;
    }
  }
}

function buildFrom(items: readonly SourceItem[], leftOut: readonly Dangling[], tables: GraphTables): Graph {
  const index = new ObjectIndex(items);
  const ctx = new BuildContext(index);
  const extractors = new Map<string, KindExtractor>();
  for (const extractor of tables.kinds) {
    const groups = typeof extractor.group === 'string' ? [extractor.group] : extractor.group;
    for (const group of groups) extractors.set(`${group}/${extractor.kind}`, extractor);
  }
  for (const reader of index.all()) linkOwners(ctx, reader);
  for (const [key, extractor] of [...extractors].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [group = '', kind = ''] = splitKey(key);
    for (const reader of index.ofKind(group, kind)) extractor.extract(ctx, reader);
  }
  for (const backend of tables.backends) backend.extract(ctx);
  for (const adapter of tables.backups) adapter.extract(ctx);
  for (const adapter of tables.restores) adapter.extract(ctx);
  const graph = ctx.toGraph();
  graph.dangling.push(...leftOut);
  reportUnusedClaims(graph);
  return graph;
}

function splitKey(key: string): [string, string] {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
