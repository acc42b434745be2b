import { groupKind } from '../../sources/resource-type.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { conditionTime, secondsBetween } from './durations.ts';

const CNPG = 'postgresql.cnpg.io';
const HEALTHY = 'Cluster in healthy state';

/**
 * CloudNativePG: a `Cluster` bootstrapped with `spec.bootstrap.recovery`
 * (docs/src/samples/cluster-restore.yaml: recovery.backup.name, recovery.source,
 * recovery.volumeSnapshots) is a restore of its data; once its status phase is "Cluster in
 * healthy state" the restore succeeded. CloudNativePG records no restore end: the time measured
 * is from the Cluster's creation to its `Ready` condition turning True (scheduling and image
 * pulls included; a later Ready transition, after a failover, would make it look longer).
 */
export const cloudnativePgRecovery: RestoreAdapter<'cloudnative-pg'> = {
  system: 'cloudnative-pg',
  reads: [groupKind(CNPG, 'Cluster', 'clusters')],
  extract(ctx) {
    for (const cluster of ctx.index.ofKind(CNPG, 'Cluster')) {
      if (!cluster.record('spec.bootstrap.recovery')) continue;
      const id = idOf(cluster);
      const recovery = 'spec.bootstrap.recovery';
      const backupName = cluster.string(`${recovery}.backup.name`);
      const source = cluster.string(`${recovery}.source`);
      const snapshot = cluster.string(`${recovery}.volumeSnapshots.storage.name`);
      const backup = backupName
        ? `Backup ${named(cluster.object.metadata.namespace, backupName)}`
        : source
          ? `external cluster ${source}`
          : snapshot
            ? `VolumeSnapshot ${snapshot}`
            : null;
      const phase = cluster.string('status.phase');
      const healthy = phase === HEALTHY;
      const startedAt = cluster.string('metadata.creationTimestamp') ?? null;
      const finishedAt = healthy ? (conditionTime(cluster, 'Ready', 'True') ?? null) : null;
      recordRestore(ctx, id, {
        system: 'cloudnative-pg',
        backup,
        policy: null,
        startedAt,
        finishedAt,
        durationSeconds: secondsBetween(startedAt, finishedAt),
        measured: "the Cluster's creationTimestamp to its Ready condition's lastTransitionTime",
        result: healthy ? 'succeeded' : 'running',
        detail: healthy ? null : `status phase ${phase ?? '(none: not running, or read from a manifest)'}`,
      });
      linkRestores(
        ctx,
        id,
        id,
        cluster,
        recovery,
        `Cluster ${named(cluster.object.metadata.namespace, cluster.object.metadata.name)} was bootstrapped by recovery from ${backup ?? 'a backup'}`,
      );
    }
  },
};
