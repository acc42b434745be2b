import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { secondsBetween } from './durations.ts';

/**
 * k8up: a `Restore` (config/samples/k8up_v1_restore.yaml) with `spec.restoreMethod.folder.claimName`
 * restores a restic snapshot into that PVC; one restoring to S3 puts the files in a bucket, no
 * workload's volume, and is tied to nothing. Its `Completed` condition turns True when the run
 * ends, with reason Succeeded or Failed (as k8up's Backup). The time measured is from the
 * object's creation to that condition's lastTransitionTime.
 */
export const k8upRestore: RestoreAdapter<'k8up'> = {
  system: 'k8up',
  reads: [groupKind('k8up.io', 'Restore', 'restores')],
  extract(ctx) {
    for (const restore of ctx.index.ofKind('k8up.io', 'Restore')) {
      const id = idOf(restore);
      const namespace = restore.object.metadata.namespace;
      const completed = restore
        .indexes('status.conditions')
        .find((i) => restore.string(`status.conditions[${i}].type`) === 'Completed');
      const at = (field: string) =>
        completed === undefined ? undefined : restore.string(`status.conditions[${completed}].${field}`);
      const finished = restore.boolean('status.finished') === true || at('status') === 'True';
      const reason = at('reason');
      const failed =
        restore.boolean('status.failed') === true ||
        (reason !== undefined && reason !== 'Succeeded' && reason !== 'Finished');
      const result = !finished ? 'running' : failed ? 'failed' : 'succeeded';
      const startedAt = restore.string('metadata.creationTimestamp') ?? null;
      const finishedAt = finished ? (at('lastTransitionTime') ?? null) : null;
      const snapshot = restore.string('spec.snapshot');
      const bucket = restore.string('spec.backend.s3.bucket');
      recordRestore(ctx, id, {
        system: 'k8up',
        backup: snapshot
          ? `restic snapshot ${snapshot}`
          : bucket
            ? `the latest snapshot in bucket ${bucket}`
            : null,
        policy: null,
        startedAt,
        finishedAt,
        durationSeconds: secondsBetween(startedAt, finishedAt),
        measured: "the Restore's creationTimestamp to its Completed condition's lastTransitionTime",
        result,
        detail:
          result === 'succeeded'
            ? null
            : `${reason ?? 'not finished'}${at('message') ? `: ${at('message')}` : ''}`,
      });
      const claim = restore.string('spec.restoreMethod.folder.claimName');
      if (!claim) continue;
      linkRestores(
        ctx,
        id,
        nodeId('', 'PersistentVolumeClaim', namespace, claim),
        restore,
        'spec.restoreMethod.folder.claimName',
        `k8up Restore ${named(namespace, restore.object.metadata.name)} restored into PVC ${claim}`,
      );
    }
  },
};
