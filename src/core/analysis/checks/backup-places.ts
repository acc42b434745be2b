import { backupAdapter } from '../../graph/backups/index.ts';
import type { Protection } from '../backups/model.ts';
import type { Analysis } from '../model.ts';

/** An object and field a backup finding points at. */
export interface Place {
  object: string;
  field: string;
}

/**
 * The object that configures the protection (a Velero Schedule, the CloudNativePG Cluster, a
 * VolumeSnapshot): the source of its `protects` edge, so a derived policy node (a set of
 * snapshots) still names a read object.
 */
export function policyPlace(analysis: Analysis, protection: Protection): Place {
  const edge = analysis.index.out(protection.id, 'protects')[0];
  const object = readObject(analysis, protection.id) ?? (edge ? readObject(analysis, edge.source) : null);
  return {
    object: object ?? protection.id,
    field: backupAdapter(analysis.index.graph, protection.system).statusField,
  };
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
