/**
 * Deadlines and bounded resources of issue 11: a live read that never ends, a body that never
 * ends, `--from /dev/zero`, and YAML nested 100 000 levels deep. Each run is bounded by small
 * limits given as flags, and each test by a timeout, so the code before these fixes (which
 * hung, grew without bound or reported a stack overflow) fails here instead of hanging `npm test`.
 * The API server is the project's test server on 127.0.0.1 (tests/support/apiserver.ts).
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { type Fault, startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { isClean, SAMPLE, scratch, tierbook } from './support.ts';

// Each test takes 2-6 s; the bound leaves room for a loaded machine.
const BOUND = { timeout: 15_000 };

/** The sample cluster served on 127.0.0.1 with `faults`, and a kubeconfig for it. */
async function sampleServer(
  t: { after(fn: () => Promise<void>): void },
  faults: Record<string, Fault>,
): Promise<{ dir: string; kubeconfig: string }> {
  const objects = keepKnownKinds(await readOffline([SAMPLE])).items.map((i) => i.object);
  const server = await startApiServer({ objects, faults });
  t.after(() => server.close());
  const dir = await scratch('tierbook-deadline-');
  const kubeconfig = await writeKubeconfig(dir, [{ name: 'homelab', server: server.url }]);
  return { dir, kubeconfig };
}

function everyKind(fault: Fault): Record<string, Fault> {
  const faults: Record<string, Fault> = {};
  for (const r of RESOURCE_TYPES) faults[r.group ? `${r.plural}.${r.group}` : r.plural] = fault;
  return faults;
}

test(
  'a server that accepts every list and never answers: exit 3 at --timeout, naming what was pending, with progress lines',
  BOUND,
  async (t) => {
    const { kubeconfig } = await sampleServer(t, everyKind({ hang: true }));
    const started = Date.now();
    const run = await tierbook(['check', '--kubeconfig', kubeconfig, '--timeout', '3s']);
    const took = Date.now() - started;
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.ok(took < 9000, `took ${took} ms`);
    assert.match(
      run.stderr,
      /cannot read the cluster: the read did not finish within 3s \(--timeout\): 0 of \d+ kinds were read; still pending: .*pods.*\(being listed\)/,
    );
    assert.match(
      run.stderr,
      /tierbook: reading the cluster \(\d+s\): 0 of \d+ kinds read, 0 objects; listing /,
    );
    assert.ok(isClean(run), run.stderr);
  },
);

