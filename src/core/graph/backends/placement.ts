import type { GraphIndex } from '../graph-index.ts';
import type { GraphNode } from '../model.ts';

/**
 * Where a volume's copies may sit, as its backend tells it: the failure-domain facts blast
 * needs, so that blast never branches on backend names. A placement the API cannot show is
 * the worst case the backend can justify, with the assumption spelled out in `assumptions`.
 */
export type Placement = PoolPlacement | NodePlacement | OutsidePlacement;

/** Ceph: the data spreads over every OSD its pools may use; the pool arithmetic decides. */
export interface PoolPlacement {
  type: 'pools';
  /** How the volume is kept, in words: "an RBD image". */
  words: string;
  pools: string[];
  assumptions: string[];
}

/**
 * Copies on distinct nodes (a node-local volume: one copy; Longhorn: its replicas). With the
 * placement known, `copies` equals `nodes.length`; unknown, `nodes` is every node a copy may
 * be on and `copies` the fewest distinct nodes they occupy, so losing that many of `nodes`
 * may lose them all.
 */
export interface NodePlacement {
  type: 'nodes';
  words: string;
  /** What one copy is called: "replica", "copy". */
  unit: string;
  /** Distinct nodes holding a copy (at least; fewer nodes is the worse case). */
  copies: number;
  nodes: string[];
  known: boolean;
  assumptions: string[];
}

/**
 * Outside the cluster's nodes (a cloud disk, an NFS server, an external array): no node, OSD
 * or disk of the inventory holds it; only its StorageClass or PVC as a target reaches it.
 */
export interface OutsidePlacement {
  type: 'outside';
  words: string;
  assumptions: string[];
}

/** One volume as a backend sees it: the claim and what lies below it in the graph. */
export interface VolumeView {
  index: GraphIndex;
  claim: string;
  pv: GraphNode | undefined;
  storageClass: GraphNode | undefined;
  /** `attrs.backend` of the PV, else of its class: which backend claimed it. */
  backend: string | null;
}

/** Targets of the PV's edges of one type, else its class's (a PV not read, or not yet bound). */
export function volumeTargets(volume: VolumeView, type: 'stored-in' | 'served-by' | 'pinned-to'): string[] {
  const of = (node: GraphNode | undefined) =>
    node ? [...new Set(volume.index.out(node.id, type).map((e) => e.to))].sort() : [];
  const own = of(volume.pv);
  return own.length > 0 ? own : of(volume.storageClass);
}

/** Kubernetes Node ids the PV is pinned to (required node affinity, selected-node annotation). */
export function pinnedNodes(volume: VolumeView): string[] {
  if (!volume.pv) return [];
  return [...new Set(volume.index.out(volume.pv.id, 'pinned-to').map((e) => e.to))]
    .filter((id) => isKubernetesNode(volume.index.node(id)))
    .sort();
}

const nodesOfIndex = new WeakMap<GraphIndex, string[]>();

/** Every Kubernetes Node the graph knows, read or only referenced (computed once per graph). */
export function kubernetesNodes(index: GraphIndex): string[] {
  let nodes = nodesOfIndex.get(index);
  if (!nodes) {
    nodes = index.graph.nodes.filter(isKubernetesNode).map((n) => n.id);
    nodesOfIndex.set(index, nodes);
  }
  return nodes;
}

export function isKubernetesNode(node: GraphNode | undefined): node is GraphNode {
  return node?.group === '' && node.kind === 'Node';
}
