import { analyze } from '../analysis/analyze.ts';
import {
  blastRadius,
  FAILURE_DOMAIN_TYPES,
  knownTargets,
  rankFailureDomains,
  summarizeFailureDomain,
} from '../analysis/blast/index.ts';
import type { BlastResult, Target } from '../analysis/blast/model.ts';
import { applyAcceptances } from '../analysis/checks/acceptance.ts';
import { runChecks, sortFindings } from '../analysis/checks/index.ts';
import type { Finding } from '../analysis/checks/model.ts';
import { claimsOf, inlineStorageOf, type VolumeChain, volumeChain } from '../analysis/storage-chain.ts';
import { TIERS } from '../analysis/tiers/model.ts';
import { DEFAULT_CONFIG } from '../config/index.ts';
import type { TierbookConfig } from '../config/model.ts';
import { buildGraph } from '../graph/build.ts';
import { compare } from '../graph/context.ts';
import { parseId } from '../graph/ids.ts';
import type { Dangling, GraphNode } from '../graph/model.ts';
import type { SourceResult } from '../model.ts';
import type { Runbook } from '../runbooks/model.ts';
import { describeUnread, unreadOf } from '../sources/unread.ts';
import { backupEntries, ifDownEntries, tierEntry, toBlastEntry } from './analysis-entries.ts';
import type { Inventory, StorageEntry, WorkloadEntry } from './model.ts';
import { runbookEntries, runbookRefs } from './runbook-entries.ts';
import { relatedStorage, storageTypeOf } from './storage-kinds.ts';
import { titleOf } from './titles.ts';

export interface AssembleOptions {
  cluster: string;
  now: string;
  /** tierbook.config.yaml; the defaults when absent. */
  config?: TierbookConfig;
  /** The runbooks to bind to every target they apply to (src/io/read-runbooks.ts); none when absent. */
  runbooks?: readonly Runbook[];
}