test(
  'one kind that never answers is reported as not read after --request-timeout; the rest is read',
  BOUND,
  async (t) => {
    const { dir, kubeconfig } = await sampleServer(t, { pods: { hang: true } });
    const out = join(dir, 'content');
    const run = await tierbook([
      'inventory',
      '--kubeconfig',
      kubeconfig,
      '--request-timeout',
      '1s',
      '--timeout',
      '9s',
      '--out',
      out,
      '--now',
      '2026-11-24T06:00:00Z',
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const index = await readFile(join(out, 'index.md'), 'utf8');
    assert.match(
      index,
      /core\/Pod.*\(error\): GET \/api\/v1\/pods\?limit=500: ETIMEDOUT: no answer from .* within 1000 ms \(after 2 attempts\)/,
    );
    assert.match(index, /storage\.k8s\.io\/StorageClass|workloads\//);
  },
);

test('a body that drips one byte at a time is cut off by --request-timeout', BOUND, async (t) => {
  const { kubeconfig } = await sampleServer(t, { pods: { drip: { intervalMs: 100 } } });
  const run = await tierbook([
    'check',
    '--kubeconfig',
    kubeconfig,
    '--request-timeout',
    '1s',
    '--timeout',
    '9s',
  ]);
  assert.notEqual(run.code, 3, run.stderr);
  assert.match(
    run.stderr,
    /could not read core\/Pod \(error\): GET \/api\/v1\/pods\?limit=500: ETIMEDOUT: no answer .* within 1000 ms/,
  );
});

test(
  'an endless body stops at --max-bytes: the kind is not read, naming the URL and the limit',
  BOUND,
  async (t) => {
    const { kubeconfig } = await sampleServer(t, { pods: { endless: true } });
    const run = await tierbook([
      'check',
      '--kubeconfig',
      kubeconfig,
      '--max-bytes',
      '1MiB',
      '--timeout',
      '9s',
    ]);
    assert.notEqual(run.code, 3, run.stderr);
    assert.match(
      run.stderr,
      /could not read core\/Pod \(error\): GET \/api\/v1\/pods\?limit=500: ETOOLARGE: the response is larger than 1 MiB, the limit \(raise it with --max-bytes\)/,
    );
    assert.ok(isClean(run), run.stderr);
  },
);

test(
  '--from /dev/zero stops at the default limit (256 MiB) and at --max-bytes, exit 2 naming the file',
  BOUND,
  async () => {
    const small = await tierbook(['check', '--from', '/dev/zero', '--max-bytes', '1MiB']);
    assert.equal(small.code, 2, small.stderr);
    assert.match(
      small.stderr,
      /bad input: \/dev\/zero: file larger than 1 MiB, the limit \(raise it with --max-bytes\)/,
    );
    const byDefault = await tierbook(['check', '--from', '/dev/zero']);
    assert.equal(byDefault.code, 2, byDefault.stderr);
    assert.match(byDefault.stderr, /\/dev\/zero: file larger than 256 MiB, the limit/);
  },
);

test('a large file is refused over --max-bytes and read under it', BOUND, async () => {
  const dir = await scratch('tierbook-large-');
  const file = join(dir, 'large.yaml');
  // 3 MiB of ConfigMaps (a shape every kubectl dump has); tierbook keeps none, so the read is quick.
  const one = (i: number) =>
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: default\ndata:\n  x: "${'y'.repeat(900)}"\n`;
  await writeFile(file, Array.from({ length: 3200 }, (_, i) => one(i)).join(''));
  const refused = await tierbook(['check', '--from', file, '--from', SAMPLE, '--max-bytes', '2MiB']);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(
    refused.stderr,
    /large\.yaml: file larger than 2 MiB, the limit \(raise it with --max-bytes\)/,
  );
  const read = await tierbook(['check', '--from', file, '--from', SAMPLE, '--max-bytes', '4MiB']);
  assert.notEqual(read.code, 2, read.stderr);
});

test(
  'YAML nested 100 000 levels deep is "nested too deeply" at its file and line, not a stack overflow',
  BOUND,
  async () => {
    const dir = await scratch('tierbook-deep-');
    const flow = join(dir, 'flow.yaml');
    await writeFile(flow, `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const run = await tierbook(['check', '--from', flow]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /flow\.yaml:3:\d+: YAML nested too deeply/);
    assert.doesNotMatch(run.stderr, /call stack/);
    // Deep JSON parses (JSON.parse does not recurse) but would overflow every later step.
    const json = join(dir, 'deep.json');
    await writeFile(
      json,
      `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    );
    const deepJson = await tierbook(['check', '--from', json]);
    assert.equal(deepJson.code, 2, deepJson.stderr);
    assert.match(deepJson.stderr, /deep\.json:1: nested too deeply: more than 1000 levels/);
  },
);

test('limits that are not a duration or a size are usage errors', BOUND, async () => {
  for (const args of [
    ['--timeout', '5'],
    ['--request-timeout', 'soon'],
    ['--max-bytes', 'lots'],
  ]) {
    const run = await tierbook(['check', '--from', SAMPLE, ...args]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`${args[0]} expects a`));
  }
});

test('blast says in its assumptions that a kind timed out and is not in the answer', BOUND, async (t) => {
  const { kubeconfig } = await sampleServer(t, { persistentvolumeclaims: { hang: true } });
  const run = await tierbook([
    'blast',
    'storageclass/ceph-block',
    '--json',
    '--kubeconfig',
    kubeconfig,
    '--request-timeout',
    '1s',
    '--timeout',
    '9s',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const answer = JSON.parse(run.stdout) as { assumptions: string[] };
  assert.ok(
    answer.assumptions.some((line) =>
      /^kind core\/PersistentVolumeClaim could not be read \(.+\): what it holds is not in this answer$/.test(
        line,
      ),
    ),
    answer.assumptions.join('\n'),
  );
});
