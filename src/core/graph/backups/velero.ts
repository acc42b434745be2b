import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { compare } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkDestination } from './destination.ts';
import { recordProtection, referencedNode } from './policy.ts';
import { type BackupRun, summariseRuns } from './runs.ts';
import { linkVeleroScope } from './velero-scope.ts';

const VELERO = 'velero.io';
const SCHEDULE_LABEL = 'velero.io/schedule-name';
/** Object-store schemes by BackupStorageLocation provider, for a bucket with no `s3Url`. */
const PROVIDER_SCHEMES: Readonly<Record<string, string>> = {
  aws: 's3',
  'velero.io/aws': 's3',
  gcp: 'gs',
  'velero.io/gcp': 'gs',
  azure: 'azure',
  'velero.io/azure': 'azure',
};

/**
 * Velero: each Schedule is a policy over its Backups (`velero.io/schedule-name`); a Backup
 * made by hand is its own. Backups whose Schedule was not read hang off a placeholder Schedule.
 */
export const velero: BackupAdapter<'velero'> = {
  system: 'velero',
  snapshotMarks: { labels: ['velero.io/backup-name'], ownerGroups: ['velero.io'] },
  statusField: 'status.lastBackup',
  copies: 'volumes',
  fileCopyMethods: ['velero fs-backup'],
  reads: [
    groupKind('velero.io', 'Schedule', 'schedules'),
    groupKind('velero.io', 'Backup', 'backups'),
    groupKind('velero.io', 'BackupStorageLocation', 'backupstoragelocations'),
  ],
  extract(ctx) {
    const bySchedule = new Map<string, FieldReader[]>();
    const standalone: FieldReader[] = [];
    for (const backup of ctx.index.ofKind(VELERO, 'Backup')) {
      const schedule = backup.stringMap('metadata.labels')[SCHEDULE_LABEL];
      if (!schedule) standalone.push(backup);
      else {
        const id = nodeId(VELERO, 'Schedule', backup.object.metadata.namespace, schedule);
        bySchedule.set(id, [...(bySchedule.get(id) ?? []), backup]);
      }
    }
    for (const schedule of ctx.index.ofKind(VELERO, 'Schedule')) {
      const id = idOf(schedule);
      recordPolicy(ctx, id, schedule, 'spec.template', bySchedule.get(id) ?? [], schedule);
      bySchedule.delete(id);
    }
    for (const [id, backups] of [...bySchedule].sort(([a], [b]) => compare(a, b))) {
      const newest = newestFirst(backups)[0] as FieldReader;
      referencedNode(ctx, id, 'velero.io/v1');
      recordPolicy(ctx, id, newest, 'spec', backups, undefined);
    }
    for (const backup of standalone) recordPolicy(ctx, idOf(backup), backup, 'spec', [backup], undefined);
  },
};

function recordPolicy(
  ctx: BuildContext,
  policy: string,
  specReader: FieldReader,
  spec: string,
  backups: FieldReader[],
  schedule: FieldReader | undefined,
): void {
  const notes = linkVeleroScope(ctx, policy, specReader, spec);
  const fsBackup = specReader.boolean(`${spec}.defaultVolumesToFsBackup`) === true;
  const moveData = specReader.boolean(`${spec}.snapshotMoveData`) === true;
  const snapshots = specReader.boolean(`${spec}.snapshotVolumes`);
  const method = fsBackup
    ? 'velero fs-backup'
    : moveData
      ? 'velero CSI snapshot + data mover'
      : snapshots === false
        ? 'velero manifests only'
        : 'velero volume snapshot';
  if (!fsBackup) notes.push('pods annotated backup.velero.io/backup-volumes are copied by fs-backup too');
  const location = linkLocation(ctx, policy, specReader, spec, notes);
  const summary = summariseRuns(backups.map(runOf));
  if (backups.length === 0) {
    // A Schedule read from a manifest has no status: whether it ran is not known.
    const lastBackup = schedule?.string('status.lastBackup') ?? null;
    if (!schedule?.record('status') || lastBackup) summary.state = 'unknown';
    summary.lastAttempt = lastBackup;
  }
  if (schedule?.boolean('spec.paused')) notes.push('paused');
  const phase = schedule?.string('status.phase');
  if (phase && phase !== 'Enabled') notes.push(`Schedule phase ${phase}`);
  recordProtection(ctx, policy, summary, {
    system: 'velero',
    method,
    schedule: schedule?.string('spec.schedule') ?? null,
    url: location,
    onVolumeStorage: method === 'velero volume snapshot',
    repositorySecret: null,
    notes: notes.sort(compare),
  });
}

