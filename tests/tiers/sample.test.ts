/**
 * The built-in sample cluster (src/sample/README.md) classified with the defaults: the tiers an
 * operator of that homelab would give, pinned by name so a change in any rule shows here.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { workloadDependencies } from '../../src/core/analysis/dependencies.ts';
import { classifyTiers } from '../../src/core/analysis/tiers/index.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const sample = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');

async function sampleTiers() {
  const index = new GraphIndex(buildGraph((await readOffline([sample])).items));
  const workloads = findWorkloads(index);
  return {
    workloads,
    tiers: classifyTiers(index, workloads, workloadDependencies(index, workloads), DEFAULT_CONFIG),
  };
}

const EXPECTED: [string, number, string][] = [
  ['apps/Deployment/auth/authentik-server', 0, 'image'],
  ['apps/Deployment/auth/authentik-worker', 0, 'image'],
  ['postgresql.cnpg.io/Cluster/auth/authentik-db', 0, 'inherited'],
  ['apps/StatefulSet/auth/authentik-redis', 0, 'inherited'],
  ['postgresql.cnpg.io/Cluster/databases/pg-main', 1, 'operator'],
  ['pxc.percona.com/PerconaXtraDBCluster/databases/pxc-main', 1, 'operator'],
  ['apps/Deployment/rook-ceph/rook-ceph-operator', 0, 'operator'],
  ['ceph.rook.io/CephCluster/rook-ceph/rook-ceph', 0, 'operator'],
  ['ceph.rook.io/CephFilesystem/rook-ceph/ceph-filesystem', 0, 'operator'],
  ['apps/StatefulSet/minio/minio', 1, 'image'],
  ['apps/Deployment/media/jellyfin', 2, 'override-namespace'],
  ['apps/StatefulSet/monitoring/prometheus', 3, 'image'],
  ['apps/StatefulSet/monitoring/loki', 3, 'image'],
  ['apps/Deployment/monitoring/grafana', 3, 'image'],
  ['apps/Deployment/web/blog', 4, 'volumes'],
  ['apps/Deployment/web/homepage', 4, 'volumes'],
  ['apps/DaemonSet/monitoring/node-exporter', 4, 'volumes'],
  // Documents and a wiki on PVCs that nothing names: tier 2, flagged for the operator to confirm.
  ['apps/Deployment/apps/paperless', 2, 'volumes'],
  ['apps/Deployment/apps/bookstack', 2, 'volumes'],
  // Its own image says cache (3); paperless needs it, so it is as critical as paperless.
  ['apps/Deployment/apps/paperless-redis', 2, 'inherited'],
];

test('the sample cluster: every workload has a decision, the ones the README names have the expected tier', async () => {
  const { workloads, tiers } = await sampleTiers();
  assert.deepEqual([...tiers.keys()].sort(), workloads.map((w) => w.id).sort());
  for (const [id, tier, rule] of EXPECTED) {
    const decision = tiers.get(id);
    assert.ok(decision, `${id} has no decision`);
    assert.deepEqual([decision.tier, decision.rule], [tier, rule], `${id}: ${decision.reason}`);
  }
});

test('Authentik pulls its database and Redis up to tier 0, and says why', async () => {
  const { tiers } = await sampleTiers();
  const db = tiers.get('postgresql.cnpg.io/Cluster/auth/authentik-db');
  assert.deepEqual(db?.own, {
    tier: 1,
    rule: 'operator',
    reason: 'Cluster auth/authentik-db is a CloudNativePG PostgreSQL cluster (core database)',
  });
  assert.deepEqual(db?.inheritedFrom, {
    workload: 'apps/Deployment/auth/authentik-server',
    path: ['apps/Deployment/auth/authentik-server', 'postgresql.cnpg.io/Cluster/auth/authentik-db'],
  });
  assert.match(
    db?.reason ?? '',
    /^inherited from Deployment auth\/authentik-server \(tier 0\), which depends on it via service \(env AUTHENTIK_POSTGRESQL__HOST/,
  );
  const redis = tiers.get('apps/StatefulSet/auth/authentik-redis');
  assert.equal(redis?.own?.reason, 'image docker.io/library/redis:7.4.1-alpine is the cache Redis');
});

test('paperless and bookstack are the unclassified stateful workloads, and only they', async () => {
  const { tiers } = await sampleTiers();
  const flagged = [...tiers.values()].filter((d) => d.unclassifiedStateful).map((d) => d.workload);
  assert.deepEqual(flagged, ['apps/Deployment/apps/bookstack', 'apps/Deployment/apps/paperless']);
});
