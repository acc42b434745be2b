/**
 * PerconaXtraDBClusterBackups as the operator's backup schedule creates them
 * (percona-xtradb-cluster-operator pkg/apis/pxc/v1/pxc_backup_types.go): state, completion time
 * and destination in `status`; no owner, the cluster is named in `spec.pxcCluster`.
 */
import { safeSuffix } from '../build/ids.ts';
import type { Sample } from '../build/sample.ts';
import { shift } from '../build/time.ts';
import type { AreaFile, KubeObject } from '../build/types.ts';
import { BACKUP_IMAGE } from './pxc.ts';

export interface PxcBackupInput {
  file: AreaFile;
  cluster: KubeObject;
  storageName: string;
  s3: Record<string, string>;
  scheduled: string;
  state: 'Succeeded' | 'Failed';
  completed?: string;
}

/** A scheduled backup as the operator's cron creates it: `cron-<cluster>-<storage>-<yyyymmddhhmmss>-<suffix>`. */
export function pxcBackup(sample: Sample, input: PxcBackupInput): KubeObject {
  const clusterName = input.cluster.metadata.name;
  const namespace = input.cluster.metadata.namespace ?? '';
  const stamp = input.scheduled.replace(/[-:TZ]/g, '');
  const name = `cron-${clusterName}-${input.storageName}-${stamp}-${safeSuffix(`pxc-backup/${stamp}`, 5)}`;
  const destination = `s3://${input.s3.bucket ?? ''}/${clusterName}-${input.scheduled.slice(0, 10)}-${input.scheduled.slice(11, 19)}-full`;
  return sample.add(input.file, {
    apiVersion: 'pxc.percona.com/v1',
    kind: 'PerconaXtraDBClusterBackup',
    metadata: sample.meta('PerconaXtraDBClusterBackup', {
      name,
      namespace,
      created: input.scheduled,
      generation: 1,
      labels: {
        'app.kubernetes.io/instance': clusterName,
        'app.kubernetes.io/managed-by': 'percona-xtradb-cluster-operator',
        'percona.com/backup-ancestor-name': 'daily-backup',
        'percona.com/backup-type': 'cron',
        'percona.com/cluster': clusterName,
      },
      finalizers: ['percona.com/delete-backup'],
    }),
    spec: { pxcCluster: clusterName, storageName: input.storageName },
    status: {
      ...(input.completed ? { completed: input.completed } : {}),
      ...(input.state === 'Succeeded' ? { destination } : {}),
      image: BACKUP_IMAGE,
      lastscheduled: shift(input.scheduled, 2),
      s3: input.s3,
      sslSecretName: `${clusterName}-ssl`,
      state: input.state,
      storageName: input.storageName,
      storage_type: 's3',
      verifyTLS: false,
    },
  });
}
