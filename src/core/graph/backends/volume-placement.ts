import type { GraphIndex } from '../graph-index.ts';
import { tablesOf } from '../tables.ts';
import { STORAGE_BACKENDS } from './index.ts';
import type { Placement, VolumeView } from './placement.ts';

/**
 * Where a claim's copies may sit: asks each backend in table order; the generic one, last,
 * answers for anything the others did not claim (worst case, with its assumptions). The
 * backends are those the graph was built from (graph/tables.ts).
 */
export function volumePlacement(
  index: GraphIndex,
  chain: { claim: string; pv: string | null; storageClass: string | null; backend: string | null },
): Placement {
  const volume: VolumeView = {
    index,
    claim: chain.claim,
    pv: chain.pv ? index.node(chain.pv) : undefined,
    storageClass: chain.storageClass ? index.node(chain.storageClass) : undefined,
    backend: chain.backend,
  };
  // A claim the API reports Pending with no PV has not been provisioned: it holds no data yet.
  if (!chain.pv && index.node(chain.claim)?.attrs.phase === 'Pending')
    return { type: 'outside', words: 'a claim not yet provisioned', assumptions: [] };
  for (const backend of tablesOf(index.graph)?.backends ?? STORAGE_BACKENDS) {
    const placement = backend.placement(volume);
    if (placement) return placement;
  }
  throw new Error(`no storage backend placed ${chain.claim}: the generic backend must answer for all`);
}

/**
 * Who keeps the snapshots of a volume of `backend` outside the cluster, as its backend says
 * (the cloud provider keeps an EBS volume's), or null: on the volume's own storage.
 */
export function snapshotsKeptBy(index: GraphIndex, backend: string): string | null {
  for (const row of tablesOf(index.graph)?.backends ?? STORAGE_BACKENDS) {
    const keeper = row.snapshotsKeptBy?.(backend);
    if (keeper) return keeper;
  }
  return null;
}
