/**
 * --baseline: findings already accepted are listed apart and never failed on; a new finding,
 * or a known one under a changed rule, object or field, fails as before.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareWithBaseline, messageShape, parseBaseline } from '../../src/core/analysis/checks/index.ts';
import type { Finding } from '../../src/core/analysis/checks/model.ts';
import { InputError } from '../../src/core/errors.ts';

const repo = join(import.meta.dirname, '..', '..');
const CLI = join(repo, 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', 'src/sample/cluster'];
const dir = mkdtempSync(join(tmpdir(), 'tierbook-baseline-'));

function check(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'check', ...SAMPLE, ...args], {
    encoding: 'utf8',
    cwd: repo,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function finding(rule: string, name: string, field = 'spec.x'): Finding {
  return {
    rule,
    severity: 'high',
    id: `apps/Deployment/apps/${name}`,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps', name },
    field,
    message: 'a message that changes from run to run',
    fix: 'a fix',
  };
}

describe('comparing findings with a baseline', () => {
  const baseline = parseBaseline(
    { findings: [finding('backup-missing', 'a'), finding('backup-missing', 'gone')] },
    'base.json',
  );

  it('matches on rule, object, field and message shape, not on ages or counts', () => {
    const now = [
      { ...finding('backup-missing', 'a'), message: 'a message that changes from run to run' },
      finding('backup-missing', 'b'),
      finding('backup-stale', 'a'),
      finding('backup-missing', 'a', 'spec.y'),
    ];
    const { fresh, known, gone } = compareWithBaseline(now, baseline);
    assert.deepEqual(
      known.map((f) => f.object.name),
      ['a'],
    );
    assert.deepEqual(
      fresh.map((f) => `${f.rule} ${f.object.name} ${f.field}`),
      ['backup-missing b spec.x', 'backup-stale a spec.x', 'backup-missing a spec.y'],
    );
    assert.equal(gone, 1);
  });

  it('a message keeps its names and loses its times and counts', () => {
    const shape = (m: string) => messageShape(m);
    assert.equal(
      shape(
        'tier-1 databases/pg-main-1: newest backup (2026-11-20T03:07:02Z) is 4 d 2 h old; 4 failures; osd.3 size 1',
      ),
      'tier-1 databases/pg-main-1: newest backup (<time>) is <age> old; <n> failures; osd.3 size <n>',
    );
    assert.equal(
      compareWithBaseline([{ ...finding('backup-missing', 'a'), message: 'covers auth/x' }], baseline).fresh
        .length,
      1,
      'the same object judged for another workload is a new finding',
    );
  });

  it('a malformed baseline names the file and the field', () => {
    assert.throws(
      () =>
        parseBaseline(
          { findings: [{ rule: 'r', field: 'f', message: 'm', object: { kind: 'K' } }] },
          'base.json',
        ),
      (error: unknown) =>
        error instanceof InputError &&
        error.describe() ===
          'base.json: field findings[0].object.apiVersion: expected a string, as in the output of "tierbook check --json"',
    );
    assert.throws(() => parseBaseline([], 'base.json'), /"findings" list/);
  });
});

describe('tierbook check --baseline', () => {
  const base = join(dir, 'base.json');
  const saved = check('--now', '2026-11-24T06:00:00Z', '--json');
  writeFileSync(base, saved.stdout);

  it('the same cluster against its own findings: nothing new, exit 0', () => {
    const run = check('--now', '2026-11-24T06:00:00Z', '--baseline', base);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^No findings\.$/m);
    assert.match(
      run.stdout,
      /known findings from the baseline .* not shown; 0 of its findings no longer found/,
    );
  });

  it('a day later the off-site PostgreSQL backup is stale: that new finding fails the run', () => {
    const run = check('--now', '2026-11-25T06:00:00Z', '--baseline', base, '--json');
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { findings: Finding[]; inBaseline: Finding[] };
    // pg-main's hourly RPO is missed, and Velero's daily copies of the tier-2 apps are now
    // older than their 24 h RPO; what was already stale on the 24th stays known.
    assert.deepEqual(
      out.findings.map((f) => `${f.rule} ${f.object.namespace}/${f.object.name} ${f.message.split(':')[0]}`),
      [
        'backup-stale databases/pg-main tier-1 databases/pg-main (Cluster)',
        'backup-stale velero/daily tier-2 apps/bookstack (Deployment)',
        'backup-stale velero/daily tier-2 apps/paperless (Deployment)',
      ],
    );
    assert.equal(
      out.inBaseline.length,
      (JSON.parse(saved.stdout) as { findings: unknown[] }).findings.length,
    );
  });

  it('a missing or broken baseline is bad input: exit 2, naming the file', () => {
    const missing = check('--baseline', join(dir, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: cannot read the baseline: no such file/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"findings": [');
    const run = check('--baseline', broken);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /broken\.json: not JSON/);
  });
});
