import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { isClean, NOW, ROOT, SAMPLE, scratch, tierbook } from '../reliability/support.ts';

const CONTENT = join(ROOT, 'content');

test('blast --content answers from the committed content/ alone, and says how old it is', async () => {
  const fromContent = await tierbook([
    'blast',
    'osd/3',
    '--content',
    CONTENT,
    '--now',
    '2026-11-26T06:00:00Z',
    '--json',
  ]);
  const fromRead = await tierbook([
    'blast',
    'osd/3',
    '--from',
    SAMPLE,
    '--now',
    '2026-11-26T06:00:00Z',
    '--json',
  ]);
  assert.equal(fromContent.code, 0, fromContent.stderr);
  const a = JSON.parse(fromContent.stdout) as { impacts: unknown[]; assumptions: string[] };
  const b = JSON.parse(fromRead.stdout) as { impacts: unknown[]; assumptions: string[] };
  assert.deepEqual(a.impacts, b.impacts);
  const extra = a.assumptions.filter((x) => !b.assumptions.includes(x));
  assert.equal(extra.length, 1);
  assert.match(
    extra[0] ?? '',
    /not from the cluster: anything changed since 2026-11-24T06:00:00Z .* \(2 days old\)/,
  );
});

test('check --content gates like check --from and records when the inventory was taken', async () => {
  const run = await tierbook(['check', '--content', CONTENT, '--now', NOW, '--json']);
  assert.equal(run.code, 1, 'the sample has high findings');
  const json = JSON.parse(run.stdout) as { findings: unknown[]; inventoryTakenAt: string };
  assert.equal(json.inventoryTakenAt, '2026-11-24T06:00:00Z');
  const read = JSON.parse((await tierbook(['check', '--from', SAMPLE, '--now', NOW, '--json'])).stdout) as {
    findings: unknown[];
  };
  assert.deepEqual(json.findings, read.findings);
  assert.match(run.stderr, /note: answered from the inventory in .*content/);
});

test('--content refuses what is not a current inventory, naming the folder and what to run', async () => {
  const dir = await scratch();
  try {
    const none = await tierbook(['blast', 'osd/3', '--content', dir]);
    assert.equal(none.code, 2);
    assert.ok(isClean(none), none.stderr);
    assert.match(none.stderr, /no graph\.json here: it is not a tierbook inventory/);

    const old = join(dir, 'old');
    await cp(CONTENT, old, { recursive: true });
    await rm(join(old, 'graph.json'));
    const before = await tierbook(['check', '--content', old]);
    assert.equal(before.code, 2);
    assert.match(before.stderr, /older tierbook.*tierbook inventory --out/);

    const edited = join(dir, 'edited');
    await cp(CONTENT, edited, { recursive: true });
    const file = join(edited, 'graph.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"kind":"PersistentVolumeClaim"', '"kind":7'));
    const bad = await tierbook(['blast', 'osd/3', '--content', edited]);
    assert.equal(bad.code, 2);
    assert.ok(isClean(bad), bad.stderr);
    assert.match(
      bad.stderr,
      /graph\.json: field nodes\[\d+\]\.kind: expected a non-empty string, found number/,
    );

    const mixed = await tierbook(['blast', 'osd/3', '--content', CONTENT, '--from', SAMPLE]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /does not mix with --from/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// A partial read stays partial: what the inventory did not see is said again from content/, and
// a gate still cannot pass on it.
test('an inventory written from a partial read answers with what it did not see, and fails the gate', async () => {
  const dir = await scratch();
  try {
    const input = join(dir, 'input');
    await cp(SAMPLE, input, { recursive: true });
    await writeFile(join(input, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n');
    const out = join(dir, 'content');
    const wrote = await tierbook(['inventory', '--from', input, '--partial', '--out', out, '--now', NOW]);
    assert.equal(wrote.code, 0, wrote.stderr);
    const run = await tierbook([
      'blast',
      'osd/3',
      '--content',
      out,
      '--now',
      NOW,
      '--json',
      '--fail-on',
      'degraded',
    ]);
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as { assumptions: string[] };
    assert.ok(
      json.assumptions.some((a) => /input not read \(--partial\): .*broken\.yaml/.test(a)),
      json.assumptions.join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
