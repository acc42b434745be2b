import { compare } from '../graph/context.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import type { GraphNode } from '../graph/model.ts';
import { workloadKindOf } from './workload-kinds.ts';

/** Kinds that run pods. Operator resources become workloads by owning these (or pods). */
const POD_RUNNERS = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ReplicaSet',
  'batch/Job',
  'batch/CronJob',
  '/ReplicationController',
  '/Pod',
]);

export interface Workload {
  id: string;
  node: GraphNode;
  /** Everything it owns, transitively (ReplicaSets, Pods, operator-made StatefulSets, PVCs…). */
  members: string[];
}

/**
 * A workload is the root of an ownerReferences chain that runs pods: an operator's resource
 * when there is one, else the Deployment / StatefulSet / DaemonSet / CronJob / bare Pod. A
 * static pod is its own workload: its owner, the Node, runs every static pod on it (etcd,
 * the API server, keepalived) and is no workload.
 */
export function findWorkloads(index: GraphIndex): Workload[] {
  const roots = new Set<string>();
  for (const node of index.graph.nodes) {
    const key = `${node.group}/${node.kind}`;
    if (!POD_RUNNERS.has(key) && !workloadKindOf(node)?.root) continue;
    roots.add(rootOf(index, node.id));
  }
  const workloads: Workload[] = [];
  for (const id of [...roots].sort(compare)) {
    const node = index.node(id);
    if (!node) continue;
    workloads.push({ id, node, members: descendants(index, id) });
  }
  return workloads;
}

export function rootOf(index: GraphIndex, id: string): string {
  const seen = new Set<string>([id]);
  let current = id;
  for (;;) {
    const owners = index
      .in(current, 'owns')
      .map((e) => e.from)
      .filter(runsPods);
    // Several owners are rare (one controller at most); follow the first, deterministically.
    const next = owners.sort(compare)[0];
    if (!next || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/**
 * Core kinds own pods only to be garbage-collected with them (a Node its mirror pods, a
 * ConfigMap OpenShift's installer pods): of the core API, only a ReplicationController is a
 * workload above its pods.
 */
function runsPods(owner: string): boolean {
  return !owner.startsWith('core/') || owner.startsWith('core/ReplicationController/');
}

function descendants(index: GraphIndex, id: string): string[] {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const edge of index.out(current, 'owns')) {
      if (out.has(edge.to) || edge.to === id) continue;
      out.add(edge.to);
      stack.push(edge.to);
    }
  }
  return [...out].sort(compare);
}
