import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { compare } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { cnpgObjectStore, type ObjectStoreConfig } from './cloudnative-pg-store.ts';
import { linkDestination } from './destination.ts';
import { linkProtects, recordProtection } from './policy.ts';
import { type BackupRun, latestOf, type RunSummary, summariseRuns, time } from './runs.ts';

const CNPG = 'postgresql.cnpg.io';

/**
 * CloudNativePG: a Cluster that archives to an object store (`spec.backup.barmanObjectStore`,
 * or the barman-cloud plugin's ObjectStore) is its own policy: WAL archiving plus the base
 * backups its ScheduledBackups and Backups take. Volume-snapshot backups are a second policy,
 * kept on the volumes' own storage.
 */
export const cloudnativePg: BackupAdapter<'cloudnative-pg'> = {
  system: 'cloudnative-pg',
  snapshotMarks: { labels: ['cnpg.io/cluster'], ownerGroups: ['postgresql.cnpg.io'] },
  statusField: 'status.lastSuccessfulBackup',
  copies: 'database',
  reads: [
    groupKind('postgresql.cnpg.io', 'Cluster', 'clusters'),
    groupKind('postgresql.cnpg.io', 'Backup', 'backups'),
    groupKind('postgresql.cnpg.io', 'ScheduledBackup', 'scheduledbackups'),
    groupKind('barmancloud.cnpg.io', 'ObjectStore', 'objectstores'),
  ],
  extract(ctx) {
    const backups = byCluster(ctx, 'Backup');
    const scheduled = byCluster(ctx, 'ScheduledBackup');
    for (const cluster of ctx.index.ofKind(CNPG, 'Cluster')) {
      const id = idOf(cluster);
      const runs = backups.get(id) ?? [];
      const schedules = scheduled.get(id) ?? [];
      const store = cnpgObjectStore(ctx, cluster);
      const isSnapshot = (r: FieldReader) => r.string('spec.method') === 'volumeSnapshot';
      if (store)
        recordObjectStore(
          ctx,
          cluster,
          store,
          runs.filter((r) => !isSnapshot(r)),
          schedules.filter((s) => !isSnapshot(s)),
        );
      const snapshotSchedules = schedules.filter(isSnapshot);
      if (cluster.record('spec.backup.volumeSnapshot') || snapshotSchedules.length > 0) {
        const policy = store ? snapshotSchedules[0] : undefined;
        recordVolumeSnapshots(
          ctx,
          cluster,
          policy ? idOf(policy) : id,
          runs.filter(isSnapshot),
          snapshotSchedules,
        );
      }
    }
  },
};

function recordObjectStore(
  ctx: BuildContext,
  cluster: FieldReader,
  store: ObjectStoreConfig,
  runs: FieldReader[],
  schedules: FieldReader[],
): void {
  const id = idOf(cluster);
  linkProtects(
    ctx,
    id,
    id,
    cluster,
    store.field,
    `${store.method} backs up this cluster (base backups and WAL)`,
  );
  const url = store.endpoint ?? store.destinationPath;
  if (url) linkDestination(ctx, id, { reader: store.reader, field: store.urlField, url, via: store.via });
  const summary = summariseRuns(runs.map(runOf));
  const notes: string[] = [...store.notes];
  const status = cluster.record('status');
  const lastBase = latestOf(
    summary.lastSuccess,
    cluster.string('status.lastSuccessfulBackup') ?? store.lastSuccess,
  );
  summary.lastSuccess = lastBase;
  if (runs.length === 0) {
    summary.state = lastBase ? 'ok' : status ? 'never-run' : 'unknown';
    const lastFailed = cluster.string('status.lastFailedBackup') ?? store.lastFailure;
    if (lastFailed && (!lastBase || time(lastFailed) > time(lastBase))) {
      summary.state = 'failing';
      summary.lastError = `last base backup failed at ${lastFailed}`;
    }
    summary.lastAttempt = latestOf(lastBase, lastFailed);
  }
  applyConditions(cluster, summary);
  const archiving = condition(cluster, 'ContinuousArchiving');
  const walTime = cluster.string('status.lastArchivedWALTime');
  if (archiving?.status === 'True' && walTime && lastBase) {
    // WAL on top of a base backup restores to the last archived segment: that is the age that counts.
    summary.lastSuccess = latestOf(lastBase, walTime);
    notes.push(`WAL archived continuously (last ${walTime}); last base backup ${lastBase}`);
  } else if (lastBase) notes.push(`last base backup ${lastBase}`);
  if (!lastBase && archiving?.status === 'True')
    notes.push('WAL is archived but no base backup is known: nothing to restore from');
  recordProtection(ctx, id, summary, {
    system: 'cloudnative-pg',
    method: store.method,
    schedule: scheduleOf(schedules),
    url: store.destinationPath ?? store.endpoint,
    onVolumeStorage: false,
    repositorySecret: null,
    notes: notes.sort(compare),
  });
}

