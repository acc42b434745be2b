import { backupAgeSeconds } from '../../backups/index.ts';
import type { Protection } from '../../backups/model.ts';
import { tierTargets } from '../../tiers/index.ts';
import { formatAge } from '../age.ts';
import { policyPlace } from '../backup-places.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'backup-stale',
  defaultSeverity: 'high',
  summary: "a workload's newest backup is older than its tier's RPO (measured against --now)",
  docs: 'docs/rules/backup-stale.md',
};

/**
 * The newest successful copy across all of a workload's protections, against the tier's RPO
 * (tierbook.config.yaml may change it). A protection that never completed counts as infinitely
 * old; one whose status the API does not show (manifests only) is not judged.
 */
export const backupStale: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      const protections = analysis.protections.get(data.workload.id) ?? [];
      if (protections.length === 0) continue;
      const { rpoSeconds, rpo } = tierTargets(analysis.config, data.tier);
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (rpoSeconds === null || !severity) continue;
      const newest = newestOf(protections, analysis.now);
      if (newest && newest.age <= rpoSeconds) continue;
      const judged = protections.filter(
        (p) => p.lastSuccess !== null || p.state === 'never-run' || p.state === 'failing',
      );
      if (!newest && judged.length === 0) continue;
      const shown = newest?.protection ?? (judged[0] as Protection);
      const place = policyPlace(analysis, shown);
      const what = newest
        ? `its newest backup (${shown.method}, ${newest.protection.lastSuccess}) is ${formatAge(newest.age)} old at ${analysis.now}`
        : `no backup has ever completed (${judged.map((p) => `${p.method}: ${p.state}`).join(', ')})`;
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: place.object,
          field: place.field,
          message: `tier-${data.tier} ${describeWorkload(data.workload.id)}: ${what}; the tier's RPO is ${rpo}${shown.schedule ? ` (schedule "${shown.schedule}")` : ''}`,
          fix: `run a backup now and check it completes; then schedule backups at least every ${rpo} (for databases, continuous WAL or binlog archiving), and alert when the last success is older than that`,
        }),
      );
    }
    return found;
  },
};

function newestOf(
  protections: readonly Protection[],
  now: string,
): { protection: Protection; age: number } | null {
  let best: { protection: Protection; age: number } | null = null;
  for (const protection of protections) {
    const age = backupAgeSeconds(protection, now);
    if (age === null) continue;
    if (!best || age < best.age) best = { protection, age };
  }
  return best;
}
