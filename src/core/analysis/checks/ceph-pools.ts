import type { GraphIndex } from '../../graph/graph-index.ts';
import type { GraphNode } from '../../graph/model.ts';

/** A Ceph pool and the object (and field prefix) that declares it. */
export interface DeclaredPool {
  node: GraphNode;
  /** The CephBlockPool itself, or the CephFilesystem a filesystem pool belongs to. */
  object: string;
  /** `spec`, `spec.metadataPool`, `spec.dataPools[0]`. */
  base: string;
  /** `pool rook-ceph/replicapool`, `metadata pool ceph-filesystem-metadata of CephFilesystem rook-ceph/ceph-filesystem`. */
  label: string;
}

/** Every pool read (or derived from a CephFilesystem), in graph order. Placeholders are skipped. */
export function declaredPools(index: GraphIndex): DeclaredPool[] {
  const pools: DeclaredPool[] = [];
  for (const node of index.graph.nodes) {
    if (node.missing) continue;
    if (node.kind === 'CephBlockPool') {
      pools.push({ node, object: node.id, base: 'spec', label: `pool ${node.namespace}/${poolName(node)}` });
    } else if (node.kind === 'CephFilesystemPool') {
      // The CephFilesystem's edge to each of its pools records the field that declares it.
      const declared = index
        .in(node.id, 'stored-in')
        .find((e) => index.node(e.from)?.kind === 'CephFilesystem');
      if (!declared) continue;
      pools.push({
        node,
        object: declared.from,
        base: declared.field,
        label: `${String(node.attrs.role ?? 'data')} pool ${poolName(node)} of CephFilesystem ${node.namespace}/${String(node.attrs.filesystem)}`,
      });
    }
  }
  return pools;
}

export function poolName(node: GraphNode): string {
  return typeof node.attrs.poolName === 'string' ? node.attrs.poolName : node.name;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
