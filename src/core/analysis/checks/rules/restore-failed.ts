import { lastFinishedRestore } from '../../restores/evidence.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeRestore, restorePlace } from '../restore-facts.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload, tierOf } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'restore-failed',
  defaultSeverity: 'high',
  summary: "a workload's last finished restore failed or was partial",
  docs: 'docs/rules/restore-failed.md',
};

/**
 * The newest restore that ended decides: a failed or partial one says the backup, the
 * procedure or the target did not bring the data back, until a later restore succeeds.
 */
export const restoreFailed: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const [workload, evidence] of analysis.restores) {
      const last = lastFinishedRestore(evidence);
      if (!last || (last.result !== 'failed' && last.result !== 'partial')) continue;
      const tier = tierOf(analysis, workload);
      const severity = severityForTier(meta.defaultSeverity, tier);
      if (!severity) continue;
      const place = restorePlace(last, analysis);
      found.push(
        finding(meta, analysis.index, {
          severity,
          ...place,
          message: `tier-${tier} ${describeWorkload(workload)}: its last restore ${last.result === 'partial' ? 'was partial' : 'failed'} (${describeRestore(last)}${last.detail ? `: ${last.detail}` : ''})`,
          fix: "read why it failed (the restore object's status or logs, the drill's notes), fix the backup or the procedure, and restore again until one succeeds",
        }),
      );
    }
    return found;
  },
};
