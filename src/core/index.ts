/**
 * The core's one front door: the one way to wire the pipeline, used by the CLI, the benchmarks
 * and the tests alike (docs/architecture.md, "One front door").
 *
 *   loadCluster      a source's objects (the io layer hands them over), the kinds tierbook
 *                    reads kept, built into a graph
 *   analyseCluster   tiers, dependencies, backup coverage, restore evidence
 *   then one of      buildInventory (content/), blast, failureDomains, check, bindRunbook,
 *                    applicableRunbooks
 *
 * Pure: no file system, no network, no clock (`now` is always given). Each step loads the modules
 * it needs when it is called, so a command pays at start-up only for the steps it takes: `blast
 * --content` never loads the checks or the inventory's pages, and importing this file costs one
 * small module.
 */
import type { BlastResult, FailureDomainSummary } from './analysis/blast/model.ts';
import type { AcceptanceResult } from './analysis/checks/acceptance.ts';
import type { Finding } from './analysis/checks/model.ts';
import type { Analysis } from './analysis/model.ts';
import type { TierbookConfig } from './config/model.ts';
import type { RecordedDrill } from './drills/model.ts';
import type { LoadedCluster } from './graph/loaded-cluster.ts';
import type { Graph } from './graph/model.ts';
import type { GraphTables } from './graph/tables.ts';
import type { AssembleOptions } from './inventory/assemble.ts';
import type { Inventory } from './inventory/model.ts';
import type { DomainBlast } from './inventory/storage-entries.ts';
import type { SourceResult } from './model.ts';
import type { Applicable } from './runbooks/applies.ts';
import type { BindOptions } from './runbooks/bind.ts';
import type { BoundRunbook, Runbook } from './runbooks/model.ts';
import type { ResourceType } from './sources/resource-type.ts';

export type { LoadedCluster } from './graph/loaded-cluster.ts';

export type { GraphTables } from './graph/tables.ts';

export interface LoadOptions {
  /**
   * The rows the graph is built from: the registries (GRAPH_TABLES) unless a test hands in
   * others, as tests/graph/new-adapters.test.ts does with made-up adapters. Each table given
   * replaces its registry; analysis then asks these rows too (graph/tables.ts).
   */
  tables?: Partial<GraphTables>;
  /** The kinds kept: what the tables' rows read (RESOURCE_TYPES for the registries). */
  reads?: readonly ResourceType[];
}

/**
 * Loads a cluster from what a source read: keeps the kinds tierbook reads (a kind no table
 * declares is counted in `skipped`, never silently used or dropped), builds the graph and
 * notes what was not read. The filter is idempotent, so a read already filtered (the live
 * source lists only these kinds) passes through unchanged.
 */
export async function loadCluster(read: SourceResult, options: LoadOptions = {}): Promise<LoadedCluster> {
  const [
    { keepKnownKinds },
    { RESOURCE_TYPES, GRAPH_TABLES, readTables },
    { buildGraph },
    { idFor },
    { unreadOf },
    { resourceTypesOf },
  ] = await Promise.all([
    import('./graph/known-kinds.ts'),
    import('./graph/reads.ts'),
    import('./graph/build.ts'),
    import('./graph/ids.ts'),
    import('./sources/unread.ts'),
    import('./sources/resource-type.ts'),
  ]);
  const tables = options.tables ? { ...GRAPH_TABLES, ...options.tables } : GRAPH_TABLES;
  const reads = options.reads ?? (options.tables ? resourceTypesOf(readTables(tables)) : RESOURCE_TYPES);
  const source = keepKnownKinds(read, reads);
  const graph = buildGraph(source.items, tables);
  const provenance = new Map(
    source.items.map((i) => {
      const { apiVersion, kind, metadata } = i.object;
      return [idFor(apiVersion, kind, metadata.namespace, metadata.name ?? ''), i.from] as const;
    }),
  );
  return { source, graph, unread: unreadOf(source), provenance };
}

export interface AnalyseOptions {
  /** tierbook.config.yaml; the defaults when absent. */
  config?: TierbookConfig;
  /** ISO 8601: backup ages are measured against it. */
  now: string;
  /** Drills recorded by people (content/drills, docs/drills.md); those of `cluster` count. */
  drills?: { records: readonly RecordedDrill[]; cluster: string };
}

/** The graph analysed: workloads, their dependencies and tiers, backup coverage, restore evidence. */
export async function analyseCluster(graph: Graph, options: AnalyseOptions): Promise<Analysis> {
  const [{ analyze }, { DEFAULT_CONFIG }] = await Promise.all([
    import('./analysis/analyze.ts'),
    import('./config/defaults.ts'),
  ]);
  return analyze(graph, {
    config: options.config ?? DEFAULT_CONFIG,
    now: options.now,
    ...(options.drills ? { drills: options.drills } : {}),
  });
}

