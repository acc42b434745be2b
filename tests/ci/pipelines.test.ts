/**
 * The pipelines in docs/ci/ are meant to be copied: every `npx tierbook` command in them runs
 * here, in order, in a scratch "GitOps repository" with a committed inventory and baseline,
 * against the project's API server serving the sample cluster (KUBECONFIG, as the secret gives
 * it in CI). What the CI systems themselves do (checkout, Pages, code-scanning upload, merge
 * requests) is not run here; the files' structure is checked.
 */
import assert from 'node:assert/strict';
import { exec } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readOffline } from '../../src/io/read-offline.ts';
import { CLI, ROOT, SAMPLE, tierbook } from '../reliability/support.ts';
import { startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';

type Step = { run?: string; uses?: string };
const github = parse(readFileSync(join(ROOT, 'docs', 'ci', 'github-actions.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps?: Step[]; needs?: string }>;
};
const gitlab = parse(readFileSync(join(ROOT, 'docs', 'ci', 'gitlab-ci.yml'), 'utf8')) as Record<
  string,
  { image: string; script: string[]; artifacts: { reports: { junit: string } } }
>;

const tierbookLines = (lines: string[]) => lines.filter((l) => /^npx tierbook /.test(l.trim()));
const githubCommands = tierbookLines(
  Object.values(github.jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => (s.run ?? '').split('\n'))),
);
const gitlabCommands = tierbookLines(gitlab.tierbook?.script ?? []);

test('the workflow files have the shape their CI systems require', () => {
  assert.ok('schedule' in github.on && 'workflow_dispatch' in github.on);
  for (const [name, job] of Object.entries(github.jobs)) {
    assert.match(job['runs-on'], /^ubuntu-/, name);
    for (const step of job.steps ?? [])
      assert.ok(step.run !== undefined || step.uses !== undefined, JSON.stringify(step));
  }
  assert.ok(
    github.jobs.inventory?.steps?.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')),
  );
  assert.equal(gitlab.tierbook?.artifacts.reports.junit, 'tierbook-junit.xml');
  assert.deepEqual(
    githubCommands.map((c) => c.split(' ')[2]),
    ['inventory', 'diff', 'check', 'check', 'build'],
  );
  assert.deepEqual(
    gitlabCommands.map((c) => c.split(' ')[2]),
    ['inventory', 'diff', 'check', 'check', 'build'],
  );
});

for (const [name, commands] of [
  ['GitHub Actions', githubCommands],
  ['GitLab CI', gitlabCommands],
] as const) {
  test(`every tierbook command of the ${name} pipeline runs, in order, against a cluster`, async (t) => {
    const objects = (await readOffline([SAMPLE])).items.map((i) => i.object);
    const server = await startApiServer({ objects });
    const repo = await mkdtemp(join(tmpdir(), 'tierbook-ci-'));
    t.after(async () => {
      await server.close();
      await rm(repo, { recursive: true, force: true });
    });
    const kubeconfig = await writeKubeconfig(repo, [{ name: 'prod', server: server.url }]);
    // The repository as it was committed: an inventory and an accepted baseline.
    const content = join(repo, 'content');
    assert.equal(
      (await tierbook(['inventory', '--from', SAMPLE, '--out', content, '--cluster', 'prod'])).code,
      0,
    );
    const baseline = await tierbook(['check', '--content', content, '--json', '--fail-on', 'none']);
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(repo, 'tierbook-baseline.json'), baseline.stdout),
    );

    const env = {
      ...process.env,
      KUBECONFIG: kubeconfig,
      CLUSTER_NAME: 'prod',
      XDG_CACHE_HOME: join(repo, '.cache'),
    };
    for (const line of commands) {
      const local = line
        .trim()
        .replace(/\$\{\{[^}]*\}\}/g, 'prod')
        .replace(/^npx tierbook /, `"${process.execPath}" "${CLI}" `);
      const run = await new Promise<{ code: number; stderr: string }>((done) =>
        exec(local, { cwd: repo, env, maxBuffer: 64 * 1024 * 1024 }, (error, _out, stderr) =>
          done({ code: error ? Number(error.code ?? 1) : 0, stderr }),
        ),
      );
      assert.equal(run.code, 0, `${line}\n${run.stderr}`);
    }
    const drift = await readFile(join(repo, 'drift.md'), 'utf8');
    assert.match(drift, /^# Inventory drift: prod\n/);
    const site = name === 'GitHub Actions' ? 'site' : 'public';
    assert.match(await readFile(join(repo, site, 'index.html'), 'utf8'), /prod/);
    if (name === 'GitHub Actions') {
      const sarif = JSON.parse(await readFile(join(repo, 'tierbook.sarif'), 'utf8')) as { version: string };
      assert.equal(sarif.version, '2.1.0');
    } else {
      assert.match(
        await readFile(join(repo, 'tierbook-junit.xml'), 'utf8'),
        /<testsuites name="tierbook check"/,
      );
    }
  });
}
