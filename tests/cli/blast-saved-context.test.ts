/**
 * `tierbook blast … --content DIR` answers from DIR/guard-context.json (the analysis `inventory`
 * saved beside graph.json) when it is current: as a process, every blast target of the sample
 * and of two fixture clusters as JSON (the first of each type as text too), with the failure-domain listing, several
 * targets, --outage, -o yaml, --fail-on and a target not in the inventory, prints the same bytes
 * and exits the same with the file as without it. A stale or edited file is passed over with a
 * note; --config, --drills and recorded drills take the full path.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { knownTargets } from '../../src/core/analysis/blast/targets.ts';
import { readSavedInventory } from '../../src/core/graph/read-saved-inventory.ts';
import { CLI, ROOT, type Run, sampleContentCopy, scratch } from '../reliability/support.ts';
import { analysed, loaded } from './loaded-modules.ts';

const LATER = '2026-12-01T06:00:00Z';
const CONTEXT = 'guard-context.json';

function blast(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, 'blast', ...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** Every run, two at a time (a 2-core machine), in order. */
async function runAll(cases: string[][]): Promise<Run[]> {
  const runs: Run[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const at = next++;
      runs[at] = await blast(cases[at] as string[]);
    }
  };
  await Promise.all([worker(), worker()]);
  return runs;
}

/** Every target of the inventory in `content`, text and JSON, and the other shapes of a query. */
async function casesFor(content: string): Promise<string[][]> {
  const saved = readSavedInventory(await readFile(join(content, 'graph.json'), 'utf8'), 'graph.json');
  const targets = knownTargets(analyze(saved.graph, { config: saved.config, now: LATER })).map((t) => t.text);
  assert.ok(targets.length > 5, `${targets.length} targets`);
  const [first = '', second = ''] = targets;
  // Every target as JSON (the whole result); as text, the first of each type (the text is
  // rendered from that same result, so one of a type proves the rendering's path).
  const firstOfType = new Set<string>();
  const textOnce = (t: string) => {
    const type = t.split('/')[0] ?? t;
    if (firstOfType.has(type)) return false;
    firstOfType.add(type);
    return true;
  };
  const queries = [
    ...targets.flatMap((t) => (textOnce(t) ? [[t], [t, '--json']] : [[t, '--json']])),
    [],
    ['--json'],
    ['-o', 'yaml'],
    ['--fail-on', 'degraded'],
    [first, second],
    [first, '--outage', '--json'],
    [first, '-o', 'yaml'],
    [first, '--fail-on', 'degraded'],
    [second, '--fail-on', 'data-loss', '--outage'],
    ['osd/99'],
    ['pool/nowhere/none', '--json'],
  ];
  return queries.map((q) => [...q, '--content', content, '--now', LATER]);
}

/** With the saved context, then without it: the same stdout, stderr and exit code, case by case. */
async function assertSameWithAndWithout(content: string, name: string): Promise<number> {
  const probe = loaded('blast', '--content', content, '--now', LATER);
  assert.equal(probe.code, 0, probe.stderr);
  assert.ok(!analysed(probe), `${name}: the failure-domain listing is answered from ${CONTEXT}`);
  const cases = await casesFor(content);
  const fast = await runAll(cases);
  await rm(join(content, CONTEXT));
  const full = await runAll(cases);
  cases.forEach((args, i) => {
    const what = `${name}: blast ${args.join(' ')}`;
    assert.equal(fast[i]?.code, full[i]?.code, what);
    assert.equal(fast[i]?.stdout, full[i]?.stdout, what);
    assert.equal(fast[i]?.stderr, full[i]?.stderr, what);
  });
  assert.ok(
    full.some((r) => r.code === 1),
    `${name}: some gate fails, so exit codes are compared on both sides`,
  );
  assert.ok(
    full.some((r) => r.code === 2),
    `${name}: a target not in the inventory is compared too`,
  );
  return cases.length;
}

