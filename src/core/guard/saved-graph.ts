import type { BlastContext } from '../analysis/blast/context.ts';
import { notServing } from '../analysis/blast/instances.ts';
import { isFinished } from '../analysis/blast/workload-effect.ts';
import type { EdgeType, GraphNode } from '../graph/model.ts';

/**
 * The part of graph.json a guard decision reads once its analysis and blast preparation are
 * saved (guard-context.json): the rest (ReplicaSets, Services, Ingresses, most edges and every
 * edge's `source`, `field` and `why`) is read only while the analysis is made, at `inventory`.
 * Kept by kind and edge type, never by what one cluster happens to hold, so what is left out is
 * left out of every cluster alike; the equivalence tests (tests/guard/saved-context.test.ts)
 * hold every blast target of the sample and of every blast fixture to the full path.
 */

/**
 * Kinds, whatever their group, that the blast query, its targets and the guard's command table
 * look up or scan: OSDs, disks, nodes, pools and CephClusters (targets, losses, pools' CRUSH
 * facts, `unplaced-pool.ts`), classes (targets, losses), claims and volumes (targets, losses,
 * `kubectl delete pvc|pv`, RBD images, reclaim policies), pods (phase and readiness for
 * `isFinished`/`notServing`, static pods' peers).
 */
const KINDS: ReadonlySet<string> = new Set([
  'OSD',
  'Disk',
  'Node',
  'CephBlockPool',
  'CephFilesystemPool',
  'CephCluster',
  'StorageClass',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Pod',
]);

/**
 * Edge types the query walks, each with the ends it needs: a node's OSDs (`runs-on`) and disks
 * (`in-node`), a class's claims and volumes (`uses-class`), claim ↔ volume (`bound-to`), OSD ↔
 * disk (`on-device`), a pool's OSDs (`placed-on`) and cluster (`part-of`), where a pod runs
 * (`scheduled-on`: static pods' peers), what a workload's members mount (`mounts`: the guard's
 * `kubectl delete` of a workload keeps the claims among them), and what a backup's Service
 * selects. tests/guard/saved-context.test.ts records what the full path reads at answer time
 * (nodes, edges, fields) and holds it to what is kept here.
 */
const EDGES: Readonly<Record<string, 'any' | 'from-destination'>> = {
  'runs-on': 'any',
  'in-node': 'any',
  'uses-class': 'any',
  'bound-to': 'any',
  'on-device': 'any',
  'placed-on': 'any',
  'part-of': 'any',
  'scheduled-on': 'any',
  mounts: 'any',
  selects: 'from-destination',
};

/**
 * Fields read at answer time of the kinds a large cluster has most of: a pod's phase,
 * readiness and being static (`isFinished`, `notServing`, static peers); a claim's being
 * modelled from a spec and where its class came from (`blastRadius`, `lossesOf`); a volume's
 * reclaim policy and RBD image (the guard's `kubectl patch pv`, `rbd rm`). The rest (images,
 * labels, sizes, paths) only made the analysis. A workload or backup destination keeps all.
 */
const ATTRS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['phase', 'ready', 'staticPod'],
  PersistentVolumeClaim: ['modelled', 'classFrom'],
  PersistentVolume: ['reclaimPolicy', 'image'],
};

/** The nodes and edges a guard decision reads, in graph.json's order. */
export function guardGraph(context: BlastContext): {
  nodes: GraphNode[];
  edges: { from: string; to: string; type: EdgeType }[];
} {
  const { analysis, index } = context;
  const workloads = new Set(analysis.workloads.map((w) => w.id));
  // Where backups are kept (a Service, a claim, a pool, a CSI driver, a workload): named and
  // followed by `backupSurvival`.
  const destinations = new Set<string>();
  for (const list of analysis.protections.values())
    for (const p of list) if (p.destination.node) destinations.add(p.destination.node);
  const named = (n: GraphNode) => workloads.has(n.id) || destinations.has(n.id);
  // A pod that runs, serves and is not static answers as an absent one does: isFinished is
  // false and notServing null for both, and only static pods are scanned for peers. Most pods
  // of a large cluster are such pods.
  const plainPod = (n: GraphNode) =>
    n.kind === 'Pod' &&
    n.group === '' &&
    !named(n) &&
    n.attrs.staticPod !== true &&
    !isFinished(index, n.id) &&
    notServing(index, n.id) === null;
  const nodes = index.graph.nodes
    .filter((n) => (KINDS.has(n.kind) || named(n)) && !plainPod(n))
    .map((n) => (n.group === '' && ATTRS[n.kind] && !named(n) ? slim(n, ATTRS[n.kind] ?? []) : n));
  const keptIds = new Set(nodes.map((n) => n.id));
  // Edges are looked up by id, from nodes left out too (a ReplicaSet's template mounts a claim).
  const edges = index.graph.edges
    .filter((e) => {
      const rule = EDGES[e.type];
      if (rule === 'from-destination') return destinations.has(e.from);
      // Where a pod left out runs is read of no one: only static pods' are (their peers).
      if (e.type === 'scheduled-on') return keptIds.has(e.from);
      return rule === 'any';
    })
    .map((e) => ({ from: e.from, to: e.to, type: e.type }));
  return { nodes, edges };
}

function slim(node: GraphNode, fields: readonly string[]): GraphNode {
  const attrs: GraphNode['attrs'] = {};
  for (const key of fields) if (node.attrs[key] !== undefined) attrs[key] = node.attrs[key];
  return { ...node, attrs };
}
