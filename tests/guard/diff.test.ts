/**
 * `tierbook guard --diff`: a manifest change judged on its base. The base is the sample
 * cluster (src/sample/cluster); the head is a copy with one file removed or a pool's size
 * lowered, as two folders and as two commits of a git repository.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, NOW, REPO } from './support.ts';

const SAMPLE = join(REPO, 'src', 'sample', 'cluster');

function guard(args: string[], cwd = REPO) {
  const run = spawnSync(process.execPath, [CLI, 'guard', '--now', NOW, '-o', 'json', ...args], {
    encoding: 'utf8',
    cwd,
  });
  return { code: run.status, answer: run.stdout ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

async function headCopy(change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'tierbook-guard-diff-test-')), 'cluster');
  await cp(SAMPLE, dir, { recursive: true });
  await change(dir);
  return dir;
}

const lowerPools = async (dir: string) => {
  const file = join(dir, 'rook-ceph.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^(\s*size: )3$/m, '$11'));
};

test('folders: the databases removed lose their data; the answer names them', async () => {
  const head = await headCopy((dir) => rm(join(dir, 'databases.yaml')));
  try {
    const run = guard(['--diff', SAMPLE, '--diff', head]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.answer.level, 'data-loss');
    const rules = new Set(run.answer.steps.map((s: { rule: string }) => s.rule));
    assert.ok(rules.has('diff-claim-removed') && rules.has('diff-workload-removed'), [...rules].join(', '));
    const lost = run.answer.impacts.filter((i: { impact: string }) => i.impact === 'data-loss');
    assert.ok(lost.some((i: { workload: { name: string } }) => i.workload.name === 'pg-main'));
  } finally {
    await rm(join(head, '..'), { recursive: true, force: true });
  }
});

test('folders: a pool size lowered is reviewed; no change passes', async () => {
  const head = await headCopy(lowerPools);
  try {
    const lowered = guard(['--diff', SAMPLE, '--diff', head]);
    assert.equal(lowered.code, 1, lowered.stderr);
    assert.equal(lowered.answer.level, 'review');
    assert.ok(lowered.answer.steps.every((s: { rule: string }) => s.rule === 'diff-pool-size-lowered'));
    const same = guard(['--diff', SAMPLE, '--diff', SAMPLE]);
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.answer.summary, 'no known destructive step');
  } finally {
    await rm(join(head, '..'), { recursive: true, force: true });
  }
});

test('git: BASE..HEAD of the repository here, read without touching its work tree', async () => {
  const repo = await mkdtemp(join(tmpdir(), 'tierbook-guard-git-'));
  const git = (...args: string[]) => {
    const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
  };
  try {
    await cp(SAMPLE, join(repo, 'cluster'), { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    await lowerPools(join(repo, 'cluster'));
    git('commit', '-qam', 'lower the pool');
    const run = guard(['--diff', 'HEAD~1..HEAD'], repo);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.answer.command, 'HEAD~1..HEAD');
    assert.deepEqual(
      [...new Set(run.answer.steps.map((s: { rule: string }) => s.rule))],
      ['diff-pool-size-lowered'],
    );
    const bad = guard(['--diff', 'nosuchrev..HEAD'], repo);
    assert.equal(bad.code, 2);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
});
