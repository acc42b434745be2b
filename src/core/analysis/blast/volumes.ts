import { qualifiedName } from '../../graph/ids.ts';
import type { ClaimStorage } from './context.ts';
import type { Effect } from './effect.ts';
import { worse } from './effect.ts';
import type { Losses } from './losses.ts';

/** How a volume's data is kept, in words: "an RBD image", "a CephFS volume". */
const BACKEND_WORDS: Record<string, string> = {
  'ceph-rbd': 'an RBD image',
  cephfs: 'a CephFS volume',
  'node-local': 'a node-local volume',
  longhorn: 'a Longhorn volume',
  nfs: 'an NFS export',
};

export interface VolumeInputs {
  losses: Losses;
  outage: boolean;
  poolEffect: (pool: string) => Effect | null;
  assume: (line: string) => void;
}

/**
 * What the target does to one volume (before `--outage` softens it). Ceph: the worst of its
 * pools. Node-local: lost with its node. Longhorn: replicas against the lost node. NFS servers
 * outside the cluster and other CSI disks sit outside its failure domains: only a class or
 * PVC target reaches them.
 */
export function volumeEffect(storage: ClaimStorage, inputs: VolumeInputs): Effect | null {
  const { losses } = inputs;
  const claim = `PVC ${qualifiedName(storage.claim)}`;
  const direct = losses.claims.get(storage.claim);
  if (direct) return lost(inputs, [direct]);
  if (storage.unknownPlacement && storageIsLost(losses)) {
    inputs.assume(
      `${claim}: ${storage.unknownPlacement}; where its data lives is unknown, assumed worst case: on what is lost`,
    );
    return lost(inputs, [`${claim} may keep its data on what is lost: where it lives is unknown`]);
  }
  const words = BACKEND_WORDS[storage.backend ?? ''] ?? 'a volume';
  let effect: Effect | null = null;
  for (const pool of storage.pools) {
    const poolEffect = inputs.poolEffect(pool);
    if (poolEffect)
      effect = worse(effect, {
        impact: poolEffect.impact,
        why: [...poolEffect.why, `${claim} is ${words} in pool ${qualifiedName(pool)}`],
      });
  }
  if (storage.pools.length > 0) return effect;
  const pinned = storage.pinnedNodes.filter((n) => losses.nodes.has(n));
  if (pinned.length > 0) {
    const node = qualifiedName(pinned[0] as string);
    return lost(inputs, [`${claim} is ${words} on node ${node}: its only copy is on that node`]);
  }
  if (storage.backend === 'longhorn') return longhornEffect(storage, claim, inputs);
  return null;
}

/**
 * Longhorn keeps `numberOfReplicas` copies on distinct nodes (its default hard anti-affinity).
 * With Replica objects read, count the lost ones; without, assume the worst placement.
 */
function longhornEffect(storage: ClaimStorage, claim: string, inputs: VolumeInputs): Effect | null {
  const lostNodes = [...inputs.losses.nodes.keys()];
  if (lostNodes.length === 0) return null;
  const replicas = storage.replicas ?? 3;
  if (storage.replicaNodes.length > 0) {
    const gone = storage.replicaNodes.filter((n) => inputs.losses.nodes.has(n));
    if (gone.length === 0) return null;
    const where = gone.map(qualifiedName).join(', ');
    if (gone.length >= storage.replicaNodes.length) {
      return lost(inputs, [`${claim} is a Longhorn volume whose every replica is on ${where}`]);
    }
    return {
      impact: 'degraded',
      why: [
        `${claim} is a Longhorn volume with replicas on ${storage.replicaNodes.map(qualifiedName).join(', ')}: the one on ${where} is lost, ${storage.replicaNodes.length - gone.length} remain`,
      ],
    };
  }
  const where = lostNodes.map(qualifiedName).join(', ');
  if (replicas <= 1) {
    inputs.assume(
      `${claim}: Longhorn replica placement not read (no Replica objects); assumed worst case: its one replica is on ${where}`,
    );
    return lost(inputs, [`${claim} is a Longhorn volume with 1 replica, assumed on ${where}`]);
  }
  inputs.assume(
    `${claim}: Longhorn replica placement not read (no Replica objects); assumed one of its ${replicas} replicas is on ${where}`,
  );
  return {
    impact: 'degraded',
    why: [
      `${claim} is a Longhorn volume with ${replicas} replicas on distinct nodes: at most one is on ${where}`,
    ],
  };
}

/** A node, disk, OSD or pool is lost: storage that an unknown claim may be on. */
function storageIsLost(losses: Losses): boolean {
  return losses.nodes.size + losses.disks.size + losses.osds.size + losses.pools.size > 0;
}

/** Lost with its data, or with `--outage` down until the target returns. */
function lost(inputs: VolumeInputs, why: string[]): Effect {
  return inputs.outage
    ? { impact: 'unavailable', why: [...why, 'down with the target; the data is intact once it is back'] }
    : { impact: 'data-loss', why };
}
