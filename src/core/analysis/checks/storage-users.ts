import { compare } from '../../graph/context.ts';
import type { Analysis } from '../model.ts';
import { claimsOf, type VolumeChain, volumeChain } from '../storage-chain.ts';

/** Each workload's volume chains, and the reverse: which workloads keep data on a storage object. */
export interface StorageFacts {
  chainsOf(workload: string): readonly VolumeChain[];
  /** Workloads whose volumes reach `id` (a PVC, PV, class, pool, Ceph cluster, OSD, disk or node). */
  usersOf(id: string): readonly string[];
}

const cache = new WeakMap<Analysis, StorageFacts>();

/** Computed once per analysis: every rule walks the same chains. */
export function storageFacts(analysis: Analysis): StorageFacts {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const chains = new Map<string, VolumeChain[]>();
  const users = new Map<string, Set<string>>();
  const add = (id: string | null, workload: string) => {
    if (!id) return;
    const set = users.get(id) ?? new Set<string>();
    set.add(workload);
    users.set(id, set);
  };
  for (const w of analysis.workloads) {
    const mine = claimsOf(analysis.index, w).map((claim) => volumeChain(analysis.index, claim));
    chains.set(w.id, mine);
    for (const c of mine) {
      for (const id of [c.claim, c.pv, c.storageClass]) add(id, w.id);
      for (const id of [...c.pools, ...c.cephClusters, ...c.osds, ...c.disks, ...c.nodes]) add(id, w.id);
    }
  }
  const facts: StorageFacts = {
    chainsOf: (workload) => chains.get(workload) ?? [],
    usersOf: (id) => [...(users.get(id) ?? [])].sort(compare),
  };
  cache.set(analysis, facts);
  return facts;
}
