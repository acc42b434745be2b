import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { secondsBetween } from './durations.ts';
import type { RestoreResult } from './facts.ts';

const PXC = 'pxc.percona.com';
const RESULTS: Readonly<Record<string, RestoreResult>> = { Succeeded: 'succeeded', Failed: 'failed' };

/**
 * Percona XtraDB Cluster: a `PerconaXtraDBClusterRestore` (deploy/backup/restore.yaml:
 * spec.pxcCluster, spec.backupName or spec.backupSource) restores into the named cluster;
 * status.state is Succeeded or Failed when it ends and status.completed says when. The operator
 * records no start: the time measured is from the object's creation to status.completed.
 */
export const perconaXtradbRestore: RestoreAdapter<'percona-xtradb'> = {
  system: 'percona-xtradb',
  reads: [
    groupKind(PXC, 'PerconaXtraDBClusterRestore', 'perconaxtradbclusterrestores'),
    groupKind(PXC, 'PerconaXtraDBClusterBackup', 'perconaxtradbclusterbackups'),
  ],
  extract(ctx) {
    for (const restore of ctx.index.ofKind(PXC, 'PerconaXtraDBClusterRestore')) {
      const id = idOf(restore);
      const namespace = restore.object.metadata.namespace;
      const clusterName = restore.string('spec.pxcCluster');
      const backupName = restore.string('spec.backupName');
      const source = restore.string('spec.backupSource.destination');
      const backup = backupName
        ? ctx.index.get(nodeId(PXC, 'PerconaXtraDBClusterBackup', namespace, backupName))
        : undefined;
      // The cluster whose backup it was: the Backup's own cluster when read, else (a backup
      // named, not a source) the cluster restored into, whose backups the operator lists.
      const owner = backup?.string('spec.pxcCluster') ?? (backupName ? clusterName : undefined);
      const state = restore.string('status.state') ?? '';
      const result = RESULTS[state] ?? 'running';
      const startedAt = restore.string('metadata.creationTimestamp') ?? null;
      const finishedAt = restore.string('status.completed') ?? null;
      recordRestore(ctx, id, {
        system: 'percona-xtradb',
        backup: backupName
          ? `PerconaXtraDBClusterBackup ${named(namespace, backupName)}`
          : source
            ? source
            : null,
        policy: owner ? nodeId(PXC, 'PerconaXtraDBCluster', namespace, owner) : null,
        startedAt,
        finishedAt,
        durationSeconds: secondsBetween(startedAt, finishedAt),
        measured: "the Restore's creationTimestamp to status.completed",
        result,
        detail:
          result === 'succeeded'
            ? null
            : `state ${state || '(none yet)'}${restore.string('status.comments') ? `: ${restore.string('status.comments')}` : ''}`,
      });
      if (!clusterName) continue;
      const cluster = nodeId(PXC, 'PerconaXtraDBCluster', namespace, clusterName);
      linkRestores(
        ctx,
        id,
        cluster,
        restore,
        'spec.pxcCluster',
        `PerconaXtraDBClusterRestore ${named(namespace, restore.object.metadata.name)} restored cluster ${clusterName}`,
      );
    }
  },
};
