/**
 * Lists files are tierbook's: written beside a capped page, replaced on every run, gone when
 * the page no longer needs one; a JSON file of the operators' own in the same folder stays.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { readContentDir, writeContentDir } from '../../src/io/content-dir.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const inventoryOf = (workloads: number) =>
  inventoryFrom(
    { items: syntheticCluster({ workloads }), unreadable: [], skipped: [] },
    { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
  );

test('a lists file no page names any more is removed; an operator file beside it is kept', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-lists-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const content = join(dir, 'content');
  await writeContentDir(content, renderContent(await inventoryOf(200), new Map()));
  const lists = (await readdir(join(content, 'storage'))).filter((n) => n.endsWith('.lists.json'));
  assert.ok(lists.length > 0, 'the large cluster has lists files');
  const own = '{"owner": "storage team", "pager": "#storage-oncall"}\n';
  await writeFile(join(content, 'storage', 'contacts.json'), own);

  const previous = await readContentDir(content);
  assert.ok(
    lists.every((n) => previous.has(`storage/${n}`)),
    'read back as tierbook files',
  );
  assert.equal(previous.has('storage/contacts.json'), false, 'an operator file is not tierbook’s');
  const small = renderContent(await inventoryOf(20), previous);
  assert.deepEqual(
    [...small.keys()].filter((p) => p.endsWith('.lists.json')),
    [],
    'the small cluster needs none',
  );
  await writeContentDir(content, small);
  const after = await readdir(join(content, 'storage'));
  assert.deepEqual(
    after.filter((n) => n.endsWith('.json')),
    ['contacts.json'],
  );
  assert.equal(await readFile(join(content, 'storage', 'contacts.json'), 'utf8'), own);
});
