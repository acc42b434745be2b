import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { readContentDir } from '../../src/io/content-dir.ts';
import type { Content } from '../../src/site/data/content-model.ts';
import { keepsData } from '../../src/site/data/keeps-data.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';
import type { Site } from '../../src/site/data/site-model.ts';

/** The dashboard's "what is at risk" over the committed sample inventory (content/). */
describe('what is at risk in the sample', () => {
  let content: Content;
  let site: Site;
  before(async () => {
    content = readContent(await readContentDir(join(import.meta.dirname, '..', '..', 'content')));
    site = buildSite(content);
  });

  test('no backup alarm for a workload that keeps no data, nor for Ceph itself', () => {
    const titles = (site.home.backupAttention ?? []).map((r) => r.workload.title);
    const exposed = (site.home.atRisk.exposed ?? []).map((r) => r.workload.title);
    for (const quiet of [
      'CephCluster rook-ceph/rook-ceph',
      'Deployment auth/authentik-worker',
      'Deployment web/blog',
    ]) {
      assert.ok(!titles.includes(quiet), `${quiet} is not "unprotected"`);
      assert.ok(!exposed.includes(quiet), `${quiet} is not exposed`);
    }
    // A real gap stays: MinIO keeps tier-1 data and nothing backs it up.
    assert.ok(titles.includes('StatefulSet minio/minio'));
    assert.ok(
      site.home.atRisk.exposed?.some(
        (r) => r.workload.title === 'StatefulSet minio/minio' && r.why === 'no backup',
      ),
    );
    // Every workload left out keeps nothing, or is Ceph's own.
    for (const w of content.workloads.filter((w) => !keepsData(w))) {
      assert.ok(
        w.id.startsWith('ceph.rook.io/') || (w.volumes.length === 0 && w.inlineStorage.length === 0),
        w.id,
      );
    }
  });

  test('tier 0-1 data whose every copy sits inside the cluster is exposed; an off-site copy is not', () => {
    const exposed = new Map((site.home.atRisk.exposed ?? []).map((r) => [r.workload.title, r.why]));
    assert.match(exposed.get('StatefulSet auth/authentik-redis') ?? '', /inside the cluster/);
    assert.ok(!exposed.has('Cluster databases/pg-main'), 'pg-main has a barman copy outside the cluster');
    assert.ok(
      [...exposed.keys()].every(
        (t) => content.workloads.find((w) => w.title === t)?.tier?.tier !== undefined,
      ),
    );
  });

  test('the worst failure domains name what loses data; high findings are counted by rule', () => {
    const [worst] = site.home.atRisk.domains ?? [];
    assert.ok(worst);
    assert.equal(worst.lose.length, worst.counts['data-loss']);
    const rules = site.home.atRisk.highRules ?? [];
    const high = content.findings?.filter((f) => f.severity === 'high') ?? [];
    assert.equal(
      rules.reduce((n, r) => n + r.count, 0),
      high.length,
    );
    assert.equal(new Set(rules.map((r) => r.rule)).size, rules.length, 'one row per rule');
    assert.ok(rules.every((r) => r.url === `findings/#rule-${r.rule}`));
  });
});
