/** The public API of the backup analysis: exports, ages, and config hints over the sample cluster. */
import assert from 'node:assert/strict';
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
