/**
 * The inventory writes one page per bound runbook and lists them on the target's page; a
 * change in the cluster that leaves a placeholder unresolved is drift `inventory --check` sees.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceResult } from '../../src/core/model.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { contentDrift } from '../../src/core/render/drift.ts';
import { runbookDrift } from '../../src/core/render/runbook-drift.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';
import { inventoryFrom } from '../support/pipeline.ts';
import { NOW, SAMPLE } from './support.ts';

const { runbooks } = await readRunbooks();
const source = await readOffline([SAMPLE]);
const options = { cluster: 'sample', now: NOW, runbooks };

test('a page per bound runbook, with the BoundRunbook in front matter, listed on the OSD page', async () => {
  const files = renderContent(await inventoryFrom(source, options), new Map());
  const page = files.get('runbooks/osd-remove.osd.3.md');
  assert.ok(page);
  assert.match(
    page,
    /^---\ntype: runbook\nid: runbook\/osd-remove\/osd\/3\ntitle: 'Remove a Rook-Ceph OSD: osd\/3'\n/,
  );
  assert.match(page, /\nrunbook:\n {2}id: osd-remove\n/);
  assert.match(page, /\n---\n# Remove a Rook-Ceph OSD: osd\/3\n/);
  const osd = files.get('storage/osd.rook-ceph.3.md') ?? '';
  assert.match(
    osd,
    /runbooks:\n {2}- id: runbook\/osd-remove\/osd\/3\n {4}title: Remove a Rook-Ceph OSD\n {4}url: runbooks\/osd-remove\.osd\.3\/\n/,
  );
  assert.equal([...files.keys()].filter((p) => p.startsWith('runbooks/osd-remove.')).length, 6);
});

test('no runbooks given: no runbook pages and no runbooks field', async () => {
  const files = renderContent(await inventoryFrom(source, { cluster: 'sample', now: NOW }), new Map());
  assert.equal([...files.keys()].filter((p) => p.startsWith('runbooks/')).length, 0);
  assert.doesNotMatch(files.get('storage/osd.rook-ceph.3.md') ?? '', /\nrunbooks:/);
});

test('a by-id path that is no longer recorded turns into a fill-in: drift on the runbook page', async () => {
  const before = renderContent(await inventoryFrom(source, options), new Map());
  const changed: SourceResult = structuredClone(source);
  const osd0 = changed.items.find(
    (i) => i.object.kind === 'Deployment' && i.object.metadata?.name === 'rook-ceph-osd-0',
  );
  assert.ok(osd0);
  const text = JSON.stringify(osd0.object).replace(
    '/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R812345K',
    '/dev/sdb',
  );
  osd0.object = JSON.parse(text);
  const after = renderContent(await inventoryFrom(changed, options), before);
  const drift = contentDrift(before, after);
  const page = drift.changed.find((c) => c.path === 'runbooks/osd-remove.osd.0.md');
  assert.ok(page, JSON.stringify(drift.changed.map((c) => c.path)));
  assert.match(
    after.get('runbooks/osd-remove.osd.0.md') ?? '',
    /DISK=⟨fill in: \/dev\/disk\/by-id\/… path of osd\.0's disk on k8s-1⟩/,
  );
  assert.deepEqual(
    runbookDrift(before, after).filter((line) => line.startsWith('runbooks/osd-remove.')),
    [
      'runbooks/osd-remove.osd.0.md: {{osd.device.byId}} no longer resolves from the inventory (now a fill-in)',
    ],
  );
  const gone = new Map([...after].filter(([p]) => p !== 'runbooks/osd-remove.osd.5.md'));
  assert.deepEqual(runbookDrift(after, gone), [
    'runbooks/osd-remove.osd.5.md: the runbook no longer applies (its target is gone or changed)',
  ]);
});

test('the site lists the runbook on the OSD page and at /runbooks/, with its page url', async () => {
  const files = renderContent(await inventoryFrom(source, options), new Map());
  const site = buildSite(readContent(files));
  const osd3 = site.storage.find((s) => s.url === 'storage/osd.rook-ceph.3/');
  assert.deepEqual(
    osd3?.runbooks.find((r) => r.url === 'runbooks/osd-remove.osd.3/'),
    { title: 'Remove a Rook-Ceph OSD', url: 'runbooks/osd-remove.osd.3/' },
  );
  const listed = site.runbooks.find((r) => r.id === 'runbook/osd-remove/osd/3');
  assert.equal(listed?.url, 'runbooks/osd-remove.osd.3/');
  assert.equal(listed?.title, 'Remove a Rook-Ceph OSD: osd/3');
});
