/** tierbook.config.yaml changes what the tier-driven rules see: RPOs and tiers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../../src/core/analysis/checks/index.ts';
import { parseConfig } from '../../src/core/config/index.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { analysisOf, SAMPLE_NOW } from './support.ts';

const items = keepKnownKinds(await readOffline(['src/sample/cluster'])).items;

function stale(config = parseConfig({}, 'tierbook.config.yaml')) {
  return runChecks(analysisOf(items, SAMPLE_NOW, config))
    .filter((f) => f.rule === 'backup-stale')
    .map((f) => f.message.split(':')[0]);
}

test('a looser tier-1 RPO silences the stale pxc-main backup; tier 0 stays stale', () => {
  const before = stale();
  assert.ok(before.includes('tier-1 databases/pxc-main (PerconaXtraDBCluster)'));
  const config = parseConfig({ tiers: { 1: { rpo: '7d', rto: '4h' } } }, 'tierbook.config.yaml');
  const after = stale(config);
  assert.ok(!after.includes('tier-1 databases/pxc-main (PerconaXtraDBCluster)'));
  assert.ok(after.includes('tier-0 auth/authentik-db (Cluster)'));
});

test('an override to tier 3 turns a high finding low, and tier 4 silences data rules', () => {
  const severityOf = (tier: number) => {
    const config = parseConfig(
      { overrides: [{ workload: 'databases/pxc-main', tier, reason: 'test' }] },
      'tierbook.config.yaml',
    );
    return runChecks(analysisOf(items, SAMPLE_NOW, config)).find(
      (f) => f.rule === 'replicas-share-failure-domain' && f.object.name === 'pxc-main',
    )?.severity;
  };
  assert.equal(severityOf(1), 'high');
  assert.equal(severityOf(2), 'medium');
  assert.equal(severityOf(3), 'low');
  assert.equal(severityOf(4), undefined);
});
