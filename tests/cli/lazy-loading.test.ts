import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NOW, ROOT, SAMPLE } from '../reliability/support.ts';
import { ANALYSING, loaded, relative } from './loaded-modules.ts';

// Start-up is paid on every command (issue 18: within 150 ms of a bare node): an answer from a
// committed inventory needs no cluster client, no offline reader, no YAML and no graph builder.
const HEAVY = [
  /\/node_modules\/yaml\//,
  /\/node_modules\/@kubernetes\//,
  /\/node_modules\/(astro|remark|mermaid|playwright-core|gray-matter)\//,
  /^node:https?$/,
  /\/src\/io\/(read-source|read-offline|offline-files|kube-transport|read-config)\.ts$/,
  /\/src\/core\/graph\/build\.ts$/,
  /\/src\/core\/sources\/(offline|live)\//,
];

test('tierbook --help loads only the command table', () => {
  const run = loaded('--help');
  assert.equal(run.code, 0);
  const ours = run.modules.filter((m) => m.startsWith('file:')).map(relative);
  assert.deepEqual(
    ours.filter((m) => m.includes('/commands/')),
    [],
    'no command module is loaded for --help',
  );
  assert.ok(ours.length <= 8, `a handful of modules, not ${ours.length}: ${ours.join(' ')}`);
});

test('blast --content and guard --content load none of the readers, YAML or the graph builder', () => {
  const runs = [
    loaded('blast', 'osd/3', '--content', join(ROOT, 'content'), '--now', NOW),
    loaded('guard', '--content', join(ROOT, 'content'), '--now', NOW, '--', 'ceph', 'osd', 'purge', '3'),
  ];
  for (const run of runs) {
    assert.ok(run.code === 0 || run.code === 1, `an answer, exit ${run.code}`);
    assert.match(run.stdout, /osd\/3/);
    const heavy = run.modules.filter((m) => HEAVY.some((h) => h.test(m)));
    assert.deepEqual(heavy.map(relative), []);
  }
});

test('-o yaml still answers in YAML, loading yaml on that path only', () => {
  const run = loaded('blast', 'osd/3', '--content', join(ROOT, 'content'), '--now', NOW, '-o', 'yaml');
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^target: osd\/3$/m);
  assert.ok(run.modules.some((m) => /\/node_modules\/yaml\//.test(m) || m === 'yaml'));
});

// With content/guard-context.json current, the guard answers a purge from the answers saved
// there: neither what computes the analysis nor what computes a blast radius is even loaded,
// nor the saved analysis's reader; a namespace's deletion (no saved answer) reads the analysis.
test('guard --content with its saved context loads no analysis, and no blast for a saved answer', () => {
  const run = guardOn('ceph osd purge 3');
  assert.equal(run.code, 1, 'the incident is blocked');
  assert.deepEqual(
    run.ours.filter((m) => ANALYSING.test(m) || BLAST_COMPUTED.test(m)),
    [],
  );
  const count = new Set(run.ours).size;
  assert.ok(count <= GUARD_MODULES, `${count} modules of tierbook's (about 140 when it analyses graph.json)`);
  // A claim's deletion is saved too; a namespace's (its claims and workloads at once) is not.
  const namespace = guardOn('kubectl delete namespace databases');
  assert.equal(namespace.code, 1);
  assert.deepEqual(
    namespace.ours.filter((m) => ANALYSING.test(m)),
    [],
    'the saved analysis, not graph.json analysed',
  );
  assert.ok(
    namespace.ours.some((m) => BLAST_COMPUTED.test(m)),
    'a blast computed from the saved analysis',
  );
  const claim = guardOn('kubectl delete pvc -n databases pg-main-1');
  assert.equal(claim.code, 0, 'a replica of three: degraded, below the gate');
  assert.deepEqual(
    claim.ours.filter((m) => BLAST_COMPUTED.test(m)),
    [],
    "a claim's saved answer",
  );
});

/** `guard --content content -- COMMAND` on the sample: its exit code and tierbook's modules it loaded. */
function guardOn(command: string): { code: number | null; ours: string[] } {
  const run = loaded('guard', '--content', join(ROOT, 'content'), '--now', NOW, '--', command);
  return { code: run.code, ours: run.modules.filter((m) => m.startsWith('file:')).map(relative) };
}

/** What computes a blast radius, and the saved analysis it is computed on. */
const BLAST_COMPUTED =
  /\/src\/core\/(analysis\/blast\/blast-radius\.ts|guard\/saved-context-body\.ts|graph\/graph-index\.ts)$/;

/** tierbook's modules `guard --content content -- ceph osd purge 3` loads (52, with saved answers; 85 with the saved analysis). */
const GUARD_MODULES = 52;

// blast --content answers from the same saved context (issue 18: start-up within 150 ms of a
// bare node): no analysis, no graph.json reader, no drill reader; its count is pinned so a
// module imported at the top again shows here.
test('blast --content with its saved context loads no analysis and no graph.json reader', () => {
  const run = loaded('blast', 'osd/3', '--content', join(ROOT, 'content'), '--now', NOW);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /osd\/3/);
  const ours = [...new Set(run.modules.filter((m) => m.startsWith('file:')).map(relative))];
  assert.deepEqual(
    ours.filter(
      (m) =>
        ANALYSING.test(m) ||
        /\/src\/(core\/graph\/read-saved-inventory|io\/read-saved-inventory|io\/drills-dir|core\/drills\/parse)\.ts$/.test(
          m,
        ),
    ),
    [],
  );
  assert.ok(ours.length <= BLAST_MODULES, `${ours.length} modules of tierbook's: ${ours.join(' ')}`);
});

/**
 * tierbook's modules `blast osd/3 --content content` loads (68, the saved context's reader in
 * two: its stamp and sections, and its analysis; 140 when it analysed graph.json).
 */
const BLAST_MODULES = 68;

// An offline inventory reads files: the cluster client (client-node, the transport, Node's HTTP
// modules) is loaded only for a live read.
test('an offline inventory loads no cluster client', () => {
  const out = mkdtempSync(join(tmpdir(), 'tierbook-lazy-'));
  try {
    const run = loaded('inventory', '--from', SAMPLE, '--out', join(out, 'content'), '--now', NOW);
    assert.equal(run.code, 0, run.stderr);
    const client = run.modules.filter(
      (m) =>
        /\/node_modules\/@kubernetes\//.test(m) ||
        /^node:https?$/.test(m) ||
        /\/src\/io\/(kube-transport|keep-alive-agents|client-node-config)\.ts$/.test(m),
    );
    assert.deepEqual(client.map(relative), []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// An ESM import of node:http reads every export, and its WebSocket getters load Node's bundled
// undici (~60 ms of start-up): the live transport takes Node's HTTP modules as CommonJS objects.
test("the live transport's module does not load Node's bundled undici", () => {
  const script = `await import(${JSON.stringify(join(ROOT, 'src', 'io', 'kube-transport.ts'))});
process.stdout.write(process.moduleLoadList.filter((m) => m.includes('undici')).join(','));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
});
