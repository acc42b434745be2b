import { analyze } from '../analysis/analyze.ts';
import { applyAcceptances } from '../analysis/checks/acceptance.ts';
import { runChecks, sortFindings } from '../analysis/checks/index.ts';
import type { Finding } from '../analysis/checks/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { TIERS } from '../analysis/tiers/model.ts';
import { DEFAULT_CONFIG } from '../config/index.ts';
import type { TierbookConfig } from '../config/model.ts';
import type { RecordedDrill } from '../drills/model.ts';
import { buildGraph } from '../graph/build.ts';
import { compare } from '../graph/context.ts';
import type { SourceResult } from '../model.ts';
import { knownBlastKey } from '../runbooks/bind.ts';
import type { Runbook } from '../runbooks/model.ts';
import { describeUnread, unreadOf } from '../sources/unread.ts';
import type { Inventory, RunbookEntry, StorageEntry, WorkloadEntry } from './model.ts';
import { pageContext } from './page-context.ts';
import { runbookEntries, runbookRefs } from './runbook-entries.ts';
import { failureDomainBlasts, rankedFailureDomains, storageEntries } from './storage-entries.ts';
import { workloadEntries } from './workload-entries.ts';

export interface AssembleOptions {
  cluster: string;
  now: string;
  /** tierbook.config.yaml; the defaults when absent. */
  config?: TierbookConfig;
  /** Drills kept in content/drills (docs/drills.md): restore evidence recorded by people. */
  drills?: readonly RecordedDrill[];
  /** The runbooks to bind to every target they apply to (src/io/read-runbooks.ts); none when absent. */
  runbooks?: readonly Runbook[];
}

/**
 * Everything content/ is rendered from: the graph analysed, the findings, one entry per
 * workload and storage object, the bound runbooks and the index's counts. Each job is a
 * function of its own; this one only wires them.
 */
export function assembleInventory(source: SourceResult, options: AssembleOptions): Inventory {
  const graph = buildGraph(source.items);
  const config = options.config ?? DEFAULT_CONFIG;
  const analysis = analyze(graph, {
    config,
    now: options.now,
    drills: { records: options.drills ?? [], cluster: options.cluster },
  });
  const findings = findingsOf(analysis);
  const ctx = pageContext(analysis, findings, graph.dangling);
  const { entries: workloads, usage } = workloadEntries(ctx);
  const domains = failureDomainBlasts(ctx);
  const storage = storageEntries(ctx, graph, usage, domains);
  const runbooks = runbookEntries(options.runbooks ?? [], analysis, {
    cluster: options.cluster,
    takenAt: options.now,
    unread: unreadOf(source).map((u) => describeUnread(u, 'what it holds is not in these gates')),
    knownBlasts: new Map(domains.map((d) => [knownBlastKey(d.target), d.result])),
  });
  attachRunbooks(runbooks, [...workloads, ...storage]);
  return {
    cluster: options.cluster,
    takenAt: options.now,
    config,
    graph,
    workloads,
    storage,
    unreadable: source.unreadable,
    notRead: source.notRead ?? [],
    warnings: source.warnings ?? [],
    partial: source.unreadable.length > 0 || (source.notRead ?? []).some((n) => n.needed),
    skipped: source.skipped,
    counts: kindCounts(source),
    tiers: tierCounts(analysis),
    failureDomains: rankedFailureDomains(domains),
    findings,
    ignoredDrills: [...analysis.ignoredDrills],
    runbooks,
  };
}

/** Every finding, most severe first; accepted ones stay, marked with who accepted them and why. */
function findingsOf(analysis: Analysis): Finding[] {
  const accepted = applyAcceptances(runChecks(analysis), analysis);
  return sortFindings([...accepted.open, ...accepted.accepted]);
}

/** Each page lists the runbooks bound to it; a page with none has no `runbooks` field. */
function attachRunbooks(runbooks: readonly RunbookEntry[], pages: (WorkloadEntry | StorageEntry)[]): void {
  const refs = runbookRefs(runbooks);
  for (const entry of pages) {
    const mine = refs.get(entry.id);
    if (mine) entry.runbooks = mine;
  }
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
