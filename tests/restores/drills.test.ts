/**
 * Drills recorded by people (docs/drills.md): an exported timeline is checked field by field,
 * kept in content/drills by `tierbook drill record`, survives `tierbook inventory`, shows on
 * the workload's page as its last proven restore, and clears restore-untested for it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { JsonSchema } from '../../src/core/config/schema.ts';
import { parseDrill } from '../../src/core/drills/parse.ts';
import { InputError } from '../../src/core/errors.ts';
import { SCHEMAS } from '../../src/core/schemas/index.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';
import { validate } from '../support/json-schema.ts';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const SAMPLE = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');
const DRILL = join(import.meta.dirname, '..', 'fixtures', 'drills', 'pg-main.json');
const PAGE = join('workloads', 'databases.cluster.pg-main.md');

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const inventory = (out: string) =>
  tierbook(
    'inventory',
    '--from',
    SAMPLE,
    '--out',
    out,
    '--now',
    '2026-11-24T06:00:00Z',
    '--cluster',
    'sample-homelab',
  );

test('a recorded drill survives regeneration, shows on the page and clears restore-untested', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'tierbook-drill-')), 'content');
  assert.equal(inventory(out).code, 0);
  const before = await readFile(join(out, PAGE), 'utf8');
  assert.match(before, /rule: restore-untested/);
  assert.match(before, /## Last proven restore\n\n\*\*Never\*\*/);

  const recorded = tierbook('drill', 'record', DRILL, '--content', out);
  assert.equal(recorded.code, 0, recorded.stderr);
  const kept = '2026-11-12-cnpg-restore-databases.cluster.pg-main.json';
  assert.deepEqual(await readdir(join(out, 'drills')), [kept]);

  const again = inventory(out);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(await readdir(join(out, 'drills')), [kept], 'regeneration keeps content/drills');
  const page = await readFile(join(out, PAGE), 'utf8');
  assert.doesNotMatch(page, /rule: restore-untested/);
  assert.match(
    page,
    /\*\*2026-11-12T09:41:00Z\*\* \(11 d 20 h ago\): took 41 min against an RTO of 4h \(within\)/,
  );
  assert.match(page, /step create-cluster 2026-11-12T09:30:00Z \(AB, \+26 min\)/);
  // The other tier-0/1 data still has no proven restore.
  assert.match(
    await readFile(join(out, 'workloads', 'auth.cluster.authentik-db.md'), 'utf8'),
    /rule: restore-untested/,
  );
  // The site reads it back: the page's last proven restore, and the dashboard no longer lists it.
  const site = buildSite(readContent(await readContentDir(out)));
  const view = site.workloads.find((w) => w.page.id === 'postgresql.cnpg.io/Cluster/databases/pg-main');
  assert.equal(view?.page.restores?.lastProven?.durationSeconds, 2460);
  assert.equal(view?.page.restores?.evidence[0]?.label, 'drill cnpg-restore (drill-2026-11-12)');
  const never = site.home.neverRestored?.map((r) => r.workload.title) ?? [];
  assert.ok(
    never.includes('Cluster auth/authentik-db') && !never.includes('Cluster databases/pg-main'),
    never.join(', '),
  );
  // A third run changes nothing: the drill is read the same way each time.
  assert.match(inventory(out).stdout, /already current/);

  // check and blast count it with --drills DIR: the finding is gone, the backup carries it.
  const read = ['--from', SAMPLE, '--cluster', 'sample-homelab', '--now', '2026-11-24T06:00:00Z'];
  const untested = (json: string) =>
    (JSON.parse(json) as { findings: { rule: string; object: { name: string } }[] }).findings
      .filter((f) => f.rule === 'restore-untested')
      .map((f) => f.object.name);
  const without = untested(tierbook('check', ...read, '--json', '--fail-on', 'none').stdout);
  const withDrills = untested(
    tierbook('check', ...read, '--json', '--fail-on', 'none', '--drills', out).stdout,
  );
  assert.ok(without.includes('pg-main'));
  assert.deepEqual(
    withDrills,
    without.filter((name) => name !== 'pg-main'),
  );
  const blast = tierbook('blast', 'storageclass/ceph-block', ...read, '--drills', out);
  assert.match(
    blast.stdout,
    /backup barmanObjectStore \(cloudnative-pg\), last success\s+2026-11-24T05:57:31Z: survives; last restored 11 d 20 h ago in 41 min;/,
  );
  const json = JSON.parse(
    tierbook('blast', 'storageclass/ceph-block', ...read, '--drills', out, '--json').stdout,
  );
  assert.deepEqual(
    validate(SCHEMAS.blast as JsonSchema, json),
    [],
    'docs/schemas/blast.schema.json allows last_restore',
  );
  const pgMain = json.impacts.find((i: { workload: { name: string } }) => i.workload.name === 'pg-main');
  assert.deepEqual(pgMain.backups[0].last_restore, {
    finished_at: '2026-11-12T09:41:00Z',
    age_seconds: 1023540,
    duration_seconds: 2460,
    evidence: `drill:${kept}`,
  });
  const plain = JSON.parse(tierbook('blast', 'storageclass/ceph-block', ...read, '--json').stdout);
  assert.ok(
    plain.impacts.every((i: { backups: object[] }) => i.backups.every((b) => !('last_restore' in b))),
    'no evidence, no field: the contract is only extended',
  );

  const twice = tierbook('drill', 'record', DRILL, '--content', out);
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /already holds a drill .* never overwritten/);
});

