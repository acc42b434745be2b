import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { conditionTime, secondsBetween } from './durations.ts';

const LONGHORN = 'longhorn.io';

/**
 * Longhorn: a `Volume` created with `spec.fromBackup` (a backup URL, as the StorageClass
 * parameter in examples/storageclass.yaml) was restored from that backup. status.restoreRequired
 * stays true while it restores; a Restore condition with reason RestoreFailure says it failed; a
 * standby (disaster recovery) volume keeps restoring and proves nothing until activated. The time
 * measured is from the Volume's creation to its Restore condition's last transition to False.
 * It is tied to the PVC of the PV whose CSI volumeHandle is the Volume's name.
 */
export const longhornFromBackup: RestoreAdapter<'longhorn'> = {
  system: 'longhorn',
  reads: [groupKind(LONGHORN, 'Volume', 'volumes')],
  extract(ctx) {
    for (const volume of ctx.index.ofKind(LONGHORN, 'Volume')) {
      const from = volume.string('spec.fromBackup');
      if (!from) continue;
      const id = idOf(volume);
      const name = volume.object.metadata.name ?? '';
      const restoring = volume.boolean('status.restoreRequired') === true;
      const standby = volume.boolean('spec.Standby') === true || volume.boolean('status.isStandby') === true;
      const failedAt = volume
        .indexes('status.conditions')
        .find((i) => volume.string(`status.conditions[${i}].reason`) === 'RestoreFailure');
      const done = !restoring && !standby && volume.boolean('status.restoreInitiated') === true;
      const result = failedAt !== undefined ? 'failed' : done ? 'succeeded' : 'running';
      const startedAt = volume.string('metadata.creationTimestamp') ?? null;
      const finishedAt = result === 'succeeded' ? (conditionTime(volume, 'Restore', 'False') ?? null) : null;
      recordRestore(ctx, id, {
        system: 'longhorn',
        backup: from,
        policy: null,
        startedAt,
        finishedAt,
        durationSeconds: secondsBetween(startedAt, finishedAt),
        measured: "the Volume's creationTimestamp to its Restore condition's lastTransitionTime",
        result,
        detail:
          failedAt !== undefined
            ? `restore failed${volume.string(`status.conditions[${failedAt}].message`) ? `: ${volume.string(`status.conditions[${failedAt}].message`)}` : ''}`
            : standby
              ? 'a standby (disaster recovery) volume: still restoring until activated'
              : done
                ? null
                : 'still restoring, or its status was not read',
      });
      const pv = ctx.index
        .ofKind('', 'PersistentVolume')
        .find(
          (p) =>
            p.string('spec.csi.driver') === 'driver.longhorn.io' &&
            p.string('spec.csi.volumeHandle') === name,
        );
      const claimNs = pv?.string('spec.claimRef.namespace');
      const claimName = pv?.string('spec.claimRef.name');
      if (!pv || !claimName) continue;
      const claim = nodeId('', 'PersistentVolumeClaim', claimNs, claimName);
      if (!ctx.hasNode(claim)) continue;
      linkRestores(
        ctx,
        id,
        claim,
        volume,
        'spec.fromBackup',
        `Longhorn volume ${name} (PVC ${named(claimNs, claimName)}) was created from backup ${from}`,
      );
    }
  },
};
