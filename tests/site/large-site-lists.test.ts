import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { LISTED } from '../../src/core/render/capped-list.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';
import type { WorkloadIndexRow } from '../../src/site/data/site-model.ts';
import { storageListsJson } from '../../src/site/data/storage-lists.ts';
import {
  DIRECTORY_TIERS,
  INDEX_ROWS,
  NAMESPACE_ROWS,
  workloadDirectory,
} from '../../src/site/data/workload-directory.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const row = (namespace: string, n: number, tier: number | null): WorkloadIndexRow => ({
  link: { title: `Deployment ${namespace}/app-${n}`, url: `workloads/${namespace}.deployment.app-${n}/` },
  namespace,
  kind: 'Deployment',
  tier,
  volumes: 1,
  backends: [],
});

test('the workloads index lists every workload itself up to its limit (the sample)', async () => {
  const site = buildSite(readContent(await readContentDir(join(ROOT, 'content'))));
  assert.ok(site.workloadIndex.length > 0 && site.workloadIndex.length <= INDEX_ROWS);
  assert.equal(site.workloadDirectory, null);
  assert.equal(workloadDirectory(Array.from({ length: INDEX_ROWS }, (_, n) => row('a', n, 2))), null);
});

test('past the limit, every workload is on exactly one bounded page of its namespace, counted per tier', async () => {
  const big = 2 * NAMESPACE_ROWS + 34;
  const rows = [
    ...Array.from({ length: big }, (_, n) => row('team-big', n, n % 3 === 0 ? 1 : null)),
    ...Array.from({ length: 40 }, (_, n) => row('Odd Name/..', n, 0)),
    ...Array.from({ length: 40 }, (_, n) => row('odd-name', n, 4)),
  ];
  const directory = workloadDirectory(rows);
  assert.ok(directory);
  const onPages = directory.pages.flatMap((p) => p.rows);
  assert.deepEqual(
    onPages.map((r) => r.link.url).sort(),
    rows.map((r) => r.link.url).sort(),
    'every workload once',
  );
  assert.ok(directory.pages.every((p) => p.rows.length <= NAMESPACE_ROWS));
  const bigPages = directory.pages.filter((p) => p.namespace === 'team-big');
  assert.deepEqual(
    bigPages.map((p) => [p.url, p.number, p.rows.length]),
    [
      ['workloads/namespace/team-big/', 1, NAMESPACE_ROWS],
      ['workloads/namespace/team-big/2/', 2, NAMESPACE_ROWS],
      ['workloads/namespace/team-big/3/', 3, 34],
    ],
  );
  // A hostile namespace name cannot leave its folder, and pages never share an address.
  const urls = directory.pages.map((p) => p.url);
  assert.equal(new Set(urls).size, urls.length);
  assert.ok(
    urls.every((u) => /^workloads\/namespace\/[a-z0-9._~-]+\/(\d+\/)?$/.test(u)),
    urls.join(' '),
  );
  const bigRow = directory.namespaces.find((n) => n.namespace === 'team-big');
  assert.equal(bigRow?.total, big);
  assert.equal(bigRow?.tiers[DIRECTORY_TIERS.indexOf(1)], Math.ceil(big / 3));
  assert.equal(bigRow?.tiers[DIRECTORY_TIERS.indexOf(null)], big - Math.ceil(big / 3));
  assert.equal(
    directory.namespaces.reduce((sum, n) => sum + n.total, 0),
    rows.length,
  );
});

test('on a large cluster a pool page names the first workloads, counts all, and links every one as JSON', async () => {
  const items = syntheticCluster({ workloads: INDEX_ROWS + 100 });
  const inventory = await inventoryFrom(
    { items, unreadable: [], skipped: [] },
    { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
  );
  const site = buildSite(readContent(renderContent(inventory, new Map())));
  assert.ok(site.workloadDirectory, 'the index is by namespace');
  const pool = site.storage.find((s) => s.page.type === 'pool' && s.workloads.length > LISTED);
  assert.ok(pool, 'a pool with more workloads than a page lists');
  assert.equal(
    pool.lists,
    `data/storage.${pool.page.path.replace(/^storage\//, '').replace(/\.md$/, '')}.json`,
  );
  const counts = pool.workloadCounts;
  assert.ok(counts);
  assert.equal(
    counts.tiers.reduce((sum, t) => sum + t.count, 0),
    pool.workloads.length,
  );
  assert.equal(
    counts.namespaces.reduce((sum, n) => sum + n.count, 0),
    pool.workloads.length,
  );
  const pages = new Set(site.workloadDirectory.pages.map((p) => p.url));
  assert.ok(counts.namespaces.every((n) => n.url !== null && pages.has(n.url)));
  // The JSON holds every list in full: the workloads, each impact, each related object.
  const json = storageListsJson(pool) as {
    workloads: unknown[];
    blast: { impacts: unknown[] } | null;
    related: Record<string, unknown[]>;
  };
  assert.equal(json.workloads.length, pool.page.workloads.length);
  assert.equal(json.blast?.impacts.length, pool.page.blast?.impacts.length);
  for (const r of pool.related) assert.equal(json.related[r.label]?.length, r.links.length);
  // A workload most others depend on (the identity provider) names the first and links the rest.
  const idp = site.workloads.find((w) => w.dependedOnBy.length > LISTED);
  assert.ok(idp, 'a workload many depend on');
  assert.equal(
    idp.lists,
    `data/workload.${idp.page.path.replace(/^workloads\//, '').replace(/\.md$/, '')}.json`,
  );
  assert.ok(site.workloads.every((w) => (w.lists === null) === w.dependedOnBy.length <= LISTED));
});

test('a small cluster (the sample) shows every list whole and links no JSON', async () => {
  const site = buildSite(readContent(await readContentDir(join(ROOT, 'content'))));
  assert.deepEqual(
    [...site.storage, ...site.workloads].filter((s) => s.lists !== null).map((s) => s.url),
    [],
  );
});
