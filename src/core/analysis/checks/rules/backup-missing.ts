import { copiesHostPaths, describeHostPath } from '../../host-path-data.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads, describeData } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'backup-missing',
  defaultSeverity: 'high',
  summary: 'a tier 0–2 workload keeps data and nothing backs it up',
  docs: 'docs/rules/backup-missing.md',
};

/**
 * Replication is not a backup: it copies a bad write, a dropped table or a purge to every
 * replica. Tiers 0–2 need a copy that lives somewhere else; tier 3 is rebuildable. Data in a
 * hostPath needs a backup that copies it: volume backups (Velero, VolSync, K8up…) do not.
 */
export const backupMissing: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      if (data.tier > 2) continue;
      const protections = analysis.protections.get(data.workload.id) ?? [];
      const hostPathsUncovered =
        data.hostPaths.length > 0 && !protections.some((p) => copiesHostPaths(analysis.index.graph, p));
      if (protections.length > 0 && !hostPathsUncovered) continue;
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (!severity) continue;
      const { namespace } = data.workload.node;
      const systems = [...new Set(protections.map((p) => p.method))].join(', ');
      const message =
        protections.length === 0
          ? `tier-${data.tier} ${describeWorkload(data.workload.id)} keeps data in ${describeData(data)} and no backup the inventory shows covers it (expected a backup outside the cluster within the tier RPO)`
          : `tier-${data.tier} ${describeWorkload(data.workload.id)} keeps data in ${data.hostPaths.map((h) => describeHostPath(h, data.workload.id)).join(', ')}, and its backups (${systems}) copy volumes, never hostPath directories (expected a backup of that data outside the cluster within the tier RPO)`;
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: data.workload.id,
          field: data.fields.backup,
          message,
          fix: hostPathsUncovered
            ? 'move the data to a PVC that a backup covers, or back the directory up from the node itself (an etcd snapshot CronJob for etcd, a restic job reading the host path) to storage outside the cluster'
            : (data.fixes.noBackup ??
              `add a backup that leaves the cluster: a Velero Schedule with includedNamespaces: [${namespace}] and defaultVolumesToFsBackup: true to an off-site bucket, or a VolSync ReplicationSource / K8up Schedule for the PVCs`),
        }),
      );
    }
    return found;
  },
};
