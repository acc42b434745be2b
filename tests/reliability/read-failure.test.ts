/**
 * Data loss 5 of issue 11: a read that found nothing (every list forbidden, `--from` an empty
 * folder) or lost most of the previous inventory must not replace it, or move its notes to
 * orphaned-notes/, without --allow-shrink.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { type Fault, startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { isClean, NOW, SAMPLE, scratch, tierbook } from './support.ts';

const NOTE = 'On call: Bob at 555 0100';

/** The sample's inventory in `dir/content`, with an operator's note on one page. */
async function inventoryWithNote(dir: string): Promise<{ out: string; page: string }> {
  const out = join(dir, 'content');
  const run = await tierbook([
    'inventory',
    '--from',
    SAMPLE,
    '--now',
    NOW,
    '--cluster',
    'homelab',
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const page = join(out, 'workloads', 'monitoring.deployment.grafana.md');
  const text = await readFile(page, 'utf8');
  await writeFile(
    page,
    text.replace(/(<!-- tierbook:notes:start -->)[\s\S]*(<!-- tierbook:notes:end -->)/, `$1\n${NOTE}\n$2`),
  );
  return { out, page };
}

test('--from an empty folder: exit 2, the previous inventory and its notes stay', async () => {
  const dir = await scratch();
  const { out, page } = await inventoryWithNote(dir);
  const before = await readContentDir(out);
  await mkdir(join(dir, 'empty'));
  const run = await tierbook([
    'inventory',
    '--from',
    join(dir, 'empty'),
    '--cluster',
    'homelab',
    '--out',
    out,
  ]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /not replacing .*: the read found no object .*--allow-shrink/);
  assert.ok(isClean(run), run.stderr);
  assert.deepEqual(await readContentDir(out), before);
  assert.match(await readFile(page, 'utf8'), new RegExp(NOTE));

  // Said on purpose, it is allowed: the notes go to orphaned-notes/, never lost.
  const allowed = await tierbook([
    'inventory',
    '--from',
    join(dir, 'empty'),
    '--cluster',
    'homelab',
    '--out',
    out,
    '--allow-shrink',
  ]);
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.match(
    await readFile(join(out, 'orphaned-notes', 'workloads', 'monitoring.deployment.grafana.md'), 'utf8'),
    new RegExp(NOTE),
  );
});

test('every list forbidden on a live read: exit 3, the previous inventory stays', async (t) => {
  const dir = await scratch();
  const { out } = await inventoryWithNote(dir);
  const before = await readContentDir(out);
  const objects = keepKnownKinds(await readOffline([SAMPLE])).items.map((i) => i.object);
  const faults: Record<string, Fault> = {};
  for (const r of RESOURCE_TYPES) faults[r.group ? `${r.plural}.${r.group}` : r.plural] = { forbidden: true };
  const server = await startApiServer({ objects, faults });
  t.after(() => server.close());
  const kubeconfig = await writeKubeconfig(dir, [{ name: 'homelab', server: server.url }]);
  const run = await tierbook(['inventory', '--kubeconfig', kubeconfig, '--out', out]);
  assert.equal(run.code, 3, run.stdout + run.stderr);
  assert.match(run.stderr, /cannot read the cluster: /);
  assert.deepEqual(await readContentDir(out), before);
});

test('a read that would remove more than half of the pages is refused; a small loss is not', async () => {
  const dir = await scratch();
  const { out } = await inventoryWithNote(dir);
  const before = await readContentDir(out);
  // Only the monitoring namespace's files: most workloads and storage would vanish.
  const run = await tierbook([
    'inventory',
    '--from',
    join(SAMPLE, 'monitoring.yaml'),
    '--from',
    join(SAMPLE, 'storage.yaml'),
    '--cluster',
    'homelab',
    '--out',
    out,
  ]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /it would remove \d+ of the previous inventory's \d+ object pages/);
  assert.deepEqual(await readContentDir(out), before);

  // One namespace gone (web: two Deployments) is an ordinary change.
  const files = (await readdir(SAMPLE))
    .filter((f) => f !== 'web.yaml')
    .flatMap((f) => ['--from', join(SAMPLE, f)]);
  const smaller = await tierbook(['inventory', ...files, '--cluster', 'homelab', '--out', out]);
  assert.equal(smaller.code, 0, smaller.stderr);
  assert.match(smaller.stdout, /[1-9]\d* removed/);
});
