import { tierTargets } from '../../tiers/index.ts';
import { formatAge } from '../age.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeRestore, restorePlace } from '../restore-facts.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload, tierOf } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'rto-exceeded',
  defaultSeverity: 'high',
  summary: "a workload's last measured restore took longer than its tier's RTO",
  docs: 'docs/rules/rto-exceeded.md',
};

/**
 * The newest restore with a measured duration that brought data back (succeeded or partial),
 * against the tier's RTO (tierbook.config.yaml may change it). Each system measures something
 * slightly different (the evidence says what); a restore with no measured duration is not judged.
 */
export const rtoExceeded: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const [workload, evidence] of analysis.restores) {
      const last = evidence.find(
        (e) => e.durationSeconds !== null && (e.result === 'succeeded' || e.result === 'partial'),
      );
      if (!last || last.durationSeconds === null) continue;
      const tier = tierOf(analysis, workload);
      const { rtoSeconds, rto } = tierTargets(analysis.config, tier);
      const severity = severityForTier(meta.defaultSeverity, tier);
      if (rtoSeconds === null || !severity || last.durationSeconds <= rtoSeconds) continue;
      found.push(
        finding(meta, analysis.index, {
          severity,
          ...restorePlace(last, analysis),
          message: `tier-${tier} ${describeWorkload(workload)}: its last measured restore took ${formatAge(last.durationSeconds)} (${describeRestore(last)}; measured: ${last.measured}); the tier's RTO is ${rto}`,
          fix: 'make the restore faster (restore from a copy closer to the cluster, parallel streams, a smaller data set, a standby that is promoted instead of restored) or agree on a longer RTO for this tier in tierbook.config.yaml, then measure again',
        }),
      );
    }
    return found;
  },
};
