import type { TierbookConfig } from '../config/model.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import type { ProtectionMap } from './backups/model.ts';
import type { Dependency } from './dependencies.ts';
import type { RestoreMap } from './restores/model.ts';
import type { TierMap } from './tiers/model.ts';
import type { Workload } from './workloads.ts';

/**
 * Everything the analyses share, computed once per graph by `analyze()` (analyze.ts): blast
 * radius and risk checks read it, never re-derive it.
 */
export interface Analysis {
  index: GraphIndex;
  workloads: readonly Workload[];
  workloadById: ReadonlyMap<string, Workload>;
  /** workload id → what it needs to serve (app → app edges). */
  dependencies: ReadonlyMap<string, readonly Dependency[]>;
  tiers: TierMap;
  protections: ProtectionMap;
  /** workload id → restores of its data (from the cluster and recorded drills), newest first. */
  restores: RestoreMap;
  /** Recorded drills not counted, each with why (another cluster's, an unknown workload). */
  ignoredDrills: readonly string[];
  config: TierbookConfig;
  /** ISO 8601; backup ages are measured against it. */
  now: string;
}
