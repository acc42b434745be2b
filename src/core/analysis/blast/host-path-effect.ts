import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import { compare } from '../../order.ts';
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
 * Data whose node is not known (no pod seen on a node) may be on any node: the worst case is
 * the lost one, said in the assumptions. A StatefulSet or replicating operator with copies on
 * nodes that survive is degraded, as with per-instance volumes; with `--outage`, so is any
 * workload whose pods on other nodes keep serving with their own node's data.
 */
export function hostPathEffect(
  workload: Workload,
  data: readonly HostPathData[],
  inputs: HostPathInputs,
): Effect | null {
  const { losses, outage } = inputs;
  if (data.length === 0 || losses.nodes.size === 0) return null;
  const title = workloadTitle(workload.id);
  const hit = data.filter((d) => d.node && losses.nodes.has(d.node));
  const unplaced = data.filter((d) => !d.node);
  if (hit.length === 0 && unplaced.length === 0) return null;
  const assumedOn = qualifiedName([...losses.nodes.keys()].sort(compare)[0] as string);
  for (const d of unplaced)
    inputs.assume(
      `${title}: no pod of it was seen on a node, so its hostPath ${d.path} may be on any node; assumed on ${assumedOn} (worst case)`,
    );
  const peers = staticPeers(inputs.index, workload);
  if (peers.length > 0)
    inputs.assume(
      `${title}: static pods ${peers.map(qualifiedName).join(', ')} run the same on other nodes; whether they keep a copy of its hostPath data (etcd members do) is not visible, assumed not (worst case)`,
    );
  const where = (d: HostPathData) =>
    d.node ? `is on node ${qualifiedName(d.node)}` : `is assumed on node ${assumedOn}`;
  const nodes = [...new Set(data.flatMap((d) => (d.node ? [d.node] : [])))];
  const surviving = nodes.filter((n) => !losses.nodes.has(n)).map(qualifiedName);
  const instances =
    INSTANCE_KINDS.has(`${workload.node.group}/${workload.node.kind}`) || replicatesData(workload);
  const others = unplaced.length === 0 && surviving.length > 0;
  if (others && (instances || outage)) {
    if (instances && !outage && !replicatesData(workload))
      inputs.assume(
        `${title}: its instances on ${surviving.join(', ')} are assumed to keep a copy of the hostPath data lost with the node`,
      );
    return {
      impact: 'degraded',
      why: [
        ...hit.map((d) => `${describeHostPath(d)} ${where(d)}, ${outage ? 'down' : 'lost'} with it`),
        instances
          ? `its instances on ${surviving.join(', ')} keep their own copy and serve`
          : `its pods on ${surviving.join(', ')} keep serving with their own node's data`,
      ],
    };
  }
  const why = [...hit, ...unplaced].map(
    (d) => `${describeHostPath(d)} ${where(d)}: its only copy is on that node`,
  );
  return outage
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
