/**
 * Builds the shared `Analysis` for blast tests until `analyze()` (src/core/analysis/analyze.ts)
 * lands: workloads and dependencies from the real graph code, tiers from a small map (default
 * 4), protections as given.
 */

import type { Protection } from '../../src/core/analysis/backups/model.ts';
import { workloadDependencies } from '../../src/core/analysis/dependencies.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import type { Tier, TierDecision } from '../../src/core/analysis/tiers/model.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import type { TierbookConfig } from '../../src/core/config/model.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import type { SourceItem } from '../../src/core/model.ts';

const CONFIG: TierbookConfig = {
  tiers: {
    0: { rpo: '15m', rto: '1h' },
    1: { rpo: '1h', rto: '4h' },
    2: { rpo: '24h', rto: '24h' },
    3: { rpo: 'best-effort', rto: '72h' },
    4: { rpo: 'none', rto: 'redeploy' },
  },
  rules: [],
  overrides: [],
  identityProviders: [],
  backupTargets: [],
};

export function testAnalysis(
  items: SourceItem[],
  options: { tiers?: Record<string, Tier>; protections?: Record<string, Protection[]> } = {},
): Analysis {
  const index = new GraphIndex(buildGraph(items));
  const workloads = findWorkloads(index);
  const tiers = new Map<string, TierDecision>();
  for (const w of workloads) {
    const tier = options.tiers?.[w.id] ?? 4;
    tiers.set(w.id, { workload: w.id, tier, rule: 'labels', reason: 'set by the blast test' });
  }
  return {
    index,
    workloads,
    workloadById: new Map(workloads.map((w) => [w.id, w])),
    dependencies: workloadDependencies(index, workloads),
    tiers,
    protections: new Map(Object.entries(options.protections ?? {})),
    config: CONFIG,
    now: '2026-11-24T06:00:00Z',
  };
}
