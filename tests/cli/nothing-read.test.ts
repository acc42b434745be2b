/**
 * A read that found nothing must never answer "safe": `blast` and `check` on a live cluster whose
 * lists all fail exit 3, on `--from` input with nothing usable exit 2; a partial read (one kind
 * 403, a file skipped with --partial) answers, and says in the answer what it did not see.
 * The cluster is the sample (src/sample/cluster) served by the test API server
 * (tests/support/apiserver.ts), with 403/404 injected per resource as tests/live does.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { isClean, NOW, SAMPLE, scratch, tierbook } from '../reliability/support.ts';
import { type Fault, startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';

const ROOK = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'rook__rook',
  'deploy',
  'examples',
);

const resourceKey = (r: { group: string; plural: string }) => (r.group ? `${r.plural}.${r.group}` : r.plural);

/** The sample served live with `faults`; returns a kubeconfig for it. */
async function sampleServer(
  t: { after(fn: () => Promise<void>): void },
  faults: Record<string, Fault>,
): Promise<string> {
  const objects = keepKnownKinds(await readOffline([SAMPLE])).items.map((i) => i.object);
  const server = await startApiServer({ objects, faults });
  t.after(() => server.close());
  return writeKubeconfig(await scratch('tierbook-nothing-'), [{ name: 'homelab', server: server.url }]);
}

function everyList(fault: Fault): Record<string, Fault> {
  return Object.fromEntries(RESOURCE_TYPES.map((r) => [resourceKey(r), fault]));
}

const COMMANDS = [['blast'], ['blast', 'node/k8s-1'], ['check']] as const;

test('--from an empty folder: blast and check exit 2, naming the folder and that nothing usable was in it', async () => {
  const empty = join(await scratch('tierbook-nothing-'), 'empty');
  await mkdir(empty);
  for (const command of COMMANDS) {
    const run = await tierbook([...command, '--from', empty, '--now', NOW]);
    assert.equal(run.code, 2, `${command.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.ok(run.stderr.includes(`bad input: ${empty}: nothing tierbook can use is in it`), run.stderr);
    assert.match(run.stderr, /no object of the core kinds \(Pods, workloads, PVCs, PVs\)/);
    assert.equal(run.stdout, '', 'no answer at all');
    assert.ok(isClean(run), run.stderr);
  }
});

test('--from files tierbook cannot use (a Certificate, a StorageClass and its pool): exit 2, saying what was there', async () => {
  const dir = await scratch('tierbook-nothing-');
  // cert-manager's documented Certificate shape, trimmed.
  await writeFile(
    join(dir, 'certificate.yaml'),
    'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: web}\nspec: {secretName: web-tls}\n',
  );
  const inputs = ['--from', dir, '--from', join(ROOK, 'csi', 'rbd', 'storageclass.yaml')];
  for (const command of COMMANDS) {
    const run = await tierbook([...command, ...inputs, '--now', NOW]);
    assert.equal(run.code, 2, `${command.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, /it holds only 2 object\(s\) of other kinds \(CephBlockPool, StorageClass\)/);
    assert.ok(run.stderr.includes(dir), run.stderr);
  }
  // The harmless look-alike: the same class with a claim that uses it is something to answer.
  const claim = join(dir, 'claim.yaml');
  await writeFile(
    claim,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: web}\nspec: {storageClassName: rook-ceph-block}\n',
  );
  const run = await tierbook(['blast', 'storageclass/rook-ceph-block', ...inputs, '--json', '--now', NOW]);
  assert.equal(run.code, 0, run.stderr);
});

