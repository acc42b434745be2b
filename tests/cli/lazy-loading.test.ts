import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI, NOW, ROOT } from '../reliability/support.ts';

/**
 * The modules one CLI run loads, as Node resolves them: a resolve hook registered before the
 * CLI starts writes each resolved URL to stderr, one `loaded:` line each.
 */
function loaded(...args: string[]): { code: number | null; modules: string[]; stdout: string } {
  const hook = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  const found = next(specifier, context);
  process.stderr.write('loaded: ' + found.url + '\\n');
  return found;
} });`;
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, CLI, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } },
  );
  const modules = [...run.stderr.matchAll(/^loaded: (.*)$/gm)].map((m) => m[1] as string);
  return { code: run.status, modules, stdout: run.stdout };
}

const relative = (url: string) => url.replace(pathToFileURL(ROOT).href, '');

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

// With content/guard-context.json current, the guard answers from the analysis saved there:
// what computes the analysis (workloads, dependencies, tier rules, backup coverage, drill
// evidence) is not even loaded.
const ANALYSING =
  /\/src\/core\/(analysis\/(analyze|workloads|dependencies|tiers\/classify|backups\/coverage)\.ts|analysis\/tiers\/rules\/|analysis\/restores\/drill-evidence\.ts)/;

test('guard --content with its saved context loads no analysis', () => {
  const run = loaded('guard', '--content', join(ROOT, 'content'), '--now', NOW, '--', 'ceph osd purge 3');
  assert.equal(run.code, 1, 'the incident is blocked');
  const ours = run.modules.filter((m) => m.startsWith('file:')).map(relative);
  assert.deepEqual(
    ours.filter((m) => ANALYSING.test(m)),
    [],
  );
  const count = new Set(ours).size;
  assert.ok(count <= 120, `${count} modules of tierbook's (about 140 when it analyses graph.json)`);
});