function recordVolumeSnapshots(
  ctx: BuildContext,
  cluster: FieldReader,
  policy: string,
  runs: FieldReader[],
  schedules: FieldReader[],
): void {
  const id = idOf(cluster);
  linkProtects(
    ctx,
    policy,
    id,
    cluster,
    'spec.backup.volumeSnapshot',
    "volume-snapshot backups of this cluster's PVCs",
  );
  const summary = summariseRuns(runs.map(runOf));
  if (runs.length === 0 && !cluster.record('status')) summary.state = 'unknown';
  recordProtection(ctx, policy, summary, {
    system: 'cloudnative-pg',
    method: 'volumeSnapshot',
    schedule: scheduleOf(schedules),
    url: null,
    onVolumeStorage: true,
    repositorySecret: null,
    notes: [],
  });
}

/** `ContinuousArchiving` False means WAL is not reaching the store: the backups are not restorable past it. */
function applyConditions(cluster: FieldReader, summary: RunSummary): void {
  for (const type of ['LastBackupSucceeded', 'ContinuousArchiving']) {
    const found = condition(cluster, type);
    if (found?.status !== 'False') continue;
    summary.state = 'failing';
    summary.lastError = `${type} is False${found.reason ? ` (${found.reason})` : ''}${found.message ? `: ${found.message}` : ''}`;
  }
}

function condition(
  reader: FieldReader,
  type: string,
): { status: string; reason?: string; message?: string } | undefined {
  for (const i of reader.indexes('status.conditions')) {
    if (reader.string(`status.conditions[${i}].type`) !== type) continue;
    return {
      status: reader.string(`status.conditions[${i}].status`) ?? '',
      reason: reader.string(`status.conditions[${i}].reason`),
      message: reader.string(`status.conditions[${i}].message`),
    };
  }
  return undefined;
}

function scheduleOf(schedules: FieldReader[]): string | null {
  const active = schedules.filter((s) => s.boolean('spec.suspend') !== true);
  const crons = active.map((s) => s.string('spec.schedule')).filter((s): s is string => Boolean(s));
  return crons.length > 0 ? [...new Set(crons)].sort(compare).join(', ') : null;
}

const FAILED = new Set(['failed', 'walArchivingFailing']);

function runOf(backup: FieldReader): BackupRun {
  const phase = backup.string('status.phase') ?? '';
  return {
    startedAt: backup.string('status.startedAt') ?? backup.string('metadata.creationTimestamp') ?? null,
    finishedAt: backup.string('status.stoppedAt') ?? null,
    outcome: phase === 'completed' ? 'success' : FAILED.has(phase) ? 'failure' : 'running',
    error: FAILED.has(phase)
      ? `Backup ${backup.object.metadata.name} ${phase}${backup.string('status.error') ? `: ${backup.string('status.error')}` : ''}`
      : null,
  };
}

/** Backups and ScheduledBackups by the Cluster they name (`spec.cluster.name`, same namespace). */
function byCluster(ctx: BuildContext, kind: string): Map<string, FieldReader[]> {
  const map = new Map<string, FieldReader[]>();
  for (const reader of ctx.index.ofKind(CNPG, kind)) {
    const name = reader.string('spec.cluster.name');
    if (!name) continue;
    const id = nodeId(CNPG, 'Cluster', reader.object.metadata.namespace, name);
    map.set(id, [...(map.get(id) ?? []), reader]);
  }
  return map;
}
