import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { ROOT, SAMPLE, scratch, tierbook } from '../reliability/support.ts';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
};

/** The sample with three real-world changes: a pool shrunk to one copy, jellyfin's snapshots deleted, a new app. */
async function changedSample(dir: string): Promise<void> {
  for (const file of await readdir(SAMPLE)) {
    const doc = parse(await readFile(join(SAMPLE, file), 'utf8')) as { items: Obj[] };
    doc.items = doc.items.filter((o) => o.kind !== 'VolumeSnapshot');
    for (const o of doc.items) {
      if (o.kind === 'CephBlockPool' && o.metadata.name === 'replicapool')
        (o.spec?.replicated as { size: number }).size = 1;
    }
    if (file === 'apps.yaml') {
      doc.items.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'wiki', namespace: 'apps' },
        spec: {
          replicas: 1,
          template: { spec: { containers: [{ name: 'wiki', image: 'ghcr.io/example/wiki:1' }] } },
        },
      });
    }
    await writeFile(join(dir, file), stringify(doc));
  }
}

test('diff names the grown blast radius, the lost backup, new findings and the new workload', async (t) => {
  const dir = await scratch();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const input = join(dir, 'changed');
  await import('node:fs/promises').then((fs) => fs.mkdir(input));
  await changedSample(input);
  const newer = join(dir, 'new');
  const wrote = await tierbook([
    'inventory',
    '--from',
    input,
    '--out',
    newer,
    '--now',
    '2026-11-25T06:00:00Z',
    '--cluster',
    'sample-homelab',
  ]);
  assert.equal(wrote.code, 0, wrote.stderr);
  const older = join(ROOT, 'content');

  const md = await tierbook(['diff', older, newer]);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Inventory drift: sample-homelab\n/);
  assert.match(
    md.stdout,
    /\*\*To review:\*\* \d+ failure domains whose blast radius grew, \d+ backups? lost, \d+ new findings/,
  );
  assert.match(
    md.stdout,
    /## Failure domains whose blast radius grew\n\n\| failure domain \| lose data \| go dark \| degrade \|/,
  );
  assert.match(md.stdout, /\| `osd\/3` \| 3 → \d+ \|/);
  assert.match(md.stdout, /## Backups lost\n\n- Deployment media\/jellyfin \(tier \d\): csi-snapshot /);
  assert.match(
    md.stdout,
    /## New findings\n\n(- .*\n)*- \*\*high\*\* `pool-low-redundancy` CephBlockPool rook-ceph\/replicapool/,
  );
  assert.match(md.stdout, /## Workloads added\n\n- Deployment apps\/wiki/);
  assert.ok(
    md.stdout.indexOf('Failure domains whose') < md.stdout.indexOf('Workloads added'),
    'what needs review first',
  );

  const json = JSON.parse((await tierbook(['diff', older, newer, '-o', 'json'])).stdout) as {
    workloads: { added: { id: string }[] };
    failureDomains: {
      grown: { target: string; before: { 'data-loss': number }; after: { 'data-loss': number } }[];
    };
    backups: { lost: unknown[] };
  };
  assert.deepEqual(
    json.workloads.added.map((w) => w.id),
    ['apps/Deployment/apps/wiki'],
  );
  const pool = json.failureDomains.grown.find((g) => g.target === 'osd/3');
  assert.ok(pool && pool.after['data-loss'] > pool.before['data-loss'], JSON.stringify(pool));
  assert.ok(json.backups.lost.length > 0);
});

test('diff of an inventory with itself says "No changes."; wrong usage exits 2', async () => {
  const content = join(ROOT, 'content');
  const same = await tierbook(['diff', content, content]);
  assert.equal(same.code, 0);
  assert.match(same.stdout, /\n\nNo changes\.\n$/);
  assert.equal((await tierbook(['diff', content])).code, 2);
  assert.equal((await tierbook(['diff', content, content, '-o', 'html'])).code, 2);
});
