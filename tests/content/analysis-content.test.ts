import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { renderContent } from '../../src/core/render/content.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const repo = path.resolve(import.meta.dirname, '..', '..');
const source = await readOffline([path.join(repo, 'src', 'sample', 'cluster')]);
const inventory = await inventoryFrom(source, { cluster: 'sample', now: '2026-11-24T06:00:00Z' });
const workload = (id: string) => {
  const found = inventory.workloads.find((w) => w.id === id);
  assert.ok(found, `workload ${id}`);
  return found;
};

test('workload pages carry tier, backups, what stops with them and their findings', () => {
  const db = workload('postgresql.cnpg.io/Cluster/auth/authentik-db');
  assert.equal(db.tier.tier, 0);
  assert.equal(db.tier.rule, 'inherited');
  assert.equal(db.tier.own?.tier, 1);
  assert.equal(db.tier.inheritedFrom?.workload, 'apps/Deployment/auth/authentik-server');
  assert.ok(db.blast.ifDown.some((i) => i.id === 'apps/Deployment/auth/authentik-server'));
  assert.ok(!db.blast.ifDown.some((i) => i.id === db.id), 'the workload itself is not its own dependent');
  assert.ok(db.findings.some((f) => f.rule === 'single-replica-critical'));

  const pxc = workload('pxc.percona.com/PerconaXtraDBCluster/databases/pxc-main');
  const xtrabackup = pxc.backups.find((b) => b.system === 'percona-xtradb');
  assert.equal(xtrabackup?.state, 'failing');
  assert.equal(xtrabackup?.withinRpo, false);

  const blog = workload('apps/Deployment/web/blog');
  assert.equal(blog.tier.tier, 4);
  assert.deepEqual(blog.backups, []);
});

test('failure-domain storage pages carry their blast radius; the index ranks them worst first', () => {
  const osd3 = inventory.storage.find((s) => s.id === 'ceph.rook.io/OSD/rook-ceph/3');
  assert.equal(osd3?.blast?.target, 'osd/3');
  const lost = osd3?.blast?.impacts.filter((i) => i.impact === 'data-loss').map((i) => i.id);
  assert.deepEqual(lost, [
    'apps/StatefulSet/auth/authentik-redis',
    'postgresql.cnpg.io/Cluster/databases/pg-main',
    'pxc.percona.com/PerconaXtraDBCluster/databases/pxc-main',
  ]);
  const nfs = inventory.storage.find((s) => s.type === 'nfs-server');
  assert.equal(nfs?.blast, null);
  const first = inventory.failureDomains[0];
  assert.equal(first?.worstTier, 0);
  assert.ok(inventory.findings.length > 0);
  const perTier = Object.values(inventory.tiers).reduce((a, b) => a + b, 0);
  assert.equal(perTier, inventory.workloads.length);
});

test('findings.md lists every finding, most severe first', () => {
  const files = renderContent(inventory, new Map());
  const page = files.get('findings.md') ?? '';
  assert.match(page, /^type: findings$/m);
  const high = page.indexOf('## high');
  const low = page.indexOf('## low');
  assert.ok(high > 0 && low > high);
  assert.match(page, /volatile-device-name/);
});
