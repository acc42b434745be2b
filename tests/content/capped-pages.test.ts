/**
 * Pool, OSD and node pages of a large cluster list the first workloads, every tier-0 data loss,
 * and a tally of the rest; the front matter keeps every one (the site and tools read it).
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
const pool = [...files].find(([path]) => path.startsWith('storage/pool.'));

interface Impact {
  id: string;
  title: string;
  tier: number;
  impact: string;
}

test('a pool page lists at most the cap plus every tier-0 data loss, and counts the rest', () => {
  assert.ok(pool, 'the synthetic cluster has a pool page');
  const [, text] = pool;
  const page = matter(text);
  const impacts = page.data.blast.impacts as Impact[];
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

  const users = page.data.workloads as unknown[];
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
