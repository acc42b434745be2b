import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, SAMPLE, sampleContentCopy, tierbook } from '../reliability/support.ts';

// Two clusters inventoried on their own (here: the committed sample, and the sample read again
// under another name with one pool shrunk to a single copy), built into one fleet site.
test('build --content prod=DIR --content lab=DIR: each cluster its own site, one dashboard comparing them', async (t) => {
  const { dir, content: prod } = await sampleContentCopy(t, 'prod-content');
  const lab = join(dir, 'lab-content');
  const made = await tierbook([
    'inventory',
    '--from',
    SAMPLE,
    '--out',
    lab,
    '--cluster',
    'homelab-lab',
    '--now',
    '2026-11-25T06:00:00Z',
  ]);
  assert.equal(made.code, 0, made.stderr);
  const out = join(dir, 'site');
  const args = ['build', '--content', `prod=${prod}`, '--content', `lab=${lab}`, '--out', out, '--quiet'];
  const run = await tierbook(args);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Fleet dashboard: .*index\.html \(2 clusters\)/);
  for (const name of ['prod', 'lab']) {
    assert.ok((await stat(join(out, name, 'index.html'))).isFile(), `${name}/index.html`);
    assert.ok((await stat(join(out, name, 'findings', 'index.html'))).isFile(), `${name}/findings/`);
  }
  const page = await readFile(join(out, 'index.html'), 'utf8');
  assert.match(page, /<h2><a href="prod\/">prod<\/a> <small>sample-homelab<\/small><\/h2>/);
  assert.match(page, /<h2><a href="lab\/">lab<\/a> <small>homelab-lab<\/small><\/h2>/);
  assert.match(page, /Inventory taken 2026-11-24T06:00:00Z by tierbook \d+\.\d+\.\d+/);
  assert.match(page, /<a href="prod\/findings\/">\d+ high, \d+ medium, \d+ low<\/a>/);
  assert.match(page, /<code>pool\/rook-ceph\/replicapool<\/code>: 7 lose data/);
  assert.match(page, /http-equiv="Content-Security-Policy" content="default-src 'none'/);
  assert.doesNotMatch(page, /<script/);
  // Every cluster page has the switcher, linking to the same page in the other cluster.
  const findings = await readFile(join(out, 'prod', 'findings', 'index.html'), 'utf8');
  assert.match(findings, /<details class="cluster-switch">.*href="\.\.\/\.\.\/lab\/findings\/"/);
  assert.match(findings, /<link rel="stylesheet" href="\.\.\/\.\.\/cluster-switch\.css">/);
  assert.ok((await stat(join(out, 'cluster-switch.css'))).isFile());

  // Built again (a scheduled run): replaced in place, still two clusters.
  assert.equal((await tierbook(args)).code, 0);
  assert.match(await readFile(join(out, 'index.html'), 'utf8'), /href="lab\/"/);
  // No page kept from the first run (it has its switcher already): each still has one.
  const workload = await readFile(
    join(out, 'prod', 'workloads', 'apps.deployment.bookstack', 'index.html'),
    'utf8',
  );
  assert.equal(workload.match(/<details class="cluster-switch">/g)?.length, 1);
});

test('a fleet names every inventory once, with a name fit for a folder and a URL', async () => {
  const content = join(ROOT, 'content');
  const cases: [string[], RegExp][] = [
    [['--content', `prod=${content}`, '--content', `prod=${content}`], /--content prod= is given twice/],
    [['--content', `prod=${content}`, '--content', content], /names every inventory/],
    [['--content', content, '--content', content], /several --content need names/],
    [['--content', `Prod Site=${content}`], /lower-case letters, digits/],
  ];
  for (const [args, message] of cases) {
    const run = await tierbook(['build', ...args, '--out', '/tmp/never-written']);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, message);
  }
});
