import type { WorkloadPage } from './content-model.ts';

/**
 * Whether a backup alarm applies to a workload: it keeps data of its own (a volume, or a
 * hostPath on a node) and is not one of Ceph's own objects, whose data is the pools' and whose
 * redundancy the pool and device rules judge (as the core's risk rules do, workload-data.ts).
 * A stateless Deployment with a tier inherited from what it serves keeps nothing to restore.
 */
export function keepsData(page: WorkloadPage): boolean {
  if (page.id.startsWith('ceph.rook.io/')) return false;
  return page.volumes.length > 0 || page.inlineStorage.length > 0;
}

/** What the Backups section says instead of an alarm, for a workload that keeps no data. */
export function noDataWords(page: WorkloadPage): string {
  return page.id.startsWith('ceph.rook.io/')
    ? "Ceph's own object: its data is the pools', kept in copies by Ceph. The workloads that store data in it need backups of their own."
    : 'Keeps no data of its own (no volume, no hostPath): nothing to back up.';
}
