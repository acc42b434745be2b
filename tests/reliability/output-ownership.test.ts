/**
 * Data loss 1 and "Also fix" of issue 11: tierbook replaces only a folder it owns (empty, new,
 * or carrying its marker file), never a repository, a file or a symbolic link; the site never
 * replaces the inventory it is built from. The refusals come before Chromium is needed.
 */
import assert from 'node:assert/strict';
import { cp, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { isClean, NOW, ROOT, SAMPLE, scratch, tierbook } from './support.ts';

/** Every file under `dir` (dotfiles and .git included) with its text: "untouched" means equal. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) out[relative(dir, path)] = await readFile(path, 'utf8');
    if (entry.isSymbolicLink()) out[relative(dir, path)] = '<link>';
  }
  return out;
}

/** A small repository: what `--out .` or `--out ~/repo` would be pointed at by mistake. */
async function fakeRepository(dir: string): Promise<void> {
  await mkdir(join(dir, '.git'), { recursive: true });
  await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(join(dir, 'README.md'), '# my project\n');
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'runbook.md'), 'call Alice\n');
}

const inventory = (out: string, ...extra: string[]) =>
  tierbook([
    'inventory',
    '--from',
    SAMPLE,
    '--now',
    NOW,
    '--cluster',
    'sample-homelab',
    '--out',
    out,
    ...extra,
  ]);

test('inventory --out a repository is refused with exit 2; nothing in it changes', async () => {
  const repo = await scratch();
  await fakeRepository(repo);
  const before = await snapshot(repo);
  const run = await inventory(repo);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /not a folder tierbook wrote \(it has no \.tierbook-content file\)/);
  assert.ok(isClean(run), run.stderr);
  assert.deepEqual(await snapshot(repo), before);
});

test('build --out the folder above --content (a repository) is refused; nothing in it changes', async () => {
  const repo = await scratch();
  await fakeRepository(repo);
  assert.equal((await inventory(join(repo, 'content'))).code, 0);
  const before = await snapshot(repo);
  for (const out of [repo, join(repo, 'content'), join(repo, 'content', 'site')]) {
    const run = await tierbook(['build', '--content', join(repo, 'content'), '--out', out]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--content .*: the site would replace or mix with the inventory/);
    assert.ok(isClean(run), run.stderr);
  }
  assert.deepEqual(await snapshot(repo), before);
});

test('build --out a non-empty folder that is not a tierbook site is refused', async () => {
  const dir = await scratch();
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.html'), "<p>someone else's site</p>\n");
  const run = await tierbook(['build', '--content', join(ROOT, 'content'), '--out', join(dir, 'www')]);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /no \.tierbook-site file/);
  assert.equal(await readFile(join(dir, 'www', 'index.html'), 'utf8'), "<p>someone else's site</p>\n");
});

test('every run writes its marker; a folder carrying it is replaced, notes kept', async () => {
  const dir = await scratch();
  const out = join(dir, 'content');
  assert.equal((await inventory(out)).code, 0);
  assert.match(await readFile(join(out, '.tierbook-content'), 'utf8'), /tierbook inventory/);
  const page = join(out, 'workloads', 'monitoring.deployment.grafana.md');
  const text = await readFile(page, 'utf8');
  await writeFile(
    page,
    text.replace(
      /(<!-- tierbook:notes:start -->)[\s\S]*(<!-- tierbook:notes:end -->)/,
      '$1\nOn call: Bob\n$2',
    ),
  );
  await writeFile(join(out, 'extra.txt'), 'kept\n');
  const again = await inventory(out, '--now', '2026-11-25T06:00:00Z');
  assert.equal(again.code, 0, again.stderr);
  assert.match(await readFile(page, 'utf8'), /On call: Bob/);
  assert.equal(await readFile(join(out, 'extra.txt'), 'utf8'), 'kept\n');
});

