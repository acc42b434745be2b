import { compare } from '../../graph/context.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import { describeHostPath, type HostPathData, hostPathDataOf } from '../host-path-data.ts';

import type { Analysis } from '../model.ts';
import type { VolumeChain } from '../storage-chain.ts';
import type { Tier } from '../tiers/model.ts';
import type { KindFixes, WorkloadFields } from '../workload-kinds.ts';
import type { Workload } from '../workloads.ts';
import type { RuleMeta, Severity } from './model.ts';
import { severityForTier } from './severity.ts';
import { storageFacts } from './storage-users.ts';
import { tierOf } from './tier-of.ts';
import { workloadFields, workloadFixes } from './workload-fields.ts';

/** A workload that keeps data in claims or hostPath volumes, with its tier and volume chains. */
export interface WorkloadData {
  workload: Workload;
  tier: Tier;
  chains: readonly VolumeChain[];
  /** Data in hostPath volumes (outside the paths that hold none), each on one node. */
  hostPaths: readonly HostPathData[];
  fields: WorkloadFields;
  /** What findings tell the operator to do for its kind (workload-kinds.ts). */
  fixes: KindFixes;
}

const cache = new WeakMap<Analysis, readonly WorkloadData[]>();

/**
 * Workloads with at least one claim or hostPath data. Ceph's own daemons (CephCluster, CephFilesystem) are left
 * out: their redundancy is Ceph's, which the pool and device rules judge. Computed once per
 * analysis: seven rules walk the same list.
 */
export function dataWorkloads(analysis: Analysis): readonly WorkloadData[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const facts = storageFacts(analysis);
  const out: WorkloadData[] = [];
  for (const workload of analysis.workloads) {
    if (workload.node.group === 'ceph.rook.io') continue;
    const chains = facts.chainsOf(workload.id);
    const hostPaths = hostPathDataOf(analysis.index, workload);
    if (chains.length === 0 && hostPaths.length === 0) continue;
    out.push({
      workload,
      tier: tierOf(analysis, workload.id),
      chains,
      hostPaths,
      fields: workloadFields(workload.node.group, workload.node.kind),
      fixes: workloadFixes(workload.node.group, workload.node.kind),
    });
  }
  cache.set(analysis, out);
  return out;
}

/** "a/b, hostPath /var/lib/x of pod a/c": the claims and host paths a workload keeps data in. */
export function describeData(data: WorkloadData): string {
  return [
    ...data.chains.map((c) => qualifiedName(c.claim)),
    ...data.hostPaths.map((h) => describeHostPath(h, data.workload.id)),
  ].join(', ');
}

/**
 * Every volume of tier-0/1 data, with the severity the rule gives it: the loop the rules about
 * critical volumes (reclaim policy, default class) share.
 */
export function* criticalVolumes(
  analysis: Analysis,
  meta: RuleMeta,
): Generator<{ data: WorkloadData; chain: VolumeChain; severity: Severity }> {
  for (const data of dataWorkloads(analysis)) {
    if (data.tier > 1) continue;
    const severity = severityForTier(meta.defaultSeverity, data.tier);
    if (!severity) continue;
    for (const chain of data.chains) yield { data, chain, severity };
  }
}

/** One running copy of a workload: a pod and the claims it mounts. */
export interface Instance {
  pod: string;
  claims: string[];
  node: string | null;
}

/** Pods of the workload that mount a claim, in name order. */
export function instancesOf(index: GraphIndex, workload: Workload): Instance[] {
  const instances: Instance[] = [];
  for (const id of workload.members) {
    if (index.node(id)?.kind !== 'Pod') continue;
    const claims = index
      .out(id, 'mounts')
      .map((e) => e.to)
      .filter((to) => index.node(to)?.kind === 'PersistentVolumeClaim')
      .sort(compare);
    if (claims.length === 0) continue;
    instances.push({ pod: id, claims, node: index.out(id, 'scheduled-on')[0]?.to ?? null });
  }
  return instances;
}

const DECLARES_REPLICAS = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/ReplicaSet',
  '/ReplicationController',
]);

/**
 * How many instances the workload runs: the declared `spec.replicas` (Kubernetes defaults it to
 * 1), 1 for a bare Pod, else the pods seen with volumes; null when the API does not say.
 */
export function instanceCount(index: GraphIndex, workload: Workload): number | null {
  const { group, kind, attrs } = workload.node;
  if (DECLARES_REPLICAS.has(`${group}/${kind}`))
    return typeof attrs.replicas === 'number' ? attrs.replicas : 1;
  if (group === '' && kind === 'Pod') return 1;
  if (kind === 'DaemonSet' || kind === 'Job' || kind === 'CronJob') return null;
  const seen = instancesOf(index, workload).length;
  return seen > 0 ? seen : null;
}