export function assembleInventory(source: SourceResult, options: AssembleOptions): Inventory {
  const graph = buildGraph(source.items);
  const config = options.config ?? DEFAULT_CONFIG;
  const analysis = analyze(graph, { config, now: options.now });
  const { index, workloads, dependencies: deps } = analysis;
  // Accepted findings stay on the pages, marked with who accepted them and why (never hidden).
  const accepted = applyAcceptances(runChecks(analysis), analysis);
  const findings = sortFindings([...accepted.open, ...accepted.accepted]);
  const findingsOf = findingIndex(findings);
  const reverse = new Map<string, WorkloadEntry['dependedOnBy']>();
  const title = (id: string) => {
    const node = index.node(id);
    return node ? titleOf(node) : id;
  };
  for (const [from, list] of deps) {
    for (const dep of list) {
      const mine = reverse.get(dep.workload) ?? [];
      mine.push({ ...dep, workload: from, title: title(from) });
      reverse.set(dep.workload, mine);
    }
  }
  const problemsOf = problemIndex(graph.dangling);
  const usage = new Map<string, Map<string, Set<string>>>();
  const entries: WorkloadEntry[] = workloads.map((w) => {
    const volumes = claimsOf(index, w).map((claim) => volumeChain(index, claim));
    for (const chain of volumes) recordUsage(usage, w.id, chain);
    const pods = [w.id, ...w.members]
      .map((id) => index.node(id))
      .filter((n): n is GraphNode => n?.kind === 'Pod' && n.group === '')
      .map((pod) => ({
        name: pod.name,
        node: nodeName(index.out(pod.id, 'scheduled-on')[0]?.to),
        phase: typeof pod.attrs.phase === 'string' ? pod.attrs.phase : null,
      }));
    const images = new Set<string>();
    for (const id of [w.id, ...w.members])
      for (const image of (index.node(id)?.attrs.images as string[] | undefined) ?? []) images.add(image);
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
      images: [...images].sort(compare),
      replicas: typeof w.node.attrs.replicas === 'number' ? w.node.attrs.replicas : null,
      pods,
      members: w.members.map((id) => ({ id, title: title(id) })),
      volumes,
      inlineStorage: inlineStorageOf(index, w),
      dependsOn: (deps.get(w.id) ?? []).map((d) => ({ ...d, title: title(d.workload) })),
      dependedOnBy: (reverse.get(w.id) ?? []).sort(
        (a, b) => compare(a.workload, b.workload) || compare(a.via, b.via),
      ),
      problems: [w.id, ...w.members, ...volumes.map((v) => v.claim)].flatMap(
        (id) => problemsOf.get(id) ?? [],
      ),
      tier: tierEntry(analysis, w.id, title),
      backups: backupEntries(analysis, w.id, title),
      blast: { ifDown: ifDownEntries(analysis, w.id, workloadTargetText(w.id), title) },
      findings: [...new Set(ownIds)].flatMap((id) => findingsOf.get(id) ?? []),
    };
  });
  // Each failure domain's blast radius is computed once: for its page and for the index's ranking.
  const domains = knownTargets(analysis, FAILURE_DOMAIN_TYPES).map((target) => ({
    target,
    result: blastRadius(analysis, target),
  }));
  const targets = new Map<string, { target: Target; result: BlastResult }>();
  for (const domain of domains)
    for (const id of domain.target.nodes) if (!targets.has(id)) targets.set(id, domain);
  const storage: StorageEntry[] = [];
  for (const node of graph.nodes) {
    const type = storageTypeOf(node);
    if (!type) continue;
    const related = relatedStorage(index, node.id, type, title);
    const users = usage.get(node.id) ?? new Map<string, Set<string>>();
    storage.push({
      id: node.id,
      type,
      title: titleOf(node),
      name: node.name,
      namespace: node.namespace,
      attrs: node.missing ? { ...node.attrs, missing: true } : node.attrs,
      related,
      workloads: [...users]
        .sort(([a], [b]) => compare(a, b))
        .map(([id, claims]) => ({ id, title: title(id), claims: [...claims].sort(compare) })),
      problems: problemsOf.get(node.id) ?? [],
      blast: blastOf(targets.get(node.id), title),
      findings: findingsOf.get(node.id) ?? [],
    });
  }
  const runbooks = runbookEntries(options.runbooks ?? [], analysis, {
    cluster: options.cluster,
    takenAt: options.now,
    unread: unreadOf(source).map((u) => describeUnread(u, 'what it holds is not in these gates')),
  });
  const refs = runbookRefs(runbooks);
  for (const entry of [...entries, ...storage]) {
    const mine = refs.get(entry.id);
    if (mine) entry.runbooks = mine;
  }
  const tiers: Record<string, number> = Object.fromEntries(TIERS.map((t) => [String(t), 0]));
  for (const w of workloads) {
    const tier = analysis.tiers.get(w.id)?.tier;
    if (tier !== undefined) tiers[String(tier)] = (tiers[String(tier)] ?? 0) + 1;
  }
  const counts: Record<string, number> = {};
  for (const item of source.items) {
    const key = item.object.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return {
    cluster: options.cluster,
    takenAt: options.now,
    config,
    graph,
    workloads: entries,
    storage,
    unreadable: source.unreadable,
    notRead: source.notRead ?? [],
    warnings: source.warnings ?? [],
    partial: source.unreadable.length > 0 || (source.notRead ?? []).some((n) => n.needed),
    skipped: source.skipped,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b))),
    tiers,
    failureDomains: rankFailureDomains(domains.map((d) => summarizeFailureDomain(d.target, d.result))),
    findings,
    runbooks,
  };
}

/** Every storage object a volume touches knows which workloads keep data there. */
function recordUsage(
  usage: Map<string, Map<string, Set<string>>>,
  workload: string,
  chain: VolumeChain,
): void {
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

function blastOf(
  domain: { target: Target; result: BlastResult } | undefined,
  title: (id: string) => string,
): StorageEntry['blast'] {
  return domain ? toBlastEntry(domain.result, domain.target, title) : null;
}

/** `workload/<namespace>/<Kind>/<name>`, the contract's spelling of a workload target. */
function workloadTargetText(id: string): string {
  const { kind, namespace, name } = parseId(id);
  return `workload/${namespace}/${kind}/${name}`;
}

function findingIndex(findings: readonly Finding[]): Map<string, Finding[]> {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return byId;
}

function nodeName(id: string | undefined): string | null {
  return id ? parseId(id).name : null;
}

function problemIndex(dangling: readonly Dangling[]): Map<string, Dangling[]> {
  const byObject = new Map<string, Dangling[]>();
  for (const d of dangling) {
    const list = byObject.get(d.object) ?? [];
    list.push(d);
    byObject.set(d.object, list);
  }
  return byObject;
}
