/**
 * backupCoverage on the built-in sample cluster, checked by hand against src/sample/README.md
 * ("The cluster" table and deliberate risks 4–8), at the demo's now, 2026-11-24T06:00:00Z.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Protection } from '../../src/core/analysis/backups/model.ts';
import { backupReport } from './run-fixture.ts';

const NOW = '2026-11-24T06:00:00Z';
const sample = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');
const { report } = await backupReport([sample], NOW);
const of = (workload: string) => report.coverage[workload] ?? [];
const only = (workload: string): Protection & { ageSeconds: number | null } => {
  const found = of(workload);
  assert.equal(found.length, 1, `${workload}: ${found.map((p) => p.id).join(', ')}`);
  return found[0] as Protection & { ageSeconds: number | null };
};

describe('backup coverage of the sample cluster', () => {
  test('pg-main: barman to Backblaze B2, outside, WAL archived 2.5 minutes ago', () => {
    const p = only('postgresql.cnpg.io/Cluster/databases/pg-main');
    assert.equal(p.system, 'cloudnative-pg');
    assert.equal(p.method, 'barmanObjectStore');
    assert.equal(p.state, 'ok');
    assert.equal(p.schedule, '0 0 3 * * *');
    // The base backup finished 03:04:12; WAL archiving (ContinuousArchiving True) reached 05:57:31.
    assert.equal(p.lastSuccess, '2026-11-24T05:57:31Z');
    assert.equal(p.ageSeconds, 149);
    assert.deepEqual(p.covers, []);
    assert.equal(p.destination.where, 'outside');
    assert.equal(p.destination.url, 's3://homelab-cnpg-backups/pg-main');
    assert.match(p.notes?.join() ?? '', /last base backup 2026-11-24T03:04:12Z/);
  });

  test('pxc-main: to in-cluster MinIO, failing since 2026-11-21, last success 2026-11-20', () => {
    const p = only('pxc.percona.com/PerconaXtraDBCluster/databases/pxc-main');
    assert.equal(p.system, 'percona-xtradb');
    assert.equal(p.state, 'failing');
    assert.equal(p.lastSuccess, '2026-11-20T03:07:02Z');
    assert.equal(p.lastAttempt, '2026-11-24T03:00:02Z');
    assert.equal(p.failedSinceSuccess, 4);
    assert.equal(p.schedule, '0 3 * * *');
    assert.equal(p.destination.where, 'in-cluster');
    assert.equal(p.destination.node, 'core/Service/minio/minio');
    assert.ok((p.ageSeconds ?? 0) > 3 * 86400);
  });

  test('authentik-db has no database backup; only the Velero file copy of namespace auth', () => {
    const p = only('postgresql.cnpg.io/Cluster/auth/authentik-db');
    assert.equal(p.system, 'velero');
    assert.equal(p.method, 'velero fs-backup');
    assert.deepEqual(p.covers, ['core/PersistentVolumeClaim/auth/authentik-db-1']);
    assert.match(p.notes?.join() ?? '', /live database/);
  });

  test('Velero daily: namespaces apps, web, auth into MinIO (in-cluster); the PartiallyFailed run is noted', () => {
    for (const workload of [
      'apps/Deployment/apps/paperless',
      'apps/Deployment/apps/bookstack',
      'apps/Deployment/auth/authentik-server',
      'apps/StatefulSet/auth/authentik-redis',
    ]) {
      const p = only(workload);
      assert.equal(p.id, 'velero.io/Schedule/velero/daily');
      assert.equal(p.state, 'ok', 'the latest run (2026-11-24) completed');
      assert.equal(p.lastSuccess, '2026-11-24T02:06:58Z');
      assert.equal(p.destination.where, 'in-cluster');
      assert.equal(p.destination.node, 'core/Service/minio/minio');
      assert.match(p.notes?.join() ?? '', /daily-20261123020011 PartiallyFailed \(2 errors\)/);
    }
    assert.deepEqual(only('apps/Deployment/apps/paperless').covers, [
      'core/PersistentVolumeClaim/apps/paperless-data',
      'core/PersistentVolumeClaim/apps/paperless-media',
    ]);
  });

  test('web has no data, so the Velero schedule protects nothing there', () => {
    assert.deepEqual(of('apps/Deployment/web/homepage'), []);
    assert.deepEqual(of('apps/Deployment/web/blog'), []);
  });

  test("Jellyfin: only a 13-day-old CSI snapshot, in the volume's own pool", () => {
    const p = only('apps/Deployment/media/jellyfin');
    assert.equal(p.system, 'csi-snapshot');
    assert.deepEqual(p.covers, ['core/PersistentVolumeClaim/media/jellyfin-config']);
    assert.equal(p.lastSuccess, '2026-11-10T20:15:04Z');
    assert.equal(Math.floor((p.ageSeconds ?? 0) / 86400), 13);
    assert.equal(p.destination.where, 'in-cluster');
    assert.equal(p.destination.node, 'ceph.rook.io/CephBlockPool/rook-ceph/replicapool');
  });

  test('no backup: Prometheus and Loki (local-path), MinIO, Grafana', () => {
    for (const workload of [
      'apps/StatefulSet/monitoring/prometheus',
      'apps/StatefulSet/monitoring/loki',
      'apps/StatefulSet/minio/minio',
      'apps/Deployment/monitoring/grafana',
    ])
      assert.deepEqual(of(workload), [], workload);
  });
});
