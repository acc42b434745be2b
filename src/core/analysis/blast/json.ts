import type { BlastResult } from './model.ts';

/**
 * The contract's `--json` object (ARCHITECTURE.md section 3): target, assumptions, impacts
 * with workload, tier, impact, why, backups. `outage`, each backup's `system` and (when a
 * restore from it is proven) `last_restore` are additions; the graph id stays internal.
 */
export function blastJson(result: BlastResult): unknown {
  return {
    target: result.target,
    outage: result.outage,
    assumptions: result.assumptions,
    impacts: result.impacts.map((i) => ({
      workload: i.workload,
      tier: i.tier,
      impact: i.impact,
      why: i.why,
      backups: i.backups.map((b) => ({
        kind: b.kind,
        system: b.system,
        last_success: b.last_success,
        survives: b.survives,
        why: b.why,
        ...(b.last_restore ? { last_restore: b.last_restore } : {}),
      })),
    })),
  };
}
