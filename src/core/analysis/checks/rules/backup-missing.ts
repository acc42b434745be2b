import { qualifiedName } from '../../../graph/ids.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'backup-missing',
  defaultSeverity: 'high',
  summary: 'a tier 0–2 workload keeps data and nothing backs it up',
  docs: 'docs/rules/backup-missing.md',
};

const FIX: Record<string, string> = {
  'postgresql.cnpg.io/Cluster':
    'add spec.backup.barmanObjectStore (or the barman-cloud plugin) pointing at an object store outside the cluster, and a ScheduledBackup; WAL archiving then gives point-in-time recovery',
  'pxc.percona.com/PerconaXtraDBCluster':
    'add spec.backup.storages (an S3 bucket outside the cluster) and spec.backup.schedule; enable pitr for binlog archiving',
  'psmdb.percona.com/PerconaServerMongoDB':
    'add spec.backup.storages (an S3 bucket outside the cluster) and spec.backup.tasks',
};

/**
 * Replication is not a backup: it copies a bad write, a dropped table or a purge to every
 * replica. Tiers 0–2 need a copy that lives somewhere else; tier 3 is rebuildable.
 */
export const backupMissing: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      if (data.tier > 2) continue;
      if ((analysis.protections.get(data.workload.id) ?? []).length > 0) continue;
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (!severity) continue;
      const { group, kind, namespace } = data.workload.node;
      const claims = data.chains.map((c) => qualifiedName(c.claim)).join(', ');
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: data.workload.id,
          field: data.fields.backup,
          message: `tier-${data.tier} ${describeWorkload(data.workload.id)} keeps data in ${claims} and no backup the inventory shows covers it (expected a backup outside the cluster within the tier RPO)`,
          fix:
            FIX[`${group}/${kind}`] ??
            `add a backup that leaves the cluster: a Velero Schedule with includedNamespaces: [${namespace}] and defaultVolumesToFsBackup: true to an off-site bucket, or a VolSync ReplicationSource / K8up Schedule for the PVCs`,
        }),
      );
    }
    return found;
  },
};
