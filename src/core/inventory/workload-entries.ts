import { claimsOf, inlineStorageOf, type VolumeChain, volumeChain } from '../analysis/storage-chain.ts';
import type { Workload } from '../analysis/workloads.ts';
import { compare } from '../graph/context.ts';
import { parseId } from '../graph/ids.ts';
import type { GraphNode } from '../graph/model.ts';
import { backupEntries, ifDownEntries, tierEntry } from './analysis-entries.ts';
import type { WorkloadEntry } from './model.ts';
import type { PageContext } from './page-context.ts';
import { restoreEntry } from './restore-entries.ts';
import { titleOf } from './titles.ts';

/** storage object id → workload id → the claims through which it keeps data there. */
export type StorageUsage = Map<string, Map<string, Set<string>>>;

/** One entry per workload, and which storage objects each one's volumes touch. */
export function workloadEntries(ctx: PageContext): { entries: WorkloadEntry[]; usage: StorageUsage } {
  const dependedOnBy = dependents(ctx);
  const usage: StorageUsage = new Map();
  const entries = ctx.analysis.workloads.map((w) => {
    const volumes = claimsOf(ctx.analysis.index, w).map((claim) => volumeChain(ctx.analysis.index, claim));
    for (const chain of volumes) recordUsage(usage, w.id, chain);
    return workloadEntry(ctx, w, volumes, dependedOnBy.get(w.id) ?? []);
  });
  return { entries, usage };
}

function workloadEntry(
  ctx: PageContext,
  w: Workload,
  volumes: VolumeChain[],
  dependedOnBy: WorkloadEntry['dependedOnBy'],
): WorkloadEntry {
  const { analysis, title } = ctx;
  const ownIds = [w.id, ...w.members, ...volumes.flatMap((v) => (v.pv ? [v.claim, v.pv] : [v.claim]))];
  return {
    id: w.id,
    apiVersion: w.node.apiVersion ?? '',
    kind: w.node.kind,
    namespace: w.node.namespace,
    name: w.node.name,
    title: titleOf(w.node),
    missing: Boolean(w.node.missing),
    labels: (w.node.attrs.labels as Record<string, string> | undefined) ?? {},
    images: imagesOf(ctx, w),
    replicas: typeof w.node.attrs.replicas === 'number' ? w.node.attrs.replicas : null,
    pods: podsOf(ctx, w),
    members: w.members.map((id) => ({ id, title: title(id) })),
    volumes,
    inlineStorage: inlineStorageOf(analysis.index, w),
    dependsOn: (analysis.dependencies.get(w.id) ?? []).map((d) => ({ ...d, title: title(d.workload) })),
    dependedOnBy: dependedOnBy.sort((a, b) => compare(a.workload, b.workload) || compare(a.via, b.via)),
    problems: [w.id, ...w.members, ...volumes.map((v) => v.claim)].flatMap(
      (id) => ctx.problemsOf.get(id) ?? [],
    ),
    tier: tierEntry(analysis, w.id, title),
    backups: backupEntries(analysis, w.id, title),
    restores: restoreEntry(analysis, w.id),
    blast: { ifDown: ifDownEntries(analysis, w.id, workloadTargetText(w.id), title) },
    findings: [...new Set(ownIds)].flatMap((id) => ctx.findingsOf.get(id) ?? []),
  };
}

/** workload id → the workloads that need it (the dependencies read the other way). */
function dependents(ctx: PageContext): Map<string, WorkloadEntry['dependedOnBy']> {
  const reverse = new Map<string, WorkloadEntry['dependedOnBy']>();
  for (const [from, list] of ctx.analysis.dependencies) {
    for (const dep of list) {
      const mine = reverse.get(dep.workload) ?? [];
      mine.push({ ...dep, workload: from, title: ctx.title(from) });
      reverse.set(dep.workload, mine);
    }
  }
  return reverse;
}

function podsOf(ctx: PageContext, w: Workload): WorkloadEntry['pods'] {
  const { index } = ctx.analysis;
  return [w.id, ...w.members]
    .map((id) => index.node(id))
    .filter((n): n is GraphNode => n?.kind === 'Pod' && n.group === '')
    .map((pod) => ({
      name: pod.name,
      node: nodeName(index.out(pod.id, 'scheduled-on')[0]?.to),
      phase: typeof pod.attrs.phase === 'string' ? pod.attrs.phase : null,
    }));
}

function imagesOf(ctx: PageContext, w: Workload): string[] {
  const images = new Set<string>();
  for (const id of [w.id, ...w.members])
    for (const image of (ctx.analysis.index.node(id)?.attrs.images as string[] | undefined) ?? [])
      images.add(image);
  return [...images].sort(compare);
}

/** Every storage object a volume touches knows which workloads keep data there. */
function recordUsage(usage: StorageUsage, workload: string, chain: VolumeChain): void {
  const ids = [
    chain.storageClass,
    ...chain.pools,
    ...chain.cephClusters,
    ...chain.osds,
    ...chain.nodes,
    ...chain.disks,
    ...chain.servedBy,
  ];
  for (const id of ids) {
    if (!id) continue;
    const users = usage.get(id) ?? new Map<string, Set<string>>();
    usage.set(id, users);
    const claims = users.get(workload) ?? new Set<string>();
    users.set(workload, claims);
    claims.add(chain.claim);
  }
}

/** `workload/<namespace>/<Kind>/<name>`, the contract's spelling of a workload target. */
function workloadTargetText(id: string): string {
  const { kind, namespace, name } = parseId(id);
  return `workload/${namespace}/${kind}/${name}`;
}

function nodeName(id: string | undefined): string | null {
  return id ? parseId(id).name : null;
}
