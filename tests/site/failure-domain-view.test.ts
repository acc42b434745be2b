import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';
import type { Site, StorageView } from '../../src/site/data/site-model.ts';

/** The failure-domain pages of the committed sample inventory (content/). */
describe('failure-domain pages of the sample', () => {
  let site: Site;
  const page = (url: string): StorageView => {
    const found = site.storage.find((s) => s.url === url);
    assert.ok(found, url);
    return found;
  };
  before(async () => {
    site = buildSite(readContent(await readContentDir(join(import.meta.dirname, '..', '..', 'content'))));
  });

  test('every failure domain with a blast radius has a verdict naming each workload that loses data', () => {
    for (const view of site.storage.filter((s) => s.page.blast)) {
      const blast = view.page.blast;
      assert.ok(view.verdict && blast, view.url);
      assert.deepEqual(
        view.verdict.lose.map((w) => w.name),
        blast.impacts.filter((i) => i.impact === 'data-loss').map((i) => i.title),
      );
      assert.equal(view.verdict.dark.length, blast.counts.unavailable, view.url);
    }
  });

  test('an OSD on a kernel name is flagged with the commands that confirm its serial', () => {
    const osd3 = page('storage/osd.rook-ceph.3/');
    assert.equal(osd3.device?.path, '/dev/sdc');
    assert.equal(osd3.device?.volatile, true);
    assert.deepEqual(osd3.device?.commands, [
      'ls -l /dev/disk/by-id/ | grep -w sdc    # on k8s-2',
      'ceph device ls-by-daemon osd.3',
    ]);
    assert.equal(osd3.verdict?.runbook?.command, 'tierbook runbook osd-remove osd/3');
    assert.ok(osd3.facts.some((f) => f.key === 'device path read from field'));
    assert.ok(
      osd3.facts.every((f) => !/[a-z][A-Z]/.test(f.key)),
      'no camelCase key is shown',
    );
  });

  test('a disk named by id is not flagged, and a node maps each disk to its OSDs', () => {
    const byId = site.storage.find(
      (s) => s.page.type === 'disk' && String(s.page.attrs.path).includes('/by-id/'),
    );
    assert.ok(byId?.device);
    assert.equal(byId.device.volatile, false);
    const node = page('storage/node.k8s-2/');
    assert.deepEqual(
      node.disks?.map((d) => [d.path, d.volatile, d.osds.map((o) => o.title)]),
      [
        ['/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R823456L', false, ['osd.2']],
        ['/dev/sdc', true, ['osd.3']],
      ],
    );
  });
});
