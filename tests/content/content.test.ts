import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { safeSegment } from '../../src/core/file-names.ts';
import type { SourceItem, SourceResult } from '../../src/core/model.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { NOTES_END, NOTES_START } from '../../src/core/render/notes.ts';
import { readContentDir, writeContentDir } from '../../src/io/content-dir.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const ROOK = '../shared/corpus/rook__rook/deploy/examples';
const NOW = '2026-11-24T06:00:00Z';

async function rookInventory() {
  const source = await readOffline([
    `${ROOK}/cluster-test.yaml`,
    `${ROOK}/csi/rbd/storageclass.yaml`,
    `${ROOK}/mysql.yaml`,
    `${ROOK}/wordpress.yaml`,
  ]);
  return await inventoryFrom(source, { cluster: 'rook-examples', now: NOW });
}

test('the same input gives byte-identical content, whatever the input order', async () => {
  const inventory = await rookInventory();
  const source = await readOffline([
    `${ROOK}/wordpress.yaml`,
    `${ROOK}/mysql.yaml`,
    `${ROOK}/csi/rbd/storageclass.yaml`,
    `${ROOK}/cluster-test.yaml`,
  ]);
  const reversed: SourceResult = { ...source, items: [...source.items].reverse() };
  const again = await inventoryFrom(reversed, { cluster: 'rook-examples', now: NOW });
  assert.deepEqual(renderContent(again, new Map()), renderContent(inventory, new Map()));
});

test('a workload page carries its storage chain down to the Ceph pool', async () => {
  const files = renderContent(await rookInventory(), new Map());
  const page = files.get('workloads/_.deployment.wordpress-mysql.md') ?? '';
  assert.match(page, /storageClass: storage\.k8s\.io\/StorageClass\/\/rook-ceph-block/);
  assert.match(page, /- ceph\.rook\.io\/CephBlockPool\/rook-ceph\/replicapool/);
  const wordpress = files.get('workloads/_.deployment.wordpress.md') ?? '';
  assert.match(wordpress, /workload: apps\/Deployment\/\/wordpress-mysql\n\s+via: service/);
  assert.ok(files.has('storage/pool.rook-ceph.replicapool.md'));
  assert.ok(files.has('storage/storageclass.rook-ceph-block.md'));
});

test('operators notes survive regeneration word for word; vanished objects keep theirs aside', async () => {
  const inventory = await rookInventory();
  const first = renderContent(inventory, new Map());
  const path = 'workloads/_.deployment.wordpress.md';
  const notes = '\nOn call: @db-team — *do not* restart during backups.\n\n  indented line kept\n';
  const edited = new Map(first);
  edited.set(
    path,
    (first.get(path) ?? '').replace(
      /<!-- tierbook:notes:start -->[\s\S]*<!-- tierbook:notes:end -->/,
      `${NOTES_START}${notes}${NOTES_END}`,
    ),
  );
  const second = renderContent(inventory, edited);
  assert.ok(second.get(path)?.includes(`${NOTES_START}${notes}${NOTES_END}`));
  const without = { ...inventory, workloads: inventory.workloads.filter((w) => w.name !== 'wordpress') };
  const third = renderContent(without, second);
  assert.equal(third.has(path), false);
  assert.ok(third.get(`orphaned-notes/${path}`)?.includes(notes));
  const back = renderContent(inventory, third);
  assert.ok(back.get(path)?.includes(notes));
  assert.equal(back.has(`orphaned-notes/${path}`), false);
});

test('damaged notes markers stop the run instead of losing notes', async () => {
  const inventory = await rookInventory();
  const first = renderContent(inventory, new Map());
  const path = 'workloads/_.deployment.wordpress.md';
  const broken = new Map(first);
  broken.set(path, (first.get(path) ?? '').replace(NOTES_END, ''));
  assert.throws(() => renderContent(inventory, broken), /notes markers are damaged/);
});

test('names from the cluster cannot escape content/ or collide', () => {
  assert.equal(safeSegment('../../etc/passwd'), '_2e._2f.._2fetc_2fpasswd');
  assert.equal(safeSegment(''), '_');
  assert.ok(!safeSegment('..').startsWith('.'));
  assert.notEqual(safeSegment('A'), safeSegment('a'));
  assert.ok(!safeSegment('x/y').includes('/'));
  assert.ok(safeSegment('n'.repeat(300)).length <= 100);
});

test('hostile names render as text, not markup', async () => {
  const item: SourceItem = {
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: '*[x](javascript:alert(1))*', namespace: 'web' },
      spec: {},
    },
    from: { file: 'hostile.yaml', line: 1 },
  };
  const inventory = await inventoryFrom(
    { items: [item], unreadable: [], skipped: [] },
    { cluster: 'c', now: NOW },
  );
  const [page] = [...renderContent(inventory, new Map())].filter(([p]) => p.startsWith('workloads/'));
  assert.ok(page);
  assert.doesNotMatch(page[1].split('---').slice(2).join('---'), /\]\(javascript:/);
});

test('a failed write leaves the previous content untouched', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'tierbook-')), 'content');
  await writeContentDir(
    dir,
    new Map([
      ['index.md', 'old\n'],
      ['workloads/a.md', 'a\n'],
    ]),
  );
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'logo.svg'), '<svg/>');
  await assert.rejects(
    writeContentDir(
      dir,
      new Map([
        ['index.md', 'new\n'],
        ['../escape.md', 'x'],
      ]),
    ),
    /outside/,
  );
  assert.deepEqual(
    [...(await readContentDir(dir))],
    [
      ['index.md', 'old\n'],
      ['workloads/a.md', 'a\n'],
    ],
  );
  await writeContentDir(dir, new Map([['index.md', 'new\n']]));
  assert.deepEqual([...(await readContentDir(dir))], [['index.md', 'new\n']]);
  assert.equal(await readFile(join(dir, 'assets', 'logo.svg'), 'utf8'), '<svg/>');
});
