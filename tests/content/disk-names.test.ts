import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { diskSegment, legacyStorageFile, storageFile } from '../../src/core/file-names.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { NOTES_END, NOTES_START } from '../../src/core/render/notes.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');

test('a disk page is named by its node and the last part of its path', () => {
  assert.equal(storageFile('disk', '', 'k8s-2/dev/sdc'), 'storage/disk.k8s-2.sdc.md');
  assert.match(
    storageFile('disk', '', 'k8s-1/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R812345K'),
    /^storage\/disk\.k8s-1\.ata-samsung-ssd-870-evo-1tb-s6ptnz0r812345k-[0-9a-f]{6}\.md$/,
  );
  assert.equal(storageFile('osd', 'rook-ceph', '3'), legacyStorageFile('osd', 'rook-ceph', '3'));
});

test('disk names stay distinct, whatever case or folders, and never leave their folder', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (node, a, b) => {
      const one = diskSegment(`${node}/dev/${a}`);
      assert.ok(!one.includes('/') && !one.startsWith('.'), one);
      // Names that differ get different segments (lower-casing adds a hash of the whole name).
      if (a !== b) assert.notEqual(one.toLowerCase(), diskSegment(`${node}/dev/${b}`).toLowerCase());
    }),
  );
});

test("a disk page's notes follow it from its old file name", async () => {
  const inventory = await inventoryFrom(await readOffline([SAMPLE]), {
    cluster: 'sample',
    now: '2026-11-24T06:00:00Z',
  });
  const first = renderContent(inventory, new Map());
  const path = 'storage/disk.k8s-2.sdc.md';
  const page = first.get(path);
  assert.ok(page, [...first.keys()].filter((k) => k.includes('disk')).join(' '));
  const legacy = legacyStorageFile('disk', '', 'k8s-2/dev/sdc');
  const notes = '\nsdc is the 250 GB disk in bay 3.\n';
  const old = page.replace(
    /<!-- tierbook:notes:start -->[\s\S]*<!-- tierbook:notes:end -->/,
    `${NOTES_START}${notes}${NOTES_END}`,
  );
  const second = renderContent(inventory, new Map([[legacy, old]]));
  assert.ok(second.get(path)?.includes(`${NOTES_START}${notes}${NOTES_END}`));
  assert.equal(second.has(legacy), false);
  assert.equal(second.has(`orphaned-notes/${legacy}`), false);
});
