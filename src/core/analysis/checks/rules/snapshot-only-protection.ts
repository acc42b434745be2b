import { qualifiedName } from '../../../graph/ids.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'snapshot-only-protection',
  defaultSeverity: 'high',
  summary: "a workload's only protection is CSI snapshots kept on the same storage as its data",
  docs: 'docs/rules/snapshot-only-protection.md',
};

/**
 * A CSI snapshot of an RBD image is another image in the same pool (a Longhorn or ZFS snapshot
 * lives beside the volume too): it undoes a bad write, but it dies with the pool, the OSDs or the
 * node. Snapshots a cloud provider copies to its own store count as a backup.
 */
export const snapshotOnlyProtection: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      const protections = analysis.protections.get(data.workload.id) ?? [];
      if (protections.length === 0) continue;
      if (!protections.every((p) => p.system === 'csi-snapshot' && p.destination.where !== 'outside'))
        continue;
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (!severity) continue;
      const where = [...new Set(protections.map((p) => p.destination.why))].join('; ');
      const claims = [...new Set(protections.flatMap((p) => p.covers))].map(qualifiedName).join(', ');
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: data.workload.id,
          field: data.fields.backup,
          message: `tier-${data.tier} ${describeWorkload(data.workload.id)} is protected only by CSI snapshots${claims ? ` of ${claims}` : ''}: ${where}; losing that storage loses the data and its snapshots together (expected a copy on other storage)`,
          fix: 'keep the snapshots for quick undo, and add a copy that leaves the storage: Velero with the CSI data mover (snapshotMoveData: true) or fs-backup, or VolSync / K8up restic to a bucket outside the cluster',
        }),
      );
    }
    return found;
  },
};
