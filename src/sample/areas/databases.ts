/**
 * The shared databases. pg-main (CloudNativePG, 3 instances) keeps its data on ceph-block but its
 * WAL on ceph-scratch ("fast, and Postgres replicates anyway"): a size-1 pool that loses data with
 * any single OSD. Its barman backups go off-site to Backblaze B2, which is what saved the day.
 * pxc-main (Percona XtraDB Cluster, 3 nodes) sits wholly on ceph-scratch for the same reason,
 * and backs up to the in-cluster MinIO, whose own volume is on Ceph; its backups have been
 * failing since MinIO's bucket quota filled up.
 */
import { namespace } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';
import { cnpgCluster } from './cnpg.ts';
import { pxcCluster } from './pxc.ts';
import { pxcBackup } from './pxc-backups.ts';

const NS = 'databases';
const CREATED = '2025-03-09T14:02:11Z';

const BARMAN_STORE = {
  data: { compression: 'gzip', jobs: 2 },
  destinationPath: 's3://homelab-cnpg-backups/pg-main',
  endpointURL: 'https://s3.eu-central-003.backblazeb2.com',
  s3Credentials: {
    accessKeyId: { key: 'ACCESS_KEY_ID', name: 'b2-cnpg-credentials' },
    secretAccessKey: { key: 'ACCESS_SECRET_KEY', name: 'b2-cnpg-credentials' },
  },
  wal: { compression: 'gzip', maxParallel: 2 },
};

function pgBackups(sample: Sample, cluster: KubeObject): void {
  const scheduled = sample.add('databases', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: sample.meta('ScheduledBackup', {
      name: 'pg-main-daily',
      namespace: NS,
      created: shift(CREATED, 900),
      generation: 1,
    }),
    spec: {
      backupOwnerReference: 'self',
      cluster: { name: 'pg-main' },
      immediate: true,
      method: 'barmanObjectStore',
      // CloudNativePG schedules have a seconds field: every day at 03:00:00.
      schedule: '0 0 3 * * *',
      suspend: false,
      target: 'prefer-standby',
    },
    status: {
      lastCheckTime: '2026-11-24T03:00:00Z',
      lastScheduleTime: '2026-11-24T03:00:00Z',
      nextScheduleTime: '2026-11-25T03:00:00Z',
    },
  });
  const runs = [
    {
      day: '20261123',
      started: '2026-11-23T03:00:04Z',
      stopped: '2026-11-23T03:03:51Z',
      wal: ['00000003000000040000009E', '00000003000000040000009F'],
    },
    {
      day: '20261124',
      started: '2026-11-24T03:00:05Z',
      stopped: '2026-11-24T03:04:12Z',
      wal: ['0000000300000004000000AE', '0000000300000004000000AF'],
    },
  ];
  for (const run of runs) {
    const backupId = `${run.day}T${run.started.slice(11, 19).replaceAll(':', '')}`;
    sample.add('databases', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Backup',
      metadata: sample.meta('Backup', {
        name: `pg-main-daily-${run.day}030000`,
        namespace: NS,
        created: shift(run.started, -4),
        generation: 1,
        labels: {
          'cnpg.io/cluster': 'pg-main',
          'cnpg.io/immediateBackup': 'false',
          'cnpg.io/scheduled-backup': 'pg-main-daily',
        },
        owners: [scheduled],
      }),
      spec: {
        cluster: { name: cluster.metadata.name },
        method: 'barmanObjectStore',
        target: 'prefer-standby',
      },
      status: {
        backupId,
        backupName: `backup-${backupId}`,
        beginLSN: `4/${run.wal[0]?.slice(-2)}000028`,
        beginWal: run.wal[0],
        destinationPath: BARMAN_STORE.destinationPath,
        endLSN: `4/${run.wal[1]?.slice(-2)}000100`,
        endWal: run.wal[1],
        endpointURL: BARMAN_STORE.endpointURL,
        instanceID: { ContainerID: `containerd://${backupId.toLowerCase()}`, podName: 'pg-main-2' },
        method: 'barmanObjectStore',
        online: true,
        phase: 'completed',
        s3Credentials: BARMAN_STORE.s3Credentials,
        serverName: 'pg-main',
        startedAt: run.started,
        stoppedAt: run.stopped,
      },
    });
  }
}

export function databases(sample: Sample): void {
  namespace(sample, 'databases', NS, shift(CREATED, -600));
  const pgMain = cnpgCluster(sample, {
    file: 'databases',
    name: 'pg-main',
    namespace: NS,
    created: CREATED,
    podsStarted: shift(LAST_REBOOT, 1500),
    nodes: ['k8s-1', 'k8s-2', 'k8s-3'],
    database: 'app',
    storage: { storageClass: 'ceph-block', size: '20Gi' },
    walStorage: { storageClass: 'ceph-scratch', size: '5Gi' },
    backup: { barmanObjectStore: BARMAN_STORE, retentionPolicy: '30d', target: 'prefer-standby' },
    backupStatus: {
      lastSuccessfulBackup: '2026-11-24T03:04:12Z',
      firstRecoverabilityPoint: '2026-10-25T03:03:40Z',
      lastArchivedWalTime: '2026-11-24T05:57:31Z',
    },
  });
  pgBackups(sample, pgMain);

  const minioStorage = {
    name: 'minio',
    s3: {
      bucket: 'pxc-backups',
      credentialsSecret: 'pxc-main-minio-credentials',
      endpointUrl: 'http://minio.minio.svc.cluster.local:9000',
      region: 'us-east-1',
    },
  };
  const pxc = pxcCluster(sample, {
    file: 'databases',
    name: 'pxc-main',
    namespace: NS,
    created: '2025-05-17T09:40:02Z',
    podsStarted: shift(LAST_REBOOT, 1620),
    nodes: ['k8s-1', 'k8s-2', 'k8s-3'],
    storageClass: 'ceph-scratch',
    size: '20Gi',
    backupStorage: minioStorage,
  });
  const backups = [
    { scheduled: '2026-11-19T03:00:00Z', state: 'Succeeded' as const, completed: '2026-11-19T03:06:48Z' },
    { scheduled: '2026-11-20T03:00:00Z', state: 'Succeeded' as const, completed: '2026-11-20T03:07:02Z' },
    { scheduled: '2026-11-21T03:00:00Z', state: 'Failed' as const },
    { scheduled: '2026-11-22T03:00:00Z', state: 'Failed' as const },
    { scheduled: '2026-11-23T03:00:00Z', state: 'Failed' as const },
    { scheduled: '2026-11-24T03:00:00Z', state: 'Failed' as const },
  ];
  for (const b of backups) {
    pxcBackup(sample, {
      file: 'databases',
      cluster: pxc,
      storageName: minioStorage.name,
      s3: minioStorage.s3,
      ...b,
    });
  }
}
