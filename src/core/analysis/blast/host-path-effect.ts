import { compare } from '../../graph/context.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import { describeHostPath, type HostPathData } from '../host-path-data.ts';
import { workloadTitle } from '../tiers/facts.ts';
import type { Workload } from '../workloads.ts';
import type { Effect } from './effect.ts';
import { replicatesData } from './instances.ts';
import type { Losses } from './losses.ts';

export interface HostPathInputs {
  index: GraphIndex;
  losses: Losses;
  outage: boolean;
  assume: (line: string) => void;
}

/** Kinds whose pods are instances that may each keep a full copy (as with per-instance PVCs). */
const INSTANCE_KINDS = new Set(['apps/StatefulSet']);

/**
 * Data in hostPath volumes lives on its node only: a lost node takes it, like a node-local PV.
 * Data whose node is not known (no scheduled pod read) may be on any node: the worst case is
 * the lost one, said in the assumptions. A StatefulSet or replicating operator with copies on
 * other nodes that survive is degraded, as with per-instance volumes.
 */
export function hostPathEffect(
  workload: Workload,
  data: readonly HostPathData[],
  inputs: HostPathInputs,
): Effect | null {
  const { losses } = inputs;
  if (data.length === 0 || losses.nodes.size === 0) return null;
  const title = workloadTitle(workload.id);
  const why: string[] = [];
  for (const d of data) {
    if (d.node && losses.nodes.has(d.node))
      why.push(`${describeHostPath(d)} is on node ${qualifiedName(d.node)}: its only copy is on that node`);
  }
  const unplaced = data.filter((d) => !d.node);
  if (unplaced.length > 0) {
    const node = qualifiedName([...losses.nodes.keys()].sort(compare)[0] as string);
    for (const d of unplaced) {
      why.push(`${describeHostPath(d)} is assumed on node ${node}: its only copy is on that node`);
      inputs.assume(
        `${title}: no scheduled pod was read, so its hostPath ${d.path} may be on any node; assumed on ${node} (worst case)`,
      );
    }
  }
  if (why.length === 0) return null;
  const peers = staticPeers(inputs.index, workload);
  if (peers.length > 0)
    inputs.assume(
      `${title}: static pods ${peers.map(qualifiedName).join(', ')} run the same on other nodes; whether they keep a copy of its hostPath data (etcd members do) is not visible, assumed not (worst case)`,
    );
  const nodes = [...new Set(data.flatMap((d) => (d.node ? [d.node] : [])))];
  const surviving = nodes.filter((n) => !losses.nodes.has(n));
  const instances =
    INSTANCE_KINDS.has(`${workload.node.group}/${workload.node.kind}`) || replicatesData(workload);
  if (instances && unplaced.length === 0 && surviving.length > 0) {
    if (!replicatesData(workload))
      inputs.assume(
        `${title}: its instances on ${surviving.map(qualifiedName).join(', ')} are assumed to keep a copy of the hostPath data lost with the node`,
      );
    return {
      impact: 'degraded',
      why: [
        ...why,
        `its instances on ${surviving.map(qualifiedName).join(', ')} keep their own copy and serve`,
      ],
    };
  }
  return inputs.outage
    ? { impact: 'unavailable', why: [...why, 'down with the target; the data is intact once it is back'] }
    : { impact: 'data-loss', why };
}

/**
 * Static pods named like this one on other nodes (`etcd-master-1` beside `etcd-master-0`):
 * members of the same control-plane service, each a workload of its own.
 */
function staticPeers(index: GraphIndex, workload: Workload): string[] {
  const { node } = workload;
  const host = index.out(workload.id, 'scheduled-on')[0]?.to;
  if (node.attrs.staticPod !== true || !host) return [];
  const suffix = `-${qualifiedName(host)}`;
  if (!node.name.endsWith(suffix)) return [];
  const prefix = node.name.slice(0, -suffix.length);
  return index.graph.nodes
    .filter(
      (n) =>
        n.id !== node.id &&
        n.kind === 'Pod' &&
        n.group === '' &&
        n.namespace === node.namespace &&
        n.attrs.staticPod === true &&
        n.name.startsWith(`${prefix}-`) &&
        index.out(n.id, 'scheduled-on').some((e) => n.name === `${prefix}-${qualifiedName(e.to)}`),
    )
    .map((n) => n.id)
    .sort(compare);
}
