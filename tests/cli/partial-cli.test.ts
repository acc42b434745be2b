// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux variables are ${…} text, not template placeholders.
/**
 * `--partial` and the "not read" list through the command line, on the redacted support-bundle
 * fixtures (tests/fixtures/offline/redacted, see its README) and the Flux repository
 * (tests/fixtures/offline/flux).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'offline');
const BUNDLE = join(FIXTURES, 'redacted', 'bundle');
const NEEDED = join(FIXTURES, 'redacted', 'needed');
const BROKEN = join(NEEDED, 'cluster-resources/custom-resources/clusters.postgresql.cnpg.io/billing.yaml');
const NOW = ['--now', '2026-11-24T06:00:00Z'];

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function freshDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'tierbook-partial-')), 'content');
}

test('a file holding only unused kinds is listed as not read; the inventory is not partial', async () => {
  const out = await freshDir();
  const run = tierbook('inventory', '--from', BUNDLE, '--out', out, ...NOW);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /certificates\.cert-manager\.io\/shop\.yaml:5:21: not read \(holds only kinds/);
  const index = await readFile(join(out, 'index.md'), 'utf8');
  assert.match(index, /^partial: false$/m);
  assert.match(index, /certificates\.cert-manager\.io\/shop\.yaml:5:21/);
  assert.match(index, /holds only kinds tierbook does not use: Certificate, ClusterIssuer/);
  assert.doesNotMatch(index, /This inventory is partial/);
});

for (const command of ['inventory', 'check', 'blast']) {
  test(`${command}: a file with a kind tierbook uses that does not parse exits 2 with file:line:column`, () => {
    const run = tierbook(command, '--from', NEEDED, ...NOW);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(run.stderr.includes(`${BROKEN}:5:21: YAML syntax error`), run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
}

test('inventory --partial skips it, lists it, and says the inventory is partial', async () => {
  const out = await freshDir();
  const run = tierbook('inventory', '--from', NEEDED, '--from', BUNDLE, '--partial', '--out', out, ...NOW);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /The inventory is partial/);
  assert.ok(run.stderr.includes(`${BROKEN}:5:21: skipped (--partial)`), run.stderr);
  assert.match(run.stderr, /partial: 1 input\(s\) that may hold kinds tierbook uses were not read/);
  const index = await readFile(join(out, 'index.md'), 'utf8');
  assert.match(index, /^partial: true$/m);
  assert.match(index, /This inventory is partial/);
  assert.ok(index.includes(`${BROKEN}:5:21`));
  assert.match(index, /may hold kinds tierbook uses: Cluster/);
  // The readable bundle is still read: its Cluster has a page.
  assert.match(index, /^ {2}Cluster: 1$/m);
});

test('check and blast accept --partial too', () => {
  const check = tierbook(
    'check',
    '--from',
    NEEDED,
    '--from',
    BUNDLE,
    '--partial',
    '--fail-on',
    'none',
    ...NOW,
  );
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stderr, /skipped \(--partial\)/);
  assert.match(check.stdout, /^PARTIAL READ: 1 kind\(s\) or input\(s\) could not be read/);
  const blast = tierbook('blast', '--from', NEEDED, '--from', BUNDLE, '--partial', '--json', ...NOW);
  assert.equal(blast.code, 0, blast.stderr);
  assert.match(blast.stderr, /partial: 1 input/);
  // NEEDED alone, its one file skipped, holds nothing to answer from: no answer, not "no findings".
  for (const command of ['check', 'blast']) {
    const nothing = tierbook(command, '--from', NEEDED, '--partial', ...NOW);
    assert.equal(nothing.code, 2, nothing.stdout + nothing.stderr);
    assert.match(nothing.stderr, /nothing tierbook can use is in it: .*1 input\(s\) could not be read/);
  }
});

test('blast --partial: the answer names the input it did not read in its assumptions', () => {
  const args = ['--from', NEEDED, '--from', BUNDLE, '--partial', '--json', ...NOW];
  const run = tierbook('blast', 'workload/shop/Cluster/shop-db', ...args);
  assert.equal(run.code, 0, run.stderr);
  const answer = JSON.parse(run.stdout) as { assumptions: string[] };
  assert.ok(
    answer.assumptions.includes(
      `input not read (--partial): ${BROKEN}:5:21 (names Cluster); what it holds is not in this answer`,
    ),
    JSON.stringify(answer.assumptions),
  );
});

test('a Flux repository: unresolved variables are warnings naming file and field', () => {
  const run = tierbook(
    'blast',
    'storageclass/ceph-block',
    '--from',
    join(FIXTURES, 'flux'),
    '--json',
    ...NOW,
  );
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stderr,
    /jellyfin\/app\/pvc\.yaml:15: PersistentVolumeClaim media\/jellyfin-cache: field spec\.storageClassName: unresolved variable \$\{CACHE_SC\}/,
  );
  assert.match(run.stderr, /Secret cluster-secrets is never read/);
  const answer = JSON.parse(run.stdout) as { assumptions: string[] };
  assert.ok(answer.assumptions.some((a) => a.includes('jellyfin-cache') && a.includes('${CACHE_SC}')));
  const unknown = tierbook('blast', 'storageclass/${CACHE_SC}', '--from', join(FIXTURES, 'flux'), ...NOW);
  assert.equal(unknown.code, 2, 'an unresolved class is no target');
});
