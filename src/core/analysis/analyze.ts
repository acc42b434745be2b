import type { TierbookConfig } from '../config/model.ts';
import type { RecordedDrill } from '../drills/model.ts';
import { GraphIndex } from '../graph/graph-index.ts';
import type { Graph } from '../graph/model.ts';
import { backupCoverage } from './backups/index.ts';
import { deferBlastContext } from './blast/context.ts';
import { prepareBlast } from './blast/prepare.ts';
import { workloadDependencies } from './dependencies.ts';
import type { Analysis } from './model.ts';
import { drillEvidence } from './restores/drill-evidence.ts';
import { restoreEvidence } from './restores/evidence.ts';
import { classifyTiers } from './tiers/index.ts';
import { findWorkloads } from './workloads.ts';

export interface AnalyzeOptions {
  config: TierbookConfig;
  /** ISO 8601; backup ages are measured against it. */
  now: string;
  /** Drills recorded by people (content/drills, docs/drills.md); those of `cluster` count. */
  drills?: { records: readonly RecordedDrill[]; cluster: string };
}

/**
 * Graph → the shared Analysis, in dependency order: workloads, what each needs to serve,
 * tiers (which inherit along those needs), then what protects each workload's data.
 */
export function analyze(graph: Graph, options: AnalyzeOptions): Analysis {
  const index = new GraphIndex(graph);
  const workloads = findWorkloads(index);
  const dependencies = workloadDependencies(index, workloads);
  const drills = drillEvidence(options.drills?.records ?? [], workloads, options.drills?.cluster ?? '');
  const analysis: Analysis = {
    index,
    workloads,
    workloadById: new Map(workloads.map((w) => [w.id, w])),
    dependencies,
    tiers: classifyTiers(index, workloads, dependencies, options.config),
    protections: backupCoverage(index, workloads, options.config),
    restores: restoreEvidence(index, workloads, drills.evidence),
    ignoredDrills: drills.ignored,
    config: options.config,
    now: options.now,
  };
  // Made on the first blast query, not here: most commands never ask one.
  deferBlastContext(analysis, prepareBlast);
  return analysis;
}
