import type { FieldReader } from '../../fields.ts';
import { compare } from '../context.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkPerconaStorage } from './percona-storage.ts';
import { linkProtects, recordProtection } from './policy.ts';
import { type BackupRun, summariseRuns, time } from './runs.ts';

const PXC = 'pxc.percona.com';

/**
 * Percona XtraDB Cluster: the cluster's `spec.backup` (schedules writing to named storages)
 * is its policy; PerconaXtraDBClusterBackup objects (`spec.pxcCluster`) are its runs.
 */
export const perconaXtradb: BackupAdapter = {
  system: 'percona-xtradb',
  extract(ctx) {
    const runsByCluster = new Map<string, FieldReader[]>();
    for (const backup of ctx.index.ofKind(PXC, 'PerconaXtraDBClusterBackup')) {
      const key = `${backup.object.metadata.namespace ?? ''}/${backup.string('spec.pxcCluster') ?? ''}`;
      runsByCluster.set(key, [...(runsByCluster.get(key) ?? []), backup]);
    }
    for (const cluster of ctx.index.ofKind(PXC, 'PerconaXtraDBCluster')) {
      const id = idOf(cluster);
      const backups =
        runsByCluster.get(`${cluster.object.metadata.namespace ?? ''}/${cluster.object.metadata.name}`) ?? [];
      const schedules = cluster.indexes('spec.backup.schedule').map((i) => ({
        cron: cluster.string(`spec.backup.schedule[${i}].schedule`),
        storage: cluster.string(`spec.backup.schedule[${i}].storageName`),
      }));
      if (schedules.length === 0 && backups.length === 0) continue;
      linkProtects(ctx, id, id, cluster, 'spec.backup', 'xtrabackup copies of this cluster');
      const newest = [...backups].sort((a, b) => time(startOf(b)) - time(startOf(a)))[0];
      const storageName = newest?.string('spec.storageName') ?? schedules[0]?.storage;
      const notes: string[] = [];
      let url: string | null = null;
      if (storageName) {
        const linked = linkPerconaStorage(
          ctx,
          id,
          cluster,
          `spec.backup.storages.${storageName}`,
          storageName,
          newest ? `xb-${newest.object.metadata.name}` : undefined,
        );
        url = linked.url;
        notes.push(...linked.notes);
      }
      if (cluster.boolean('spec.backup.pitr.enabled'))
        notes.push(
          `point-in-time recovery: binlogs uploaded to storage ${cluster.string('spec.backup.pitr.storageName') ?? '?'}`,
        );
      const summary = summariseRuns(backups.map(runOf));
      if (backups.length === 0 && !cluster.record('status')) summary.state = 'unknown';
      const crons = schedules.map((s) => s.cron).filter((c): c is string => Boolean(c));
      recordProtection(ctx, id, summary, {
        system: 'percona-xtradb',
        method: 'xtrabackup',
        schedule: crons.length > 0 ? [...new Set(crons)].sort(compare).join(', ') : null,
        url,
        onVolumeStorage: false,
        repositorySecret: null,
        notes,
      });
    }
  },
};

function startOf(backup: FieldReader): string | null {
  return backup.string('status.lastscheduled') ?? backup.string('metadata.creationTimestamp') ?? null;
}

const SUCCEEDED = new Set(['Succeeded', 'Ready']);
const FAILED = new Set(['Failed', 'Error']);

function runOf(backup: FieldReader): BackupRun {
  const state = backup.string('status.state') ?? '';
  const error = backup.string('status.error');
  return {
    startedAt: startOf(backup),
    finishedAt: backup.string('status.completed') ?? null,
    outcome: SUCCEEDED.has(state) ? 'success' : FAILED.has(state) ? 'failure' : 'running',
    error: FAILED.has(state) ? `${backup.object.metadata.name} ${state}${error ? `: ${error}` : ''}` : null,
  };
}