/** A fixture cluster written as `inventory` writes it (graph.json and guard-context.json). */
async function fixtureContent(t: TestContext, fixture: string): Promise<string> {
  const dir = await scratch('tierbook-blast-saved-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const root = join(ROOT, 'tests', 'fixtures', 'blast', fixture);
  const { inputs } = JSON.parse(await readFile(join(root, 'inputs.json'), 'utf8')) as { inputs: string[] };
  const from = inputs.flatMap((p) => ['--from', p.startsWith('.') ? join(root, p) : join(ROOT, p)]);
  const content = join(dir, 'content');
  const run = await new Promise<Run>((done) =>
    execFile(
      process.execPath,
      [CLI, 'inventory', ...from, '--out', content, '--now', '2026-11-24T06:00:00Z'],
      { encoding: 'utf8' },
      (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
    ),
  );
  assert.equal(run.code, 0, run.stderr);
  return content;
}

test('the sample: every target as JSON (one of each type as text), the same bytes and exit code with and without the saved context', async (t) => {
  const { content } = await sampleContentCopy(t);
  assert.ok((await assertSameWithAndWithout(content, 'sample')) > 50);
});

test('two fixture clusters (backups with restores, Longhorn): the same with and without the saved context', async (t) => {
  for (const fixture of ['backup-restores', 'longhorn']) {
    const content = await fixtureContent(t, fixture);
    await assertSameWithAndWithout(content, fixture);
  }
});

test('a stale or edited saved context is passed over with a note; the answer is graph.json’s', async (t) => {
  const { content } = await sampleContentCopy(t);
  const contextFile = join(content, CONTEXT);
  const graphFile = join(content, 'graph.json');
  const query = ['osd/3', '--content', content, '--now', LATER];
  const kept = await readFile(contextFile, 'utf8');
  const current = await blast(query);
  assert.equal(current.stderr, '', 'a current context, quietly');

  // Edited (by hand, in the saved analysis blast reads), cut short: not used, said; the answer is graph.json's.
  for (const [name, text] of [
    ['its analysis edited', kept.replace('"placements"', '"placementz"')],
    ['cut short', kept.slice(0, kept.length / 2)],
  ] as const) {
    await writeFile(contextFile, text);
    const run = loaded('blast', ...query);
    assert.ok(analysed(run), `${name}: graph.json analysed`);
    assert.match(run.stderr, /guard-context\.json not used: .*answering from graph\.json/, name);
    assert.equal(run.code, current.code, name);
    assert.equal(run.stdout, current.stdout, name);
  }

  // Stale: graph.json changed after the context was made (here, when it was taken).
  await writeFile(contextFile, kept);
  const graph = await readFile(graphFile, 'utf8');
  await writeFile(
    graphFile,
    graph.replace('"takenAt": "2026-11-24T06:00:00Z"', '"takenAt": "2026-11-20T06:00:00Z"'),
  );
  const stale = await blast(query);
  assert.match(stale.stderr, /not used: graph\.json changed since it was made/);
  assert.match(stale.stdout, /taken\s+2026-11-20T06:00:00Z/, 'the answer is the edited graph.json');
  await rm(contextFile);
  const none = await blast(query);
  assert.equal(none.stderr, '', 'no context, no note');
  assert.equal(stale.code, none.code);
  assert.equal(stale.stdout, none.stdout);
});

test('what changes the analysis takes the full path, quietly: --config, --drills, recorded drills', async (t) => {
  const { dir, content } = await sampleContentCopy(t);
  const query = ['blast', 'osd/3', '--content', content, '--now', LATER];
  assert.ok(!analysed(loaded(...query)), 'the saved context answers the plain query');
  const config = join(dir, 'tierbook.config.yaml');
  await writeFile(config, '# the defaults\n');
  for (const extra of [
    ['--config', config],
    ['--drills', content],
  ]) {
    const run = loaded(...query, ...extra);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(analysed(run), `${extra[0]}: graph.json analysed`);
    assert.doesNotMatch(run.stderr, /not used/, `${extra[0]}: nothing to note`);
  }
  // A drill recorded in content/drills counts as restore evidence: only the full path reads it.
  await mkdir(join(content, 'drills'));
  await cp(
    join(ROOT, 'tests', 'fixtures', 'drills', 'pg-main.json'),
    join(content, 'drills', 'pg-main.json'),
  );
  const run = loaded(...query);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(analysed(run), 'recorded drills: graph.json analysed');
  assert.doesNotMatch(run.stderr, /not used/);
});
