import type { Placement } from '../../graph/backends/placement.ts';
import { volumePlacement } from '../../graph/backends/volume-placement.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import type { VolumeChain } from '../storage-chain.ts';

const cache = new WeakMap<GraphIndex, Map<string, Placement>>();

/** Where a chain's volume keeps its copies, as its backend reports it (once per claim and graph). */
export function placementOf(index: GraphIndex, chain: VolumeChain): Placement {
  let byClaim = cache.get(index);
  if (!byClaim) {
    byClaim = new Map();
    cache.set(index, byClaim);
  }
  let placement = byClaim.get(chain.claim);
  if (!placement) {
    placement = volumePlacement(index, chain);
    byClaim.set(chain.claim, placement);
  }
  return placement;
}

/**
 * Whether the volume's only copy sits on one node, so that node's loss loses it: a node-local
 * volume, a Longhorn volume with one replica, a driver tierbook does not know whose PV is pinned
 * to a node. Rules read this, never backend names, so a new backend's volumes are judged too.
 * A claim whose storage nothing in the inventory shows (no PV and no class read, no backend)
 * is not: the backend's placement assumes it on any node for blast, but no rule can say more
 * about it than unclassified storage.
 */
export function onOneNode(index: GraphIndex, chain: VolumeChain): boolean {
  if (chain.backend === null) return false;
  const placement = placementOf(index, chain);
  return placement.type === 'nodes' && placement.copies === 1;
}