test('a drill of another cluster is not counted, and the inventory says so', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'tierbook-drill-')), 'content');
  assert.equal(inventory(out).code, 0);
  const other = join(out, '..', 'other.json');
  const drill = JSON.parse(await readFile(DRILL, 'utf8'));
  await writeFile(other, JSON.stringify({ ...drill, cluster: 'prod' }));
  assert.equal(tierbook('drill', 'record', other, '--content', out).code, 0);
  const run = inventory(out);
  assert.match(run.stderr, /a drill of cluster prod, not sample-homelab: not counted/);
  assert.match(await readFile(join(out, PAGE), 'utf8'), /rule: restore-untested/);
});

test('drill record refuses a folder that holds no inventory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-drill-'));
  const run = tierbook('drill', 'record', DRILL, '--content', join(dir, 'content'));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /holds no inventory/);
});

test('an exported timeline is checked field by field, naming the field', async () => {
  const good = JSON.parse(await readFile(DRILL, 'utf8'));
  const cases: [unknown, string, RegExp][] = [
    [{ ...good, target: 'osd/3' }, 'target', /expected a workload target/],
    [{ ...good, finishedAt: '2026-11-12T08:00:00Z' }, 'finishedAt', /before startedAt/],
    [{ ...good, startedAt: '12 Nov 2026' }, 'startedAt', /ISO 8601/],
    [{ ...good, steps: [{ ...good.steps[0], initials: '' }] }, 'steps[0].initials', /non-empty string/],
    [{ ...good, result: 'fine' }, 'result', /succeeded, partial, failed/],
  ];
  for (const [value, field, message] of cases) {
    assert.throws(
      () => parseDrill('drill.json', JSON.stringify(value)),
      (error: unknown) => error instanceof InputError && error.field === field && message.test(error.message),
      field,
    );
  }
  assert.throws(() => parseDrill('drill.json', '{'), /not JSON/);
  assert.equal(parseDrill('drill.json', JSON.stringify(good)).result, 'succeeded');
});

/** The runbook page's own export (wt4-print's public/runbook-record.js `timeline()`), as downloaded. */
const EXPORT = join(import.meta.dirname, '..', 'fixtures', 'drills', 'browser-export.json');

test("the runbook page's timeline export is read as a drill", async () => {
  const text = await readFile(EXPORT, 'utf8');
  const drill = parseDrill('export.json', text);
  assert.deepEqual(
    { ...drill, steps: drill.steps.map((s) => `${s.id} ${s.checkedAt} ${s.initials}`) },
    {
      runbook: 'cnpg-restore',
      target: 'workload/databases/Cluster/pg-main',
      incident: 'INC-20261112-0900',
      cluster: 'sample-homelab',
      startedAt: '2026-11-12T09:00:00Z',
      finishedAt: '2026-11-12T09:41:00Z',
      steps: [
        'sign-in 2026-11-12T09:01:00Z AB',
        'check-backup 2026-11-12T09:04:00Z CD',
        'create-cluster 2026-11-12T09:30:00Z CD',
        'verify-rows 2026-11-12T09:41:00Z CD',
      ],
      result: 'succeeded',
      backup: null,
    },
  );
  // A step left incomplete: the drill did not get through, and says so.
  const raw = JSON.parse(text);
  raw.steps[3] = { ...raw.steps[3], complete: false, verified: null };
  const partial = parseDrill('export.json', JSON.stringify(raw));
  assert.equal(partial.result, 'partial');
  assert.deepEqual(
    partial.steps.map((s) => s.id),
    ['sign-in', 'check-backup', 'create-cluster'],
  );
  assert.throws(
    () => parseDrill('export.json', JSON.stringify({ ...raw, format: 'tierbook-runbook-timeline/9' })),
    (error: unknown) => error instanceof InputError && error.field === 'format',
  );
});

test('drill plan binds the restore drill runbook that fits the workload', () => {
  const read = ['--from', SAMPLE, '--now', '2026-11-24T06:00:00Z'];
  const cnpg = tierbook('drill', 'plan', 'workload/databases/Cluster/pg-main', ...read);
  assert.equal(cnpg.code, 0, cnpg.stderr);
  assert.match(
    cnpg.stdout,
    /^# Restore drill of a CloudNativePG cluster, into a scratch cluster: workload\/databases\/Cluster\/pg-main/,
  );
  assert.match(cnpg.stdout, /kubectl -n databases get clusters\.postgresql\.cnpg\.io pg-main-drill/);
  // authentik-db is a CloudNativePG cluster that Velero backs up too: both drills fit.
  const both = tierbook('drill', 'plan', 'workload/auth/Cluster/authentik-db', ...read);
  assert.match(both.stderr, /other drills apply too: velero-restore-drill/);
  const velero = tierbook('drill', 'plan', 'workload/apps/Deployment/bookstack', ...read, '-o', 'json');
  assert.equal(velero.code, 0, velero.stderr);
  assert.equal(JSON.parse(velero.stdout).id, 'velero-restore-drill');
  const none = tierbook('drill', 'plan', 'workload/web/Deployment/blog', ...read);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no drill runbook applies to workload\/web\/Deployment\/blog/);
});
