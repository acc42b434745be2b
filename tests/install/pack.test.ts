// The package as a user gets it: `npm pack`, installed from the tarball into an empty project,
// and run from there (offline, on the sample), never from this checkout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const SYSTEM_NODE_20 = '/usr/bin/node';

let work = '';
let project = '';
let tarball = '';
/** Node 24 (this test's) first on PATH, as for a user who installed it. */
let env: NodeJS.ProcessEnv = {};

function run(command: string, args: string[], cwd = project, extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', all: `${r.stdout}\n${r.stderr}` };
}

const tierbook = (...args: string[]) => run('npx', ['--no-install', 'tierbook', ...args]);

/** Every file under `dir`, relative, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Mounts "$0" read-only in a mount namespace of its own and checks that it cannot be written. */
const READ_ONLY =
  'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && ! touch "$0/.probe" 2>/dev/null';

/** `unshare -m` with a read-only bind mount works here (root, or a user namespace). */
function canMountReadOnly(): boolean {
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `${READ_ONLY} && exit 0`, tmpdir()]);
  return probe.status === 0;
}

let installedFiles: string[] = [];

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'tierbook-pack-'));
  project = join(work, 'project');
  env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    XDG_CACHE_HOME: join(work, 'cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  assert.equal(packed.code, 0, packed.all);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  assert.ok(info);
  tarball = join(work, info.filename);
  await writeFile(join(work, 'packed.json'), JSON.stringify(info.files.map((f) => f.path)));
  await cp(join(ROOT, 'src', 'sample', 'cluster'), join(work, 'sample'), { recursive: true });
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    '{ "name": "user-project", "version": "1.0.0", "private": true }\n',
  );
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
  assert.equal(installed.code, 0, installed.all);
  installedFiles = await files(join(project, 'node_modules', 'tierbook'));
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('the tarball holds the command, the built JavaScript, its types and the site; no tests, fixtures or bench', () => {
  const packed = JSON.parse(readFileSync(join(work, 'packed.json'), 'utf8')) as string[];
  for (const needed of [
    'bin/tierbook.js',
    'lib/scripts/tierbook.js',
    'lib/src/index.js',
    'lib/src/index.d.ts',
    'astro.config.mjs',
    'src/pages/index.astro',
    'src/sample/README.md',
    'src/sample/cluster/rook-ceph.yaml',
    'LICENSE',
    'CHANGELOG.md',
    'package.json',
  ]) {
    assert.ok(packed.includes(needed), `${needed} is in the tarball`);
  }
  const unwanted = packed.filter((f) => /^(tests|bench|\.ci|content)\/|fixtures\/|\.test\.[jt]s$/.test(f));
  assert.deepEqual(unwanted, []);
});

test('npx tierbook --version prints the package version; kubectl-tierbook (a kubectl plugin) is the same command', () => {
  const r = tierbook('--version');
  assert.equal(r.code, 0, r.all);
  assert.equal(r.stdout, `${VERSION}\n`);
  const plugin = run('npx', ['--no-install', 'kubectl-tierbook', '--version']);
  assert.equal(plugin.code, 0, plugin.all);
  assert.equal(plugin.stdout, `${VERSION}\n`);
});

test('inventory, blast and build run from the installed package, on the sample, offline', async () => {
  const inventory = tierbook(
    'inventory',
    '--from',
    '../sample',
    '--out',
    'content',
    '--now',
    '2026-11-24T06:00:00Z',
  );
  assert.equal(inventory.code, 0, inventory.all);
  assert.match(inventory.stdout, /Wrote content\/: \d+ added/);
  const blast = tierbook('blast', 'osd/3', '--from', '../sample', '--json');
  assert.equal(blast.code, 0, blast.all);
  const impacts = JSON.parse(blast.stdout).impacts as { impact: string }[];
  assert.ok(
    impacts.some((i) => i.impact === 'data-loss'),
    blast.stdout,
  );
  const demo = tierbook('demo', '--no-build', '--out', 'demo-content');
  assert.equal(demo.code, 0, demo.all);
  const build = tierbook('build', '--content', 'content', '--out', 'site');
  assert.equal(build.code, 0, build.all);
  assert.match(build.stdout, /Built .*site: \d+ pages/);
  assert.ok(existsSync(join(project, 'site', 'index.html')));
  assert.ok(existsSync(join(project, 'site', 'pagefind')));
  // The policy comes from src/middleware.ts: the package must carry it.
  assert.match(
    readFileSync(join(project, 'site', 'index.html'), 'utf8'),
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
  );
});

test('nothing is written inside the installed package, and in the project only what was asked for', async () => {
  assert.deepEqual(await files(join(project, 'node_modules', 'tierbook')), installedFiles);
  const top = (await readdir(project)).sort();
  assert.deepEqual(top, [
    'content',
    'demo-content',
    'node_modules',
    'package-lock.json',
    'package.json',
    'site',
  ]);
  assert.ok(
    (await readdir(join(work, 'cache', 'tierbook', 'mermaid'))).length > 0,
    'diagrams cached in XDG_CACHE_HOME',
  );
});

test('build from a read-only install: the package bind-mounted read-only (unshare -m)', {
  skip: !canMountReadOnly() && 'no mount namespace here (needs root or user namespaces)',
}, () => {
  const pkg = join(project, 'node_modules', 'tierbook');
  const script = `${READ_ONLY} && exec "$@"`;
  const r = run('unshare', [
    '-m',
    'sh',
    '-c',
    script,
    pkg,
    'npx',
    '--no-install',
    'tierbook',
    'build',
    '--content',
    'content',
    '--out',
    'site-ro',
  ]);
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /Built .*site-ro: \d+ pages/);
  assert.ok(existsSync(join(project, 'site-ro', 'index.html')));
});

test('the library: import from "tierbook" reads, analyses and answers a blast radius', async () => {
  await writeFile(
    join(project, 'use.mjs'),
    [
      "import { readSource, buildGraph, analyze, DEFAULT_CONFIG, resolveTarget, blastRadius } from 'tierbook';",
      "const read = await readSource({ from: ['../sample'] });",
      "const analysis = analyze(buildGraph(read.result.items), { config: DEFAULT_CONFIG, now: '2026-11-24T06:00:00Z' });",
      "const result = blastRadius(analysis, [resolveTarget(analysis, 'osd/3')], { outage: false });",
      "console.log(result.impacts.filter((i) => i.impact === 'data-loss').length);",
    ].join('\n'),
  );
  const r = run(process.execPath, ['use.mjs']);
  assert.equal(r.code, 0, r.all);
  assert.ok(Number(r.stdout) > 0, r.stdout);
});

test('on Node 20 (/usr/bin/node) the command says what to install, exit 2, no stack trace', {
  skip: !existsSync(SYSTEM_NODE_20) && 'no /usr/bin/node here',
}, () => {
  const r = run(SYSTEM_NODE_20, [
    join(project, 'node_modules', 'tierbook', 'bin', 'tierbook.js'),
    '--version',
  ]);
  const version = run(SYSTEM_NODE_20, ['--version']).stdout.trim();
  assert.ok(!/^v2[4-9]\./.test(version), `/usr/bin/node is ${version}, not an old Node`);
  assert.equal(r.code, 2, r.all);
  assert.match(r.stderr, /^tierbook needs Node\.js 24\.11 or newer; this is Node \d+/);
  assert.match(r.stderr, /Install Node 24/);
  assert.doesNotMatch(r.all, /^\s+at /m);
});