export interface InventoryOptions extends AssembleOptions {
  /** tierbook.config.yaml; the defaults when absent. */
  config?: TierbookConfig;
  /** Drills kept in content/drills (docs/drills.md): restore evidence recorded by people. */
  drills?: readonly RecordedDrill[];
}

/**
 * Everything content/ is rendered from (`tierbook inventory`): the cluster analysed, then the
 * findings, one entry per workload and storage object, the bound runbooks and the counts
 * (inventory/assemble.ts).
 */
export async function buildInventory(cluster: LoadedCluster, options: InventoryOptions): Promise<Inventory> {
  return (await inventoryAndAnalysis(cluster, options)).inventory;
}

/**
 * buildInventory's inventory with the analysis it was assembled from and each failure domain's
 * blast radius (`inventory` saves both for the guard).
 */
export async function inventoryAndAnalysis(
  cluster: LoadedCluster,
  options: InventoryOptions,
): Promise<{ inventory: Inventory; analysis: Analysis; domainBlasts: readonly DomainBlast[] }> {
  const [analysis, { assembled }] = await Promise.all([
    analyseCluster(cluster.graph, {
      ...(options.config ? { config: options.config } : {}),
      now: options.now,
      drills: { records: options.drills ?? [], cluster: options.cluster },
    }),
    import('./inventory/assemble.ts'),
  ]);
  const { inventory, domainBlasts } = assembled(cluster, analysis, {
    cluster: options.cluster,
    now: options.now,
    ...(options.runbooks ? { runbooks: options.runbooks } : {}),
  });
  return { inventory, analysis, domainBlasts };
}

export interface BlastRequest {
  /** The targets are down but their data survives: nothing becomes data-loss through them. */
  outage?: boolean;
  /** Said with the answer: what the read missed, an answer from an old inventory. */
  assumptions?: readonly string[];
  /** The graph's dangling references: an object left out for a wrong-typed field is said. */
  dangling?: Graph['dangling'];
}

/**
 * What is lost, dark or degraded if the targets are lost together (`tierbook blast TARGET…`).
 * Every target is resolved before any work, so a typo fails fast (a UsageError naming the
 * closest names). What the answer cannot see is in its assumptions, never left out.
 */
export async function blast(
  analysis: Analysis,
  targets: readonly string[],
  request: BlastRequest = {},
): Promise<BlastResult> {
  const [{ resolveTarget }, { blastRadius }] = await Promise.all([
    import('./analysis/blast/targets.ts'),
    import('./analysis/blast/blast-radius.ts'),
  ]);
  const resolved = targets.map((text) => resolveTarget(analysis, text));
  const result = blastRadius(analysis, resolved, { outage: request.outage ?? false });
  result.assumptions.push(...(request.assumptions ?? []));
  for (const d of request.dangling ?? []) {
    if (d.leftOut !== undefined)
      result.assumptions.push(
        `${d.object} left out (field ${d.field} of the wrong type): any backup or snapshot it gives is not counted`,
      );
  }
  return result;
}

/** Every failure domain (OSDs, disks, nodes, pools, classes) with what it would take, worst first. */
export async function failureDomains(analysis: Analysis): Promise<FailureDomainSummary[]> {
  const { failureDomains: domains } = await import('./analysis/blast/failure-domains.ts');
  return domains(analysis);
}

/**
 * The risk checks (`tierbook check`): every rule's findings, with the acceptances applied
 * (annotations and config): `open` counts, `accepted` is shown but never fails a gate,
 * `expired` is open again with the acceptance that ended.
 */
export async function check(analysis: Analysis): Promise<AcceptanceResult> {
  const [{ runChecks }, { applyAcceptances }] = await Promise.all([
    import('./analysis/checks/index.ts'),
    import('./analysis/checks/acceptance.ts'),
  ]);
  return applyAcceptances(runChecks(analysis), analysis);
}

/** Every finding, most severe first; the accepted ones kept, marked (what content/ lists). */
export async function allFindings(analysis: Analysis): Promise<Finding[]> {
  const [{ sortFindings }, result] = await Promise.all([
    import('./analysis/checks/index.ts'),
    check(analysis),
  ]);
  return sortFindings([...result.open, ...result.accepted]);
}

/** One runbook bound to one target (or the cluster): placeholders filled, gates computed. */
export async function bindRunbook(
  runbook: Runbook,
  analysis: Analysis,
  target: string | null,
  options: BindOptions,
): Promise<BoundRunbook> {
  const { bindRunbook: bind } = await import('./runbooks/bind.ts');
  return bind(runbook, analysis, target, options);
}

/** Each runbook with every target of the cluster it applies to (`tierbook runbooks`). */
export async function applicableRunbooks(
  runbooks: readonly Runbook[],
  analysis: Analysis,
): Promise<Applicable[]> {
  const { applicableRunbooks: applicable } = await import('./runbooks/applies.ts');
  return applicable(runbooks, analysis);
}