/** The BackupStorageLocation the backups go to: named, else the default one. */
function linkLocation(
  ctx: BuildContext,
  policy: string,
  reader: FieldReader,
  spec: string,
  notes: string[],
): string | null {
  const namespace = reader.object.metadata.namespace;
  const named = reader.string(`${spec}.storageLocation`);
  const locations = ctx.index.inNamespace(VELERO, 'BackupStorageLocation', namespace ?? '');
  const bsl = named
    ? ctx.index.get(nodeId(VELERO, 'BackupStorageLocation', namespace, named))
    : // Velero's server flag --default-backup-storage-location is "default" unless changed.
      (locations.find((l) => l.boolean('spec.default') === true) ??
      locations.find((l) => l.object.metadata.name === 'default'));
  if (!bsl) {
    notes.push(`BackupStorageLocation ${named ?? '(default)'} is not in the inventory`);
    if (named)
      ctx.dangling(
        reader,
        `${spec}.storageLocation`,
        `uses BackupStorageLocation ${named}, which is not in the inventory`,
      );
    return null;
  }
  const s3Url = bsl.string('spec.config.s3Url');
  const bucket = bsl.string('spec.objectStorage.bucket');
  const prefix = bsl.string('spec.objectStorage.prefix');
  const provider = bsl.string('spec.provider') ?? '';
  const bucketUrl = bucket
    ? `${PROVIDER_SCHEMES[provider] ?? provider}://${bucket}${prefix ? `/${prefix}` : ''}`
    : null;
  const url = s3Url ?? bucketUrl;
  const phase = bsl.string('status.phase');
  ctx.setAttrs(idOf(bsl), { url, phase: phase ?? null });
  if (phase === 'Unavailable') notes.push(`BackupStorageLocation ${qualifiedName(idOf(bsl))} is Unavailable`);
  if (!url) return null;
  linkDestination(ctx, policy, {
    reader: bsl,
    field: s3Url ? 'spec.config.s3Url' : 'spec.objectStorage.bucket',
    url,
    via: `BackupStorageLocation ${qualifiedName(idOf(bsl))}`,
  });
  return s3Url && bucketUrl ? `${s3Url} (bucket ${bucket})` : url;
}

const SUCCESS = new Set(['Completed']);
const FAILURE = new Set(['PartiallyFailed', 'Failed', 'FailedValidation']);

function runOf(backup: FieldReader): BackupRun {
  const phase = backup.string('status.phase') ?? '';
  const errors = backup.number('status.errors');
  const reason =
    backup.string('status.failureReason') || backup.strings('status.validationErrors').join('; ');
  return {
    startedAt: backup.string('status.startTimestamp') ?? backup.string('metadata.creationTimestamp') ?? null,
    finishedAt: backup.string('status.completionTimestamp') ?? null,
    outcome: SUCCESS.has(phase) ? 'success' : FAILURE.has(phase) ? 'failure' : 'running',
    error: FAILURE.has(phase)
      ? `Backup ${backup.object.metadata.name} ${phase}${errors ? ` (${errors} errors)` : ''}${reason ? `: ${reason}` : ''}`
      : null,
  };
}

function newestFirst(backups: FieldReader[]): FieldReader[] {
  return [...backups].sort(
    (a, b) =>
      compare(b.string('metadata.creationTimestamp') ?? '', a.string('metadata.creationTimestamp') ?? '') ||
      compare(b.object.metadata.name ?? '', a.object.metadata.name ?? ''),
  );
}
