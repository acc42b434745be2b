/**
 * Pool, OSD and node pages of a large cluster list the first workloads, every tier-0 data loss,
 * and a tally of the rest; the front matter names the same and, in `lists`, the JSON file beside
 * the page that holds every one (the site and tools read it), so no page grows with the cluster.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import matter from 'gray-matter';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { LISTED } from '../../src/core/render/capped-list.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const items = syntheticCluster({ workloads: 400 });
const inventory = await inventoryFrom(
  { items, unreadable: [], skipped: [] },
  { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
);
const files = renderContent(inventory, new Map());
const pool = [...files].find(([path]) => path.startsWith('storage/pool.') && path.endsWith('.md'));

interface Impact {
  id: string;
  title: string;
  tier: number;
  impact: string;
}

test('a pool page lists at most the cap plus every tier-0 data loss, and counts the rest', () => {
  assert.ok(pool, 'the synthetic cluster has a pool page');
  const [path, text] = pool;
  const page = matter(text);
  const lists = JSON.parse(files.get(path.replace(/\.md$/, '.lists.json')) ?? 'null') as {
    impacts: Impact[];
    workloads: unknown[];
  };
  const impacts = lists.impacts;
  const mustShow = impacts.filter((i) => i.impact === 'data-loss' && i.tier === 0);
  assert.ok(impacts.length > LISTED + mustShow.length, 'enough impacts to be capped');
  const section = page.content.split('## If it is lost')[1]?.split('\n## ')[0] ?? '';
  const listed = section.split('\n').filter((line) => line.startsWith('- '));
  assert.equal(listed.length, Math.max(LISTED, mustShow.length));
  for (const i of mustShow) assert.ok(section.includes(`[${i.title}]`), `${i.id} is listed`);
  assert.match(section, new RegExp(`And ${impacts.length - listed.length} more, not listed here: `));
  // The tally adds up to what is left out, per impact.
  const tally = /not listed here: (.*)\. Every one/.exec(section)?.[1] ?? '';
  const counted = [...tally.matchAll(/(\d+) (data-loss|unavailable|degraded) \(/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
  assert.equal(counted, impacts.length - listed.length);

  const users = lists.workloads;
  const usersSection = page.content.split('## Workloads with data here')[1]?.split('\n## ')[0] ?? '';
  assert.equal(usersSection.split('\n').filter((line) => line.startsWith('- ')).length, LISTED);
  assert.match(usersSection, new RegExp(`And ${users.length - LISTED} more, not listed here`));
});

test('a list within the cap is written whole, with no tally', () => {
  let seen = 0;
  for (const [path, text] of files) {
    if (!path.startsWith('workloads/')) continue;
    const ifDown = (matter(text).data.blast?.ifDown ?? []) as unknown[];
    if (ifDown.length === 0 || ifDown.length > LISTED) continue;
    seen++;
    assert.doesNotMatch(text, /more, not listed here/, path);
  }
  assert.ok(seen > 0, 'some workload page has a short "If it is down" list');
});

test('a capped page names the first entries of each list, and its lists file holds every one as the inventory has it', () => {
  let capped = 0;
  for (const entry of inventory.storage) {
    const path = [...files.keys()].find(
      (p) => p.startsWith('storage/') && matter(files.get(p) ?? '').data.id === entry.id,
    );
    assert.ok(path, entry.id);
    const fm = matter(files.get(path) ?? '').data;
    const listsPath = path.replace(/\.md$/, '.lists.json');
    const long =
      entry.workloads.length > LISTED ||
      (entry.blast?.impacts.length ?? 0) > LISTED ||
      Object.values(entry.related).some((r) => r.length > LISTED);
    if (!long) {
      assert.equal(fm.lists, undefined, `${path}: no lists when every list is whole`);
      assert.equal(files.has(listsPath), false, `${listsPath} is not written`);
      assert.deepEqual(fm.workloads, entry.workloads);
      continue;
    }
    capped++;
    assert.deepEqual(fm.lists, {
      file: listsPath.split('/').pop(),
      workloads: entry.workloads.length,
      impacts: entry.blast?.impacts.length ?? 0,
      related: Object.fromEntries(Object.entries(entry.related).map(([k, v]) => [k, v.length])),
    });
    assert.deepEqual(fm.workloads, entry.workloads.slice(0, LISTED));
    for (const [label, refs] of Object.entries(entry.related))
      assert.deepEqual(fm.related[label], refs.slice(0, LISTED), `${path}: related.${label}`);
    const shown = (fm.blast?.impacts ?? []) as Impact[];
    const lossTier0 = (entry.blast?.impacts ?? []).filter((i) => i.impact === 'data-loss' && i.tier === 0);
    for (const i of lossTier0)
      assert.ok(
        shown.some((s) => s.id === i.id),
        `${path}: tier-0 loss ${i.id} shown`,
      );
    assert.ok(shown.length <= LISTED + lossTier0.length);
    const lists = JSON.parse(files.get(listsPath) ?? 'null');
    assert.deepEqual(lists, {
      id: entry.id,
      workloads: entry.workloads,
      impacts: entry.blast?.impacts ?? [],
      related: entry.related,
    });
  }
  assert.ok(capped >= 3, `pool, OSD and node pages are capped (${capped})`);
});

test('no storage page grows with the cluster: its lists file does', async () => {
  const largest = async (workloads: number) => {
    const inv = await inventoryFrom(
      { items: syntheticCluster({ workloads }), unreadable: [], skipped: [] },
      { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
    );
    const out = renderContent(inv, new Map());
    const size = (suffix: string) =>
      Math.max(
        ...[...out].filter(([p]) => p.startsWith('storage/') && p.endsWith(suffix)).map(([, t]) => t.length),
      );
    return { page: size('.md'), lists: size('.lists.json') };
  };
  const small = await largest(100);
  const big = await largest(400);
  assert.ok(big.lists > 3 * small.lists, `the lists grow with the cluster (${small.lists} → ${big.lists})`);
  assert.ok(big.page < 1.25 * small.page, `the largest page does not (${small.page} → ${big.page} bytes)`);
});