test('an inventory written before the marker existed is adopted and marked; with foreign pages it is refused', async () => {
  const dir = await scratch();
  const legacy = join(dir, 'content');
  await cp(join(ROOT, 'content'), legacy, { recursive: true });
  await rm(join(legacy, '.tierbook-content'), { force: true });
  const run = await inventory(legacy);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /written by an earlier tierbook .* now marked/);
  assert.ok((await lstat(join(legacy, '.tierbook-content'))).isFile());

  const mixed = join(dir, 'mixed');
  await cp(join(ROOT, 'content'), mixed, { recursive: true });
  await rm(join(mixed, '.tierbook-content'), { force: true });
  await writeFile(join(mixed, 'README.md'), '# not tierbook\n');
  const refused = await inventory(mixed);
  assert.equal(refused.code, 2, refused.stderr);
  assert.equal(await readFile(join(mixed, 'README.md'), 'utf8'), '# not tierbook\n');
});

test('--out a file or a symbolic link: exit 2 with the reason, no stack trace', async () => {
  const dir = await scratch();
  await writeFile(join(dir, 'file'), 'data\n');
  await mkdir(join(dir, 'real'));
  await symlink(join(dir, 'real'), join(dir, 'link'));
  const cases: [string[], RegExp][] = [
    [['inventory', '--from', SAMPLE, '--out', join(dir, 'file')], /is a file, not a folder/],
    [['inventory', '--from', SAMPLE, '--out', join(dir, 'link')], /is a symbolic link \(to .*real\)/],
    [['inventory', '--from', SAMPLE, '--out', join(dir, 'file', 'content')], /is a file, not a folder/],
    [['build', '--content', join(ROOT, 'content'), '--out', join(dir, 'file')], /is a file, not a folder/],
    [['build', '--content', join(ROOT, 'content'), '--out', join(dir, 'link')], /is a symbolic link/],
  ];
  for (const [args, message] of cases) {
    const run = await tierbook(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.ok(isClean(run), run.stderr);
  }
  assert.equal(await readFile(join(dir, 'file'), 'utf8'), 'data\n');
  assert.deepEqual(await readdir(join(dir, 'real')), []);
});

test('a symbolic link inside --out is never followed: no page or note outside is touched', async () => {
  const dir = await scratch();
  const out = join(dir, 'content');
  assert.equal((await inventory(out)).code, 0);
  // Someone keeps the workload pages elsewhere and links them in (or an attacker plants a link).
  const elsewhere = join(dir, 'elsewhere');
  await rm(join(out, 'workloads'), { recursive: true });
  await mkdir(elsewhere);
  await writeFile(join(elsewhere, 'apps.deployment.grafana.md'), 'precious notes\n');
  await symlink(elsewhere, join(out, 'workloads'));
  const run = await inventory(out);
  assert.equal(run.code, 2, run.stderr);
  assert.match(
    run.stderr,
    /holds a symbolic link, workloads .*never follows a link out of its output folder/,
  );
  assert.deepEqual(await readdir(elsewhere), ['apps.deployment.grafana.md']);
  assert.equal(await readFile(join(elsewhere, 'apps.deployment.grafana.md'), 'utf8'), 'precious notes\n');
});

test('disk full while writing: exit 2 "no space left", the previous inventory intact', async () => {
  const dir = await scratch();
  const out = join(dir, 'content');
  assert.equal((await inventory(out)).code, 0);
  const before = await snapshot(out);
  const preload = join(import.meta.dirname, 'enospc-preload.ts');
  const run = await tierbook(
    ['inventory', '--from', SAMPLE, '--now', '2026-11-25T06:00:00Z', '--cluster', 'x', '--out', out],
    ['--import', preload],
  );
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /cannot write .*: no space left on the device/);
  assert.ok(isClean(run), run.stderr);
  assert.deepEqual(await snapshot(out), before);
  assert.deepEqual(
    (await readdir(dir)).filter((name) => name !== 'content'),
    [],
    'no staging folder left',
  );
});
