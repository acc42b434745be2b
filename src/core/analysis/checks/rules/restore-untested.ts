import { parseDuration } from '../../../config/duration.ts';
import { lastProvenRestore } from '../../restores/evidence.ts';
import { formatAge } from '../age.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeRestore, restoreAgeSeconds } from '../restore-facts.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'restore-untested',
  defaultSeverity: 'medium',
  summary:
    "a backed-up workload's data has no proven restore within its tier's restore window (restoreWindow: 90d for tier 0, 180d for tier 1)",
  docs: 'docs/rules/restore-untested.md',
};

/**
 * A backup nobody has restored is a hope. Proof is a restore that succeeded (read from the
 * cluster, or a drill recorded by people) within the tier's window, measured against --now.
 * Workloads with no backup at all are backup-missing's; tiers whose window is "none" are not asked.
 */
export const restoreUntested: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      const window = analysis.config.restoreWindow[data.tier];
      const windowSeconds = parseDuration(window);
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (windowSeconds === null || !severity) continue;
      const protections = analysis.protections.get(data.workload.id) ?? [];
      if (protections.length === 0) continue;
      const proven = lastProvenRestore(analysis.restores.get(data.workload.id));
      const age = proven ? restoreAgeSeconds(proven, analysis.now) : null;
      if (age !== null && age <= windowSeconds) continue;
      const what = proven
        ? `its last proven restore (${describeRestore(proven)}) is ${age === null ? 'of unknown age' : `${formatAge(age)} old`} at ${analysis.now}`
        : `no restore of its data has ever been proven (backed up by ${[...new Set(protections.map((p) => p.method))].join(', ')})`;
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: data.workload.id,
          field: data.fields.backup,
          message: `tier-${data.tier} ${describeWorkload(data.workload.id)}: ${what}; the tier asks for one within ${window}`,
          fix: 'restore the newest backup into a scratch namespace or cluster, check the data, and time it; record the drill with `tierbook drill record` (docs/drills.md), or keep the Restore object the backup tool wrote',
        }),
      );
    }
    return found;
  },
};
