/** The public API of the backup analysis: exports, ages, and config hints over the sample cluster. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as backups from '../../src/core/analysis/backups/index.ts';
import { BACKUP_ADAPTERS } from '../../src/core/graph/backups/index.ts';
import { backupReport } from './run-fixture.ts';

const sample = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');
const NOW = '2026-11-24T06:00:00Z';

test('exports backupCoverage and backupAgeSeconds, and one adapter per backup system', () => {
  assert.deepEqual(Object.keys(backups).sort(), ['backupAgeSeconds', 'backupCoverage']);
  assert.deepEqual(BACKUP_ADAPTERS.map((a) => a.system).sort(), [
    'cloudnative-pg',
    'csi-snapshot',
    'k8up',
    'longhorn',
    'percona-mongodb',
    'percona-postgresql',
    'percona-xtradb',
    'velero',
    'volsync',
  ]);
});

test('backupAgeSeconds: whole seconds since the last success; null without one or with a bad time', async () => {
  const { report } = await backupReport([sample], NOW);
  const pgMain = report.coverage['postgresql.cnpg.io/Cluster/databases/pg-main']?.[0];
  assert.ok(pgMain);
  assert.equal(backups.backupAgeSeconds(pgMain, NOW), 149);
  assert.equal(backups.backupAgeSeconds(pgMain, '2026-11-24T05:57:31.999Z'), 0);
  assert.equal(backups.backupAgeSeconds({ ...pgMain, lastSuccess: null }, NOW), null);
  assert.equal(backups.backupAgeSeconds(pgMain, 'yesterday'), null);
});

test('a backupTargets hint overrides the classification and says so', async () => {
  const velero = 'velero.io/Schedule/velero/daily';
  const plain = await backupReport([sample], NOW);
  const hinted = await backupReport([sample], NOW, [{ match: 'minio.minio.svc', where: 'outside' }]);
  const before = plain.report.coverage['apps/Deployment/apps/paperless']?.find((p) => p.id === velero);
  const after = hinted.report.coverage['apps/Deployment/apps/paperless']?.find((p) => p.id === velero);
  assert.equal(before?.destination.where, 'in-cluster');
  assert.equal(after?.destination.where, 'outside');
  assert.match(
    after?.destination.why ?? '',
    /^tierbook\.config\.yaml backupTargets: "minio\.minio\.svc" is outside/,
  );
  // pxc-main writes to the same MinIO, so it follows the hint; Jellyfin's snapshot is not matched.
  const pxc = hinted.report.coverage['pxc.percona.com/PerconaXtraDBCluster/databases/pxc-main']?.[0];
  assert.equal(pxc?.destination.where, 'outside');
  const jellyfin = hinted.report.coverage['apps/Deployment/media/jellyfin']?.[0];
  assert.equal(jellyfin?.destination.where, 'in-cluster');
});

test('a file copy of any database kind of WORKLOAD_KINDS is flagged, one only its pods name too (MariaDB)', async () => {
  // A MariaDB operator's StatefulSet in namespace apps, which the sample's Velero daily copies
  // with fs-backup: the MariaDB resource is not read, its pods' ownerReferences make it the root.
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-mariadb-'));
  try {
    const owner = (apiVersion: string, kind: string, name: string, uid: string) =>
      `ownerReferences: [{apiVersion: ${apiVersion}, kind: ${kind}, name: ${name}, uid: ${uid}, controller: true}]`;
    await writeFile(
      join(dir, 'mariadb.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        `metadata: {name: mariadb, namespace: apps, uid: u-sts, ${owner('k8s.mariadb.com/v1alpha1', 'MariaDB', 'mariadb', 'u-db')}}`,
        'spec: {replicas: 1, selector: {matchLabels: {app: mariadb}}, template: {metadata: {labels: {app: mariadb}}, spec: {containers: [{name: mariadb, image: mariadb:11}]}}}',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        `metadata: {name: mariadb-0, namespace: apps, labels: {app: mariadb}, ${owner('apps/v1', 'StatefulSet', 'mariadb', 'u-sts')}}`,
        'spec: {nodeName: k8s-1, containers: [{name: mariadb, image: mariadb:11}], volumes: [{name: storage, persistentVolumeClaim: {claimName: storage-mariadb-0}}]}',
        'status: {phase: Running, conditions: [{type: Ready, status: "True"}]}',
        '---',
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: storage-mariadb-0, namespace: apps}',
        'spec: {storageClassName: ceph-block, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}',
        '',
      ].join('\n'),
    );
    const { report } = await backupReport([sample, dir], NOW);
    const copy = report.coverage['k8s.mariadb.com/MariaDB/apps/mariadb']?.find((p) => p.system === 'velero');
    assert.ok(
      copy,
      `covered by Velero: ${Object.keys(report.coverage).filter((k) => k.includes('mariadb'))}`,
    );
    assert.equal(copy.method, 'velero fs-backup');
    assert.match(copy.notes?.join() ?? '', /live database/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