test('every list forbidden on a live cluster: blast and check exit 3, naming the kinds and the 403', async (t) => {
  const kubeconfig = await sampleServer(t, everyList({ forbidden: true }));
  for (const command of COMMANDS) {
    const run = await tierbook([...command, '--kubeconfig', kubeconfig, '--now', NOW]);
    assert.equal(run.code, 3, `${command.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, /cannot read the cluster: .*no object of the core kinds/);
    assert.match(run.stderr, /core\/Pod \(403 Forbidden\)/);
    assert.match(run.stderr, /core\/PersistentVolumeClaim \(403 Forbidden\)/);
    assert.equal(run.stdout, '');
    assert.ok(isClean(run), run.stderr);
  }
});

test('every list 404 on a live cluster: exit 3 too, with the status', async (t) => {
  const kubeconfig = await sampleServer(t, everyList({ serverError: { times: 1000, status: 404 } }));
  const run = await tierbook(['check', '--kubeconfig', kubeconfig, '--now', NOW]);
  assert.equal(run.code, 3, run.stdout + run.stderr);
  assert.match(run.stderr, /core\/Pod \(GET \/api\/v1\/pods\?limit=\d+: HTTP 404/);
});

test('the core API group forbidden while the rest reads: exit 3 (every cluster has Pods, Nodes…)', async (t) => {
  const faults = Object.fromEntries(
    RESOURCE_TYPES.filter((r) => r.group === '').map((r) => [resourceKey(r), { forbidden: true }]),
  );
  const kubeconfig = await sampleServer(t, faults);
  const run = await tierbook(['blast', 'osd/3', '--kubeconfig', kubeconfig, '--now', NOW]);
  assert.equal(run.code, 3, run.stdout + run.stderr);
  assert.match(run.stderr, /the read found no object of the core API group: \d+ kind\(s\) could not be read/);
});

test('one kind forbidden: blast answers, and its assumptions say what was not read', async (t) => {
  const kubeconfig = await sampleServer(t, { persistentvolumes: { forbidden: true } });
  const live = ['--kubeconfig', kubeconfig, '--now', NOW];
  const said =
    'kind core/PersistentVolume could not be read (403 Forbidden): what it holds is not in this answer';

  const run = await tierbook(['blast', 'node/k8s-1', ...live, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const answer = JSON.parse(run.stdout) as { assumptions: string[] };
  assert.ok(answer.assumptions.includes(said), JSON.stringify(answer.assumptions));

  const text = await tierbook(['blast', 'node/k8s-1', ...live]);
  assert.match(text.stdout, /Assumptions:[\s\S]*kind core\/PersistentVolume could not be read \(403/);

  // With no target, the failure-domain list carries the same assumption.
  const domains = await tierbook(['blast', ...live, '--json']);
  assert.equal(domains.code, 0, domains.stderr);
  assert.deepEqual((JSON.parse(domains.stdout) as { assumptions: string[] }).assumptions, [said]);

  // The full read of the same cluster assumes nothing about unread kinds.
  const full = await tierbook(['blast', 'node/k8s-1', '--from', SAMPLE, '--now', NOW, '--json']);
  const fullAnswer = JSON.parse(full.stdout) as { assumptions: string[] };
  assert.ok(!fullAnswer.assumptions.some((a) => a.includes('could not be read')));
  const fullDomains = JSON.parse(
    (await tierbook(['blast', '--from', SAMPLE, '--now', NOW, '--json'])).stdout,
  );
  assert.deepEqual(Object.keys(fullDomains), ['failureDomains']);
});

test('one kind forbidden: check says so in its header and in its JSON (notRead)', async (t) => {
  const kubeconfig = await sampleServer(t, { persistentvolumes: { forbidden: true } });
  const live = ['--kubeconfig', kubeconfig, '--now', NOW, '--fail-on', 'none'];

  const text = await tierbook(['check', ...live]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^PARTIAL READ: 1 kind\(s\) or input\(s\) could not be read; the findings below/);
  assert.match(text.stdout, /- kind core\/PersistentVolume could not be read \(403 Forbidden\): findings/);

  const json = await tierbook(['check', ...live, '--json']);
  const parsed = JSON.parse(json.stdout) as { findings: unknown[]; notRead: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(parsed), ['findings', 'notRead']);
  assert.equal(parsed.notRead.length, 1);
  assert.deepEqual(
    { ...parsed.notRead[0], detail: undefined },
    {
      kind: 'core/PersistentVolume',
      reason: 'forbidden',
      detail: undefined,
      message:
        'kind core/PersistentVolume could not be read (403 Forbidden): findings about what it holds are missing',
    },
  );
  assert.match(String(parsed.notRead[0]?.detail), /HTTP 403/);

  // With a baseline the JSON keeps inBaseline and adds notRead after it.
  const dir = await scratch('tierbook-nothing-');
  const baseline = join(dir, 'baseline.json');
  await writeFile(baseline, json.stdout);
  const compared = await tierbook(['check', ...live, '--json', '--baseline', baseline]);
  assert.deepEqual(Object.keys(JSON.parse(compared.stdout)), ['findings', 'inBaseline', 'notRead']);
});

test('inventory refuses the same reads: a StorageClass alone is not an inventory without --allow-shrink', async () => {
  const out = join(await scratch('tierbook-nothing-'), 'content');
  const from = ['--from', join(ROOK, 'csi', 'rbd', 'storageclass.yaml'), '--cluster', 'c', '--now', NOW];
  const run = await tierbook(['inventory', ...from, '--out', out]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /not replacing .*: the read found no object of the core kinds/);
  const allowed = await tierbook(['inventory', ...from, '--out', out, '--allow-shrink']);
  assert.equal(allowed.code, 0, allowed.stderr);
});

test('a gate cannot pass what it did not see: --fail-on fails on a partial read', async (t) => {
  const kubeconfig = await sampleServer(t, { persistentvolumes: { forbidden: true } });
  const live = ['--kubeconfig', kubeconfig, '--now', NOW];
  const gateLine =
    /the read was partial \(1 kind\(s\) or input\(s\) not read, listed in the answer\): --fail-on/;

  // --outage never yields data-loss, so a full read passes this gate (tests/blast/cli.test.ts)…
  const full = await tierbook([
    'blast',
    'osd/3',
    '--from',
    SAMPLE,
    '--now',
    NOW,
    '--outage',
    '--fail-on',
    'data-loss',
  ]);
  assert.equal(full.code, 0, full.stderr);
  // …and the same gate over a read missing the PVs fails, saying why, with the answer printed.
  const blast = await tierbook(['blast', 'osd/3', ...live, '--outage', '--fail-on', 'data-loss', '--json']);
  assert.equal(blast.code, 1, blast.stderr);
  assert.match(blast.stderr, gateLine);
  assert.ok(JSON.parse(blast.stdout).assumptions.length > 0);
  // Without a gate, blast only reports.
  assert.equal((await tierbook(['blast', 'osd/3', ...live, '--outage'])).code, 0);

  // check gates at high by default: a partial read fails it; --fail-on none only reports.
  const check = await tierbook(['check', ...live, '--json']);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stderr, /the read was partial .*: --fail-on high cannot pass what was not seen/);
  assert.equal((await tierbook(['check', ...live, '--fail-on', 'none'])).code, 0);
});
