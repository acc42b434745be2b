import type { BackupSystem, Protection } from '../backups/model.ts';
import type { Analysis } from '../model.ts';

/** An object and field a backup finding points at. */
export interface Place {
  object: string;
  field: string;
}

/** Where each system records its last successful run, for stale and failing findings. */
const STATUS_FIELD: Record<BackupSystem, string> = {
  velero: 'status.lastBackup',
  volsync: 'status.lastSyncTime',
  k8up: 'status.conditions',
  'cloudnative-pg': 'status.lastSuccessfulBackup',
  'percona-xtradb': 'spec.backup.schedule',
  'percona-mongodb': 'spec.backup.tasks',
  'percona-postgresql': 'spec.backups.pgbackrest.repos',
  longhorn: 'spec.cron',
  'csi-snapshot': 'metadata.creationTimestamp',
};

/**
 * The object that configures the protection (a Velero Schedule, the CloudNativePG Cluster, a
 * VolumeSnapshot): the source of its `protects` edge, so a derived policy node (a set of
 * snapshots) still names a read object.
 */
export function policyPlace(analysis: Analysis, protection: Protection): Place {
  const edge = analysis.index.out(protection.id, 'protects')[0];
  const object = readObject(analysis, protection.id) ?? (edge ? readObject(analysis, edge.source) : null);
  return { object: object ?? protection.id, field: STATUS_FIELD[protection.system] };
}

/** Where the copy's destination is configured (a BackupStorageLocation's s3Url, an endpointURL…). */
export function destinationPlace(analysis: Analysis, protection: Protection): Place | null {
  const edge = analysis.index.out(protection.id, 'stores-to')[0];
  if (!edge) return null;
  const object = readObject(analysis, edge.source);
  return object ? { object, field: edge.field } : null;
}

function readObject(analysis: Analysis, id: string): string | null {
  const node = analysis.index.node(id);
  return node && !node.derived && !node.missing ? id : null;
}
