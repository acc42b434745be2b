import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { SCHEMAS } from '../../src/core/schemas/index.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { NOW, ROOT, SAMPLE, scratch, tierbook } from '../reliability/support.ts';
import { validate } from '../support/json-schema.ts';

const schema = (name: string) => SCHEMAS[name] as Record<string, unknown>;

test('docs/schemas/*.schema.json are exactly what "tierbook schema NAME" prints', async () => {
  for (const name of Object.keys(SCHEMAS)) {
    const run = await tierbook(['schema', name]);
    assert.equal(run.code, 0);
    assert.equal(
      readFileSync(join(ROOT, 'docs', 'schemas', `${name}.schema.json`), 'utf8'),
      run.stdout,
      `regenerate: npx node scripts/tierbook.ts schema ${name} > docs/schemas/${name}.schema.json`,
    );
  }
  assert.equal((await tierbook(['schema', 'nope'])).code, 2);
});

test('the config schema accepts the documented example and refuses what the parser refuses', () => {
  const example = parse(readFileSync(join(ROOT, 'docs', 'tierbook.config.example.yaml'), 'utf8'));
  assert.deepEqual(validate(schema('config'), example), []);
  const bad = [
    { tiers: { 1: { rpo: '1 hour' } } },
    { overides: [] },
    { rules: [{ match: {}, tier: 1 }] },
    { rules: [{ match: { name: 'x' }, tier: 7 }] },
    { backupTargets: [{ match: 'x', where: 'nearby' }] },
    { accept: [{ rule: 'backup-missing', object: 'jellyfin', reason: 'r' }] },
    { accept: [{ rule: 'backup-missing', object: 'media/Deployment/jellyfin' }] },
  ];
  for (const value of bad) assert.notDeepEqual(validate(schema('config'), value), [], JSON.stringify(value));
});

test('blast, check and diff JSON of the sample validate against their schemas', async () => {
  const blast = await tierbook(['blast', 'osd/3', '--from', SAMPLE, '--now', NOW, '--json']);
  assert.deepEqual(validate(schema('blast'), JSON.parse(blast.stdout)), []);
  const domains = await tierbook(['blast', '--content', join(ROOT, 'content'), '--json']);
  assert.deepEqual(validate(schema('blast'), JSON.parse(domains.stdout)), []);
  const check = await tierbook(['check', '--content', join(ROOT, 'content'), '--now', NOW, '--json']);
  assert.deepEqual(validate(schema('check'), JSON.parse(check.stdout)), []);
  const dir = await scratch();
  try {
    const config = join(dir, 'c.yaml');
    await writeFile(
      config,
      'accept:\n  - rule: pool-low-redundancy\n    object: rook-ceph/CephBlockPool/scratch\n    reason: scratch\n',
    );
    const accepted = await tierbook(['check', '--from', SAMPLE, '--now', NOW, '--json', '--config', config]);
    const json = JSON.parse(accepted.stdout) as { accepted?: unknown[] };
    assert.ok(json.accepted?.length);
    assert.deepEqual(validate(schema('check'), json), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const diff = await tierbook(['diff', join(ROOT, 'content'), join(ROOT, 'content'), '-o', 'json']);
  assert.deepEqual(validate(schema('diff'), JSON.parse(diff.stdout)), []);
  // The checker is not a rubber stamp: a wrong impact and an extra field are caught.
  const wrong = JSON.parse(blast.stdout) as { impacts: { impact: string; extra?: number }[] };
  if (wrong.impacts[0]) {
    wrong.impacts[0].impact = 'lost';
    wrong.impacts[0].extra = 1;
  }
  assert.equal(validate(schema('blast'), wrong).length > 0, true);
});

test('every page of the committed content/ is valid against the page schema, and a wrong field is not', async () => {
  const files = await readContentDir(join(ROOT, 'content'));
  let pages = 0;
  for (const [path, text] of files) {
    if (!path.endsWith('.md')) continue;
    // As a tool would see it: YAML read, then JSON.
    const data = JSON.parse(JSON.stringify(matter(text).data));
    assert.deepEqual(validate(schema('page'), data), [], path);
    pages++;
  }
  assert.ok(pages > 50, `${pages} pages`);
  const workload = files.get('workloads/databases.cluster.pg-main.md') ?? '';
  const data = JSON.parse(JSON.stringify(matter(workload).data));
  assert.deepEqual(validate(schema('page'), data), []);
  assert.notDeepEqual(validate(schema('page'), { ...data, replicas: 'many' }), []);
  assert.notDeepEqual(validate(schema('page'), { ...data, tier: { ...data.tier, tier: 7 } }), []);
  const { volumes: _, ...noVolumes } = data;
  assert.notDeepEqual(validate(schema('page'), noVolumes), []);
});

test('a capped storage page and its lists file are valid against their schemas, and a wrong field is not', async () => {
  const { syntheticCluster } = await import('../../bench/synthetic/index.ts');
  const { renderContent } = await import('../../src/core/render/content.ts');
  const { inventoryFrom } = await import('../support/pipeline.ts');
  const inventory = await inventoryFrom(
    { items: syntheticCluster({ workloads: 200 }), unreadable: [], skipped: [] },
    { cluster: 'synthetic', now: NOW },
  );
  const files = renderContent(inventory, new Map());
  const lists = [...files.keys()].filter((p) => p.endsWith('.lists.json'));
  assert.ok(lists.length > 0, 'the large cluster has capped pages');
  for (const path of lists) {
    const page = JSON.parse(
      JSON.stringify(matter(files.get(path.replace(/\.lists\.json$/, '.md')) ?? '').data),
    );
    assert.ok(page.lists, path);
    assert.deepEqual(validate(schema('page'), page), [], path);
    const data = JSON.parse(files.get(path) ?? '');
    assert.deepEqual(validate(schema('storage-lists'), data), [], path);
    assert.notDeepEqual(validate(schema('storage-lists'), { ...data, workloads: [{ id: 'x' }] }), []);
    assert.notDeepEqual(
      validate(schema('page'), { ...page, lists: { ...page.lists, workloads: 'all' } }),
      [],
    );
  }
});
