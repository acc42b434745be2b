import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkDestination } from './destination.ts';
import { linkProtects, recordProtection, referencedNode } from './policy.ts';
import type { RunSummary } from './runs.ts';

const MOVERS = ['restic', 'kopia', 'rclone', 'rsync', 'rsyncTLS', 'syncthing'] as const;

/**
 * VolSync: each ReplicationSource copies one PVC (`spec.sourcePVC`) with a mover. restic and
 * kopia keep the repository address in a Secret (named, never read); rclone names its remote
 * path; rsync sends to an address (in the cluster when it is a ReplicationDestination's Service).
 */
export const volsync: BackupAdapter<'volsync'> = {
  system: 'volsync',
  snapshotMarks: { labels: ['volsync.backube/cleanup'], ownerGroups: ['volsync.backube'] },
  statusField: 'status.lastSyncTime',
  copies: 'volumes',
  reads: [groupKind('volsync.backube', 'ReplicationSource', 'replicationsources')],
  extract(ctx) {
    for (const source of ctx.index.ofKind('volsync.backube', 'ReplicationSource')) recordSource(ctx, source);
  },
};

function recordSource(ctx: BuildContext, source: FieldReader): void {
  const id = idOf(source);
  const namespace = source.object.metadata.namespace;
  const claim = source.string('spec.sourcePVC');
  if (claim) {
    const claimId = referencedNode(ctx, nodeId('', 'PersistentVolumeClaim', namespace, claim), 'v1');
    linkProtects(ctx, id, claimId, source, 'spec.sourcePVC', `ReplicationSource copies PVC ${claim}`);
  }
  const mover = MOVERS.find((m) => source.record(`spec.${m}`)) ?? 'unknown mover';
  const copyMethod = source.string(`spec.${mover}.copyMethod`);
  const notes: string[] = [];
  let url: string | null = null;
  let repositorySecret: string | null = null;
  if (mover === 'restic' || mover === 'kopia')
    repositorySecret = source.string(`spec.${mover}.repository`) ?? null;
  if (mover === 'rclone') {
    repositorySecret = source.string('spec.rclone.rcloneConfig') ?? null;
    const section = source.string('spec.rclone.rcloneConfigSection');
    const path = source.string('spec.rclone.rcloneDestPath');
    url = path ? `${section ? `${section}:` : ''}${path}` : null;
  }
  if (mover === 'rsync' || mover === 'rsyncTLS') {
    const address = source.string(`spec.${mover}.address`);
    if (address) {
      url = address;
      linkDestination(ctx, id, {
        reader: source,
        field: `spec.${mover}.address`,
        url: address,
        via: `ReplicationSource ${namespace}/${source.object.metadata.name}`,
      });
    }
  }
  // kopia/restic may keep a filesystem repository on an NFS volume mounted into the mover.
  for (const i of source.indexes(`spec.${mover}.moverVolumes`)) {
    const server = source.string(`spec.${mover}.moverVolumes[${i}].volumeSource.nfs.server`);
    if (!server) continue;
    const path = source.string(`spec.${mover}.moverVolumes[${i}].volumeSource.nfs.path`) ?? '';
    url = `nfs://${server}${path}`;
    linkDestination(ctx, id, {
      reader: source,
      field: `spec.${mover}.moverVolumes[${i}].volumeSource.nfs`,
      url,
      via: `ReplicationSource ${namespace}/${source.object.metadata.name} (NFS volume mounted into the mover)`,
    });
  }
  if (copyMethod === 'Direct' || copyMethod === undefined)
    notes.push('copies the live volume (copyMethod Direct)');
  if (source.boolean('spec.paused')) notes.push('paused');
  const schedule =
    source.string('spec.trigger.schedule') ??
    (source.string('spec.trigger.manual') ? `manual (${source.string('spec.trigger.manual')})` : null);
  recordProtection(ctx, id, summaryOf(source), {
    system: 'volsync',
    method: `volsync ${mover}${copyMethod ? ` (${copyMethod})` : ''}`,
    schedule,
    url,
    onVolumeStorage: false,
    repositorySecret,
    notes,
  });
}

/**
 * VolSync keeps only the latest sync: `lastSyncTime` is the last success, and the mover's
 * result says whether the latest attempt failed (its logs' tail is the error).
 */
function summaryOf(source: FieldReader): RunSummary {
  const lastSuccess = source.string('status.lastSyncTime') ?? null;
  const started = source.string('status.lastSyncStartTime') ?? null;
  const result = source.string('status.latestMoverStatus.result');
  const failed = result === 'Failed';
  const logs = source.string('status.latestMoverStatus.logs')?.trim().split('\n').at(-1);
  return {
    lastSuccess,
    lastAttempt: started ?? lastSuccess,
    state: failed ? 'failing' : lastSuccess ? 'ok' : source.record('status') ? 'never-run' : 'unknown',
    lastError: failed ? `mover Failed${logs ? `: ${logs.slice(0, 300)}` : ''}` : null,
    failedSinceSuccess: failed ? 1 : 0,
    earlierFailures: [],
  };
}
