import { applyAcceptances } from '../analysis/checks/acceptance.ts';
import { runChecks, sortFindings } from '../analysis/checks/index.ts';
import type { Finding } from '../analysis/checks/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { TIERS } from '../analysis/tiers/model.ts';
import type { LoadedCluster } from '../graph/loaded-cluster.ts';
import type { Graph } from '../graph/model.ts';
import type { SourceResult } from '../model.ts';
import { compare } from '../order.ts';
import { knownBlastKey } from '../runbooks/bind.ts';
import type { Runbook } from '../runbooks/model.ts';
import { describeUnread } from '../sources/unread.ts';
import type { Inventory, RunbookEntry, StorageEntry, WorkloadEntry } from './model.ts';
import { type PageContext, pageContext } from './page-context.ts';
import { runbookEntries, runbookRefs } from './runbook-entries.ts';
import {
  type DomainBlast,
  failureDomainBlasts,
  rankedFailureDomains,
  storageEntries,
} from './storage-entries.ts';
import { workloadEntries } from './workload-entries.ts';

export interface AssembleOptions {
  cluster: string;
  now: string;
  /** The runbooks to bind to every target they apply to (src/io/read-runbooks.ts); none when absent. */
  runbooks?: readonly Runbook[];
}

/**
 * Everything content/ is rendered from, for a cluster loaded and analysed (the front door,
 * src/core/index.ts, does both): the findings, one page entry per workload and storage object,
 * the bound runbooks, and what the read saw and missed. Each job is a function of its own; this
 * one only wires them.
 */
export function assembleInventory(
  cluster: LoadedCluster,
  analysis: Analysis,
  options: AssembleOptions,
): Inventory {
  return assembled(cluster, analysis, options).inventory;
}

/**
 * assembleInventory's inventory, with each failure domain's blast radius it was made from
 * (`inventory` saves them for the guard rather than computing them again: guard-context.json).
 */
export function assembled(
  cluster: LoadedCluster,
  analysis: Analysis,
  options: AssembleOptions,
): { inventory: Inventory; domainBlasts: readonly DomainBlast[] } {
  const findings = findingsOf(analysis);
  const ctx = pageContext(analysis, findings, cluster.graph.dangling);
  const pages = pageEntries(ctx, cluster.graph);
  const runbooks = boundRunbooks(cluster, analysis, pages.domains, options);
  attachRunbooks(runbooks, [...pages.workloads, ...pages.storage]);
  const inventory: Inventory = {
    cluster: options.cluster,
    takenAt: options.now,
    config: analysis.config,
    graph: cluster.graph,
    workloads: pages.workloads,
    storage: pages.storage,
    ...whatWasRead(cluster.source),
    tiers: tierCounts(analysis),
    failureDomains: rankedFailureDomains(pages.domains),
    findings,
    ignoredDrills: [...analysis.ignoredDrills],
    runbooks,
  };
  return { inventory, domainBlasts: pages.domains };
}

/** Every finding, most severe first; accepted ones stay, marked with who accepted them and why. */
function findingsOf(analysis: Analysis): Finding[] {
  const accepted = applyAcceptances(runChecks(analysis), analysis);
  return sortFindings([...accepted.open, ...accepted.accepted]);
}

/** One entry per workload and per storage object, and each failure domain's blast radius. */
function pageEntries(
  ctx: PageContext,
  graph: Graph,
): {
  workloads: WorkloadEntry[];
  storage: StorageEntry[];
  domains: DomainBlast[];
} {
  const { entries: workloads, usage } = workloadEntries(ctx);
  const domains = failureDomainBlasts(ctx);
  return { workloads, storage: storageEntries(ctx, graph, usage, domains), domains };
}

/** Every runbook bound to every target it applies to, reusing the failure domains' blasts. */
function boundRunbooks(
  cluster: LoadedCluster,
  analysis: Analysis,
  domains: readonly DomainBlast[],
  options: AssembleOptions,
): RunbookEntry[] {
  return runbookEntries(options.runbooks ?? [], analysis, {
    cluster: options.cluster,
    takenAt: options.now,
    unread: cluster.unread.map((u) => describeUnread(u, 'what it holds is not in these gates')),
    knownBlasts: new Map(domains.map((d) => [knownBlastKey(d.target), d.result])),
  });
}

/** Each page lists the runbooks bound to it; a page with none has no `runbooks` field. */
function attachRunbooks(runbooks: readonly RunbookEntry[], pages: (WorkloadEntry | StorageEntry)[]): void {
  const refs = runbookRefs(runbooks);
  for (const entry of pages) {
    const mine = refs.get(entry.id);
    if (mine) entry.runbooks = mine;
  }
}

/** What the read saw and missed: unreadable kinds, input not read, warnings, objects per kind. */
function whatWasRead(
  source: SourceResult,
): Pick<Inventory, 'unreadable' | 'notRead' | 'warnings' | 'partial' | 'skipped' | 'counts'> {
  const notRead = source.notRead ?? [];
  return {
    unreadable: source.unreadable,
    notRead,
    warnings: source.warnings ?? [],
    partial: source.unreadable.length > 0 || notRead.some((n) => n.needed),
    skipped: source.skipped,
    counts: kindCounts(source),
  };
}

/** Workloads per tier, "0".."4", every tier present. */
function tierCounts(analysis: Analysis): Record<string, number> {
  const tiers: Record<string, number> = Object.fromEntries(TIERS.map((t) => [String(t), 0]));
  for (const w of analysis.workloads) {
    const tier = analysis.tiers.get(w.id)?.tier;
    if (tier !== undefined) tiers[String(tier)] = (tiers[String(tier)] ?? 0) + 1;
  }
  return tiers;
}

/** Objects read per kind, sorted by kind. */
function kindCounts(source: SourceResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of source.items) counts[item.object.kind] = (counts[item.object.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b)));
}
