import type { GraphIndex } from '../../graph/graph-index.ts';
import { nodeId, parseId, qualifiedName } from '../../graph/ids.ts';
import type { GraphNode } from '../../graph/model.ts';
import type { Effect } from './effect.ts';
import { type Losses, osdLabel } from './losses.ts';

const CEPH = 'ceph.rook.io';

/**
 * A Ceph pool that no OSD in the inventory can hold: its OSD Deployments were not read (a 403
 * on the Rook namespace), the pool itself was not read (only a StorageClass names it), or no
 * OSD matches its CRUSH root and device class. Where its copies are is unknown, and its size
 * may be 1: the worst case is that they are all on what is lost. Rook runs every OSD of a
 * cluster as a Deployment in the cluster's namespace, so when some of its OSDs were read, the
 * pool's copies are on those (their labels may be what tierbook misreads) and only losing one
 * of them reaches it; when none were read, any lost node, or a lost disk configured for the
 * cluster, may hold them. An external CephCluster (`spec.external.enable`) keeps its OSDs
 * outside the Kubernetes cluster: no node, OSD or disk target reaches its pools, and the
 * answer says so.
 */
export function unplacedPoolEffect(
  index: GraphIndex,
  pool: GraphNode,
  losses: Losses,
  outage: boolean,
  assume: (line: string) => void,
): Effect | null {
  const name = qualifiedName(pool.id);
  const namespace = pool.namespace;
  const cluster = clusterOf(index, pool);
  const osdsRead = index.graph.nodes.some(
    (n) => n.group === CEPH && n.kind === 'OSD' && n.namespace === namespace && !n.missing,
  );
  const lost = osdsRead
    ? lostOsds(losses, namespace)
    : [...lostNodes(losses), ...lostDisks(index, losses, namespace)];
  if (lost.length === 0) return null;
  if (cluster?.attrs.external === true) {
    assume(
      `pool ${name}: CephCluster ${qualifiedName(cluster.id)} is external (spec.external.enable): its OSDs live outside the Kubernetes cluster, so no node, OSD or disk of the inventory holds its copies`,
    );
    return null;
  }
  const reasons = [
    pool.missing ? 'the pool itself was not read' : '',
    osdsRead
      ? pool.missing
        ? ''
        : `no OSD under CRUSH root ${String(pool.attrs.crushRoot ?? 'default')}${typeof pool.attrs.deviceClass === 'string' ? ` with device class ${pool.attrs.deviceClass}` : ''}`
      : `no OSD Deployment in namespace ${namespace} was read`,
    cluster ? '' : `no CephCluster in namespace ${namespace} was read, so it is not known to be external`,
  ].filter(Boolean);
  assume(
    `pool ${name}: no OSD in the inventory can hold it (${reasons.join('; ')}); assumed its copies are on what is lost (worst case)`,
  );
  const why = `pool ${name}: no OSD in the inventory can hold it, so its copies may all be on ${lost.join(', ')}`;
  return outage
    ? {
        impact: 'unavailable',
        why: [`${why}: down until ${lost.length > 1 ? 'they are' : 'it is'} back, the data intact`],
      }
    : { impact: 'data-loss', why: [why] };
}

/** The CephCluster a pool is part of, else the one read in its namespace. */
function clusterOf(index: GraphIndex, pool: GraphNode): GraphNode | undefined {
  const linked = index
    .out(pool.id, 'part-of')
    .map((e) => index.node(e.to))
    .find((n) => n?.kind === 'CephCluster' && !n.missing);
  return (
    linked ??
    index.graph.nodes.find(
      (n) => n.group === CEPH && n.kind === 'CephCluster' && n.namespace === pool.namespace && !n.missing,
    )
  );
}

/** Lost OSDs of the pool's cluster: `osd.3` with where it is lost (`on node k8s-2`). */
function lostOsds(losses: Losses, namespace: string): string[] {
  return [...losses.osds]
    .filter(([osd]) => parseId(osd).namespace === namespace)
    .map(([osd, where]) => `${osdLabel(osd)}${where ? ` (${where})` : ''}`)
    .sort();
}

function lostNodes(losses: Losses): string[] {
  return [...losses.nodes.keys()].map((n) => `node ${qualifiedName(n)}`).sort();
}

/** Disks configured for the pool's cluster, on nodes that are not lost themselves. */
function lostDisks(index: GraphIndex, losses: Losses, namespace: string): string[] {
  return [...losses.disks.keys()]
    .map((id) => index.node(id))
    .filter((d): d is GraphNode => !!d)
    .filter(
      (d) =>
        typeof d.attrs.configuredIn === 'string' && parseId(d.attrs.configuredIn).namespace === namespace,
    )
    .filter((d) => !losses.nodes.has(nodeId('', 'Node', undefined, String(d.attrs.node))))
    .map((d) => `${String(d.attrs.path)} on ${String(d.attrs.node)}`)
    .sort();
}
