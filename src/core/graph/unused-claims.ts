import { compare } from './context.ts';
import type { Graph } from './model.ts';

/** A PVC nothing mounts is orphaned data (or a workload we could not read): say so. */
export function reportUnusedClaims(graph: Graph): void {
  const mounted = new Set(
    graph.edges.filter((e) => e.type === 'mounts' || e.type === 'restored-from').map((e) => e.to),
  );
  for (const node of graph.nodes) {
    if (node.kind !== 'PersistentVolumeClaim' || node.group !== '' || node.missing || mounted.has(node.id))
      continue;
    graph.dangling.push({
      object: node.id,
      field: 'metadata.name',
      message: 'no pod or workload uses this PVC',
    });
  }
  graph.dangling.sort(
    (a, b) => compare(a.object, b.object) || compare(a.field, b.field) || compare(a.message, b.message),
  );
}
