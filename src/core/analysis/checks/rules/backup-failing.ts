import { compare } from '../../../graph/context.ts';
import type { Protection } from '../../backups/model.ts';
import { policyPlace } from '../backup-places.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { storageSeverity } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'backup-failing',
  defaultSeverity: 'high',
  summary: 'the latest run of a backup failed',
  docs: 'docs/rules/backup-failing.md',
};

/**
 * One finding per failing policy, as serious as the strictest tier it protects: a Velero
 * Schedule covering three namespaces fails for all of them at once.
 */
export const backupFailing: Rule = {
  meta,
  check(analysis) {
    const byPolicy = new Map<string, { protection: Protection; workloads: string[] }>();
    for (const [workload, protections] of analysis.protections) {
      for (const protection of protections) {
        if (protection.state !== 'failing') continue;
        const entry = byPolicy.get(protection.id) ?? { protection, workloads: [] };
        entry.workloads.push(workload);
        byPolicy.set(protection.id, entry);
      }
    }
    const found: Finding[] = [];
    for (const [, { protection, workloads }] of [...byPolicy].sort(([a], [b]) => compare(a, b))) {
      const rated = storageSeverity(analysis, meta.defaultSeverity, workloads.sort(compare));
      if (!rated.severity) continue;
      const place = policyPlace(analysis, protection);
      const failures = protection.failedSinceSuccess ?? 0;
      const since = protection.lastSuccess
        ? `${failures > 0 ? `${failures} run(s) failed since ` : ''}the last success at ${protection.lastSuccess}`
        : `it has never succeeded${failures > 0 ? ` (${failures} failed run(s))` : ''}`;
      found.push(
        finding(meta, analysis.index, {
          severity: rated.severity,
          object: place.object,
          field: place.field,
          message: `the latest ${protection.method} run${protection.lastAttempt ? ` (${protection.lastAttempt})` : ''} failed${protection.lastError ? `: ${protection.lastError}` : ''}; ${since}; it ${rated.who.replace('holds data of', 'protects')}`,
          fix: `read the failed run's status and logs (${protection.system === 'velero' ? '`velero backup describe <name> --details`, `velero backup logs <name>`' : 'the backup object and the backup job pod'}), fix the cause (credentials, bucket, space, a volume that cannot be read), run a backup by hand and see it complete`,
        }),
      );
    }
    return found;
  },
};
