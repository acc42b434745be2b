import { BACKUP_COPIES } from '../graph/backups/copies.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { qualifiedName } from '../graph/ids.ts';
import type { Graph } from '../graph/model.ts';
import { tablesOf } from '../graph/tables.ts';
import type { Json } from '../model.ts';
import { compare } from '../order.ts';
import type { Protection } from './backups/model.ts';
import { holdsData } from './host-paths.ts';
import type { Workload } from './workloads.ts';

/**
 * Data a workload keeps in a hostPath volume (outside the table of paths that hold none): it
 * lives on one node only, like a node-local PV, and no volume backup copies it.
 */
export interface HostPathData {
  /** The pod that mounts it, or the template's object (Deployment, DaemonSet…) when no pod was read. */
  object: string;
  volume: string;
  path: string;
  /** The node it is on: the pod's. Null when no scheduled pod was read: it may be on any node. */
  node: string | null;
  /** The field that declares it, when a scheduled pod's mount edge names it. */
  field: string | null;
}

/**
 * The workload's hostPath data: per scheduled pod (pods that finished too: what they wrote
 * stays on the node), or, when no pod was read (a manifest-only inventory), its templates'
 * volumes with no node.
 */
export function hostPathDataOf(index: GraphIndex, workload: Workload): HostPathData[] {
  const ids = [workload.id, ...workload.members];
  const pods = ids.filter((id) => {
    const node = index.node(id);
    return node?.kind === 'Pod' && node.group === '';
  });
  const found: HostPathData[] = [];
  for (const pod of pods) {
    const node = index.out(pod, 'scheduled-on')[0]?.to ?? null;
    for (const volume of dataVolumes(index.node(pod)?.attrs.inlineVolumes)) {
      const edge = node
        ? index
            .out(pod, 'mounts')
            .find((e) => e.to === node && e.why.startsWith(`volume ${volume.name} is hostPath`))
        : undefined;
      found.push({ object: pod, volume: volume.name, path: volume.path, node, field: edge?.field ?? null });
    }
  }
  if (pods.length > 0) return found;
  // No pod read: every template (a Deployment's and its ReplicaSets') says the same; keep each path once.
  const seen = new Set<string>();
  for (const id of ids) {
    for (const volume of dataVolumes(index.node(id)?.attrs.inlineVolumes)) {
      const key = `${volume.name}\u0000${volume.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ object: id, volume: volume.name, path: volume.path, node: null, field: null });
    }
  }
  return found;
}

/**
 * "hostPath /var/lib/etcd of pod openshift-etcd/etcd-master-0": how reasons and messages name
 * it; just "hostPath /var/lib/etcd" when `workload` is the object itself (a bare or static pod).
 */
export function describeHostPath(data: HostPathData, workload?: string): string {
  if (data.object === workload) return `hostPath ${data.path}`;
  const kind = data.object.split('/')[1] ?? '';
  return `hostPath ${data.path} of ${kind === 'Pod' ? 'pod' : kind} ${qualifiedName(data.object)}`;
}

/** The distinct nodes the data is known to be on, sorted. */
export function hostPathNodes(data: readonly HostPathData[]): string[] {
  return [...new Set(data.flatMap((d) => (d.node ? [d.node] : [])))].sort(compare);
}

/**
 * Backups that copy volumes (Velero's fs-backup and snapshots, VolSync, K8up, Longhorn, CSI
 * snapshots) never copy a hostPath directory; only a database's own backup copies its data
 * wherever it lives (each adapter says which it `copies`).
 */
export function copiesHostPaths(graph: Graph, protection: Protection): boolean {
  // A graph built from other tables (a made-up adapter in a test) asks its own rows.
  const custom = tablesOf(graph)?.backups?.find((a) => a.system === protection.system);
  return (custom?.copies ?? BACKUP_COPIES[protection.system]) === 'database';
}

function dataVolumes(value: Json | undefined): { name: string; path: string }[] {
  if (!Array.isArray(value)) return [];
  const out: { name: string; path: string }[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object' || Array.isArray(v) || v.type !== 'hostPath') continue;
    if (typeof v.path !== 'string' || typeof v.name !== 'string' || !holdsData(v.path)) continue;
    out.push({ name: v.name, path: v.path });
  }
  return out;
}
