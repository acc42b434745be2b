/**
 * A capped storage page's lists file, read back by the site: the site shows and counts the
 * full lists, and a lists file that is missing, broken or disagrees with its page stops the
 * build naming the file and the field (the site never shows less than the inventory holds).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { InputError } from '../../src/core/errors.ts';
import { LISTED } from '../../src/core/render/capped-list.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const inventory = await inventoryFrom(
  { items: syntheticCluster({ workloads: 200 }), unreadable: [], skipped: [] },
  { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
);
const files = renderContent(inventory, new Map());
const poolEntry = inventory.storage.find((s) => s.type === 'pool' && s.workloads.length > LISTED);
const poolPath = [...files.keys()].find((p) => /^storage\/pool\..*\.md$/.test(p));
const listsPath = poolPath?.replace(/\.md$/, '.lists.json') ?? '';

test('the site reads a capped page with its lists in full', () => {
  assert.ok(poolEntry && poolPath && files.has(listsPath), 'a capped pool page and its lists file');
  const pool = readContent(files).storage.find((s) => s.path === poolPath);
  assert.ok(pool);
  assert.deepEqual(pool.workloads, poolEntry.workloads);
  assert.deepEqual(pool.blast?.impacts, poolEntry.blast?.impacts);
  assert.deepEqual(pool.related, poolEntry.related);
  assert.equal('lists' in pool, false, 'the site model has the lists, not where they were');
});

const broken = (change: (lists: Map<string, string>) => void) => {
  const copy = new Map(files);
  change(copy);
  return () => readContent(copy);
};
const edited = (edit: (lists: Record<string, unknown[] | string>) => void) =>
  broken((copy) => {
    const lists = JSON.parse(copy.get(listsPath) ?? '{}');
    edit(lists);
    copy.set(listsPath, JSON.stringify(lists));
  });
const named = (file: string, field: string | undefined, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof InputError, String(error));
  assert.equal(error.from.file, file);
  assert.equal(error.field, field);
  assert.match(error.message, message);
  return true;
};

test('a missing lists file names the page and its field', () => {
  assert.throws(
    broken((copy) => copy.delete(listsPath)),
    named(poolPath ?? '', 'lists.file', /not there/),
  );
});

test('a lists file that is not JSON, of another object or shorter than the page says names itself', () => {
  assert.throws(
    broken((copy) => copy.set(listsPath, '{"id": ')),
    named(listsPath, undefined, /not valid JSON/),
  );
  assert.throws(
    edited((l) => {
      l.id = 'ceph.rook.io/CephBlockPool/rook-ceph/other';
    }),
    named(listsPath, 'id', /the page is/),
  );
  assert.throws(
    edited((l) => (l.workloads as unknown[]).pop()),
    named(listsPath, 'workloads', /entries, the page says/),
  );
  assert.throws(
    edited((l) => (l.impacts as unknown[]).shift()),
    named(listsPath, 'impacts', /entries, the page says/),
  );
  assert.throws(
    edited((l) => {
      (l.workloads as Record<string, unknown>[])[3] = { id: 'x', title: 'y', claims: 'z' };
    }),
    (error: unknown) => error instanceof InputError && error.from.file === listsPath,
  );
});
