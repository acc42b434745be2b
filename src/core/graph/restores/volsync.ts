import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { goDurationSeconds } from './durations.ts';

const VOLSYNC = 'volsync.backube';
/** Movers that pull from a backup repository; rsync and syncthing receive live replication, no backup. */
const FROM_BACKUP = ['restic', 'kopia', 'rclone'] as const;
/** The field naming the repository, per mover: a ReplicationSource writing the same one made the backup. */
const REPOSITORY: Readonly<Record<(typeof FROM_BACKUP)[number], string>> = {
  restic: 'repository',
  kopia: 'repository',
  rclone: 'rcloneDestPath',
};

/**
 * VolSync: a `ReplicationDestination` with a restic, kopia or rclone mover restores a backup
 * into `spec.<mover>.destinationPVC`, or into a snapshot a PVC is then created from
 * (`spec.dataSourceRef` naming the ReplicationDestination). status.lastSyncTime says when the
 * last one finished and status.lastSyncDuration how long it took (VolSync's own measure).
 * Shapes: JJGadgets__Biohazard kube/deploy/core/storage/volsync/template/rdst.yaml (spec) and
 * VolSync's ReplicationDestinationStatus (lastSyncTime, lastSyncDuration, lastManualSync).
 */
export const volsyncDestination: RestoreAdapter<'volsync'> = {
  system: 'volsync',
  reads: [
    groupKind(VOLSYNC, 'ReplicationDestination', 'replicationdestinations'),
    groupKind(VOLSYNC, 'ReplicationSource', 'replicationsources'),
  ],
  extract(ctx) {
    for (const destination of ctx.index.ofKind(VOLSYNC, 'ReplicationDestination')) record(ctx, destination);
  },
};

function record(ctx: BuildContext, destination: FieldReader): void {
  const mover = FROM_BACKUP.find((m) => destination.record(`spec.${m}`));
  if (!mover) return;
  const id = idOf(destination);
  const namespace = destination.object.metadata.namespace;
  const name = destination.object.metadata.name ?? '';
  const repository = destination.string(`spec.${mover}.${REPOSITORY[mover]}`);
  const source = repository
    ? ctx.index
        .inNamespace(VOLSYNC, 'ReplicationSource', namespace ?? '')
        .find((s) => s.string(`spec.${mover}.${REPOSITORY[mover]}`) === repository)
    : undefined;
  const finishedAt = destination.string('status.lastSyncTime') ?? null;
  const manual = destination.string('spec.trigger.manual');
  const lastManual = destination.string('status.lastManualSync');
  recordRestore(ctx, id, {
    system: 'volsync',
    backup: repository ? `${mover} repository ${repository}` : null,
    policy: source ? idOf(source) : null,
    startedAt: null,
    finishedAt,
    durationSeconds: finishedAt ? goDurationSeconds(destination.string('status.lastSyncDuration')) : null,
    measured: 'status.lastSyncDuration (the last sync, as VolSync measures it)',
    result: finishedAt ? 'succeeded' : 'running',
    detail: finishedAt
      ? manual && lastManual !== manual
        ? `manual trigger "${manual}" not done yet (last done: ${lastManual ?? 'none'})`
        : null
      : 'no sync has finished yet',
  });
  const claim = destination.string(`spec.${mover}.destinationPVC`);
  const into = claim
    ? [{ name: claim, field: `spec.${mover}.destinationPVC` }]
    : ctx.index
        .inNamespace('', 'PersistentVolumeClaim', namespace ?? '')
        .filter(
          (pvc) =>
            pvc.string('spec.dataSourceRef.kind') === 'ReplicationDestination' &&
            pvc.string('spec.dataSourceRef.name') === name,
        )
        .map((pvc) => ({ name: pvc.object.metadata.name ?? '', field: 'spec.dataSourceRef' }));
  for (const pvc of into) {
    const target = nodeId('', 'PersistentVolumeClaim', namespace, pvc.name);
    linkRestores(
      ctx,
      id,
      target,
      destination,
      pvc.field,
      `ReplicationDestination ${named(namespace, name)} restored PVC ${pvc.name} from ${repository ?? `its ${mover} repository`}`,
    );
  }
}
