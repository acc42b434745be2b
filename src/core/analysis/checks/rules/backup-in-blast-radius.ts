import { compare } from '../../../graph/context.ts';
import type { Protection } from '../../backups/model.ts';
import { destinationPlace, policyPlace } from '../backup-places.ts';
import { sharedStorage, storageOfDestination, storageOfWorkload } from '../destination-storage.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { lowerSeverity } from '../severity.ts';
import { describeWorkload, storageSeverity, tierOf } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'backup-in-blast-radius',
  defaultSeverity: 'high',
  summary: 'a backup is stored in the cluster, on the same storage as the data it protects',
  docs: 'docs/rules/backup-in-blast-radius.md',
};

interface Exposed {
  workload: string;
  shared: string;
  /** Another protection of the workload keeps a copy outside the cluster. */
  coveredElsewhere: boolean;
}

/**
 * A backup must survive what it protects against. One written to an in-cluster MinIO whose
 * volume sits in the same Ceph pool, OSDs or cluster as the data is lost by the same purge.
 * Snapshots are judged by snapshot-only-protection. One finding per policy; one step lower when
 * every workload it exposes also has a copy outside.
 */
export const backupInBlastRadius: Rule = {
  meta,
  check(analysis) {
    const byPolicy = new Map<string, { protection: Protection; exposed: Exposed[] }>();
    for (const [workload, protections] of analysis.protections) {
      const data = storageOfWorkload(analysis, workload);
      for (const protection of protections) {
        const { destination } = protection;
        if (protection.system === 'csi-snapshot' || destination.where !== 'in-cluster' || !destination.node)
          continue;
        const copy = storageOfDestination(analysis, destination.node);
        const shared = sharedStorage(data, copy);
        if (!shared) continue;
        const coveredElsewhere = protections.some(
          (p) => p !== protection && p.destination.where === 'outside',
        );
        const entry = byPolicy.get(protection.id) ?? { protection, exposed: [] };
        entry.exposed.push({ workload, shared: `${shared} (copy via ${copy.via})`, coveredElsewhere });
        byPolicy.set(protection.id, entry);
      }
    }
    const found: Finding[] = [];
    for (const [, { protection, exposed }] of [...byPolicy].sort(([a], [b]) => compare(a, b))) {
      const workloads = exposed.map((e) => e.workload).sort(compare);
      const rated = storageSeverity(analysis, meta.defaultSeverity, workloads);
      if (!rated.severity) continue;
      const worst =
        exposed.find((e) => rated.who.includes(describeWorkload(e.workload))) ?? (exposed[0] as Exposed);
      const others = exposed.filter((e) => e !== worst).map((e) => describeWorkload(e.workload));
      const place = destinationPlace(analysis, protection) ?? policyPlace(analysis, protection);
      found.push(
        finding(meta, analysis.index, {
          severity: exposed.every((e) => e.coveredElsewhere) ? lowerSeverity(rated.severity) : rated.severity,
          object: place.object,
          field: place.field,
          message: `${protection.method} copies of tier-${tierOf(analysis, worst.workload)} ${describeWorkload(worst.workload)} go to ${protection.destination.url ?? 'storage in the cluster'}, which shares ${worst.shared} with the data${others.length > 0 ? `; so do the copies of ${others.join(', ')}` : ''}: one failure loses data and backup together (expected a destination outside the cluster)`,
          fix: 'send the backups to an object store outside the cluster (another site or a cloud bucket), or replicate the in-cluster bucket there (mc mirror, rclone, bucket replication); mark known-outside targets in tierbook.config.yaml backupTargets',
        }),
      );
    }
    return found;
  },
};
