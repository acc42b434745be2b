import { type FieldReader, isRecord } from '../../fields.ts';
import { compare } from '../../order.ts';
import type { GraphIndex } from '../graph-index.ts';
import { nodeId } from '../ids.ts';

export interface LonghornNodeFacts {
  /** Longhorn may put new replicas here: scheduling allowed on the node and on a disk, not evicting, not reported unschedulable or not ready. */
  schedulable: boolean;
  /** Disks Longhorn knows on the node (spec.disks). */
  disks: number;
  /** Disk name → replica names Longhorn placed on it (status.diskStatus.*.scheduledReplica). */
  scheduledReplicas: [string, string[]][];
}

/**
 * A Longhorn Node CR (longhorn.io/v1beta2 Node in longhorn-system, named after the Kubernetes
 * node): `spec.allowScheduling`, `spec.evictionRequested`, `spec.disks.<name>.allowScheduling`
 * and `.evictionRequested`, `status.conditions` (Ready, Schedulable), and
 * `status.diskStatus.<name>.scheduledReplica`.
 */
export function longhornNodeFacts(node: FieldReader): LonghornNodeFacts {
  const disks = node.recordEntries('spec.disks');
  // Disk names may hold dots: the entries are read as values, not as paths.
  const usable = disks.filter(
    ([, disk]) => disk.allowScheduling !== false && disk.evictionRequested !== true,
  );
  // v1beta2 lists conditions; v1beta1 kept them in a map keyed by type.
  const conditions = Array.isArray(node.raw('status.conditions'))
    ? node.indexes('status.conditions').map((i) => node.record(`status.conditions[${i}]`) ?? {})
    : node.recordEntries('status.conditions').map(([, condition]) => condition);
  const conditionFalse = (type: string) =>
    conditions.some((c) => c.type === type && String(c.status) === 'False');
  const schedulable =
    node.boolean('spec.allowScheduling') !== false &&
    node.boolean('spec.evictionRequested') !== true &&
    usable.length > 0 &&
    !conditionFalse('Ready') &&
    !conditionFalse('Schedulable');
  const scheduledReplicas: [string, string[]][] = node
    .recordEntries('status.diskStatus')
    .map(([disk, status]): [string, string[]] => {
      const replicas = status.scheduledReplica;
      if (replicas === undefined || replicas === null) return [disk, []];
      if (!isRecord(replicas))
        throw node.wrongShape(`status.diskStatus.${disk}.scheduledReplica`, 'a mapping', replicas);
      return [disk, Object.keys(replicas).sort()];
    })
    .filter(([, replicas]) => replicas.length > 0)
    .sort(([a], [b]) => compare(a, b));
  return { schedulable, disks: disks.length, scheduledReplicas };
}

export interface LonghornNode {
  /** The Kubernetes Node's graph id. */
  node: string;
  schedulable: boolean;
  disks: number;
}

const nodesOfIndex = new WeakMap<GraphIndex, LonghornNode[]>();

/** The Longhorn Node objects read, as the longhorn backend recorded them (once per graph). */
export function longhornNodes(index: GraphIndex): LonghornNode[] {
  let nodes = nodesOfIndex.get(index);
  if (!nodes) {
    nodes = index.graph.nodes
      .filter((n) => n.group === 'longhorn.io' && n.kind === 'Node' && !n.missing)
      .map((n) => ({
        node: nodeId('', 'Node', undefined, n.name),
        schedulable: n.attrs.schedulable === true,
        disks: typeof n.attrs.disks === 'number' ? n.attrs.disks : 0,
      }))
      .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    nodesOfIndex.set(index, nodes);
  }
  return nodes;
}
