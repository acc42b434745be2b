/**
 * deploy/ (the Kustomize base that runs tierbook in the cluster) against the code: the role is
 * what `tierbook rbac` derives from the adapters, it is enough for a complete inventory and
 * nothing tierbook asks for lies outside it, and the CronJob's own script runs end to end
 * against the project's API server.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { ROLE_HEADER } from '../../scripts/commands/rbac.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { readOnlyClusterRole } from '../../src/core/rbac/cluster-role.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { CLI, ROOT, SAMPLE } from '../reliability/support.ts';
import { startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';

const DEPLOY = join(ROOT, 'deploy');
const KUBECTL = '/usr/bin/kubectl';
const hasKubectl = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).status === 0;

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
type Obj = { kind: string; metadata: { name: string }; spec?: Record<string, unknown>; rules?: Rule[] };

test('deploy/clusterrole.yaml is exactly what "tierbook rbac" derives from the adapters', () => {
  const expected = ROLE_HEADER + stringify(readOnlyClusterRole(RESOURCE_TYPES), { lineWidth: 0 });
  assert.equal(
    readFileSync(join(DEPLOY, 'clusterrole.yaml'), 'utf8'),
    expected,
    'regenerate it: npx node scripts/tierbook.ts rbac > deploy/clusterrole.yaml',
  );
  const run = spawnSync(process.execPath, [CLI, 'rbac'], { encoding: 'utf8' });
  assert.equal(run.stdout, expected);
});

test('the role grants get and list on every kind tierbook reads, and nothing on Secrets', () => {
  const { rules } = readOnlyClusterRole(RESOURCE_TYPES);
  for (const rule of rules) {
    assert.deepEqual(rule.verbs, ['get', 'list']);
    assert.ok(!rule.resources.includes('secrets'));
    assert.ok(!rule.resources.includes('*') && !rule.apiGroups.includes('*'));
  }
  for (const type of RESOURCE_TYPES)
    assert.ok(allowed(rules, type.group, type.plural, 'list'), `${type.group}/${type.plural}`);
  assert.throws(() => readOnlyClusterRole([{ group: '', kind: 'Secret', plural: 'secrets' }]), /never/);
});

test('kubectl kustomize deploy/ renders a restricted, read-only installation', {
  skip: !hasKubectl && 'no kubectl on this machine',
}, () => {
  const run = spawnSync(KUBECTL, ['kustomize', DEPLOY], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const objects = parseAllDocuments(run.stdout).map((d) => d.toJS() as Obj);
  const kinds = objects.map((o) => o.kind).sort();
  assert.deepEqual(kinds, [
    'ClusterRole',
    'ClusterRoleBinding',
    'ConfigMap',
    'CronJob',
    'Deployment',
    'Namespace',
    'PersistentVolumeClaim',
    'Service',
    'ServiceAccount',
  ]);
  assert.ok(!kinds.includes('Secret'));
  const pods = objects.flatMap((o) => podSpecsOf(o));
  assert.equal(pods.length, 2);
  for (const pod of pods) {
    const security = pod.securityContext as Record<string, unknown>;
    assert.equal(security.runAsNonRoot, true);
    for (const c of pod.containers as { securityContext: Record<string, unknown> }[]) {
      assert.equal(c.securityContext.readOnlyRootFilesystem, true);
      assert.equal(c.securityContext.allowPrivilegeEscalation, false);
      assert.deepEqual((c.securityContext.capabilities as { drop: string[] }).drop, ['ALL']);
    }
  }
  const [inventory] = podSpecsOf(objects.find((o) => o.kind === 'CronJob') as Obj);
  const [site] = podSpecsOf(objects.find((o) => o.kind === 'Deployment') as Obj);
  assert.equal(inventory?.serviceAccountName, 'tierbook');
  assert.equal(site?.automountServiceAccountToken, false, 'the web server holds no API token');
});

// The CronJob's script, verbatim, with the service account's role enforced the only way a test
// without a cluster can: every request tierbook made must be one the role allows, and the read
// must be complete (a role too narrow would show as kinds not read).
test('the CronJob script runs end to end, asking only for what the role grants', {
  skip: !hasKubectl && 'no kubectl on this machine',
}, async (t) => {
  const rendered = spawnSync(KUBECTL, ['kustomize', DEPLOY], { encoding: 'utf8' }).stdout;
  const cron = parseAllDocuments(rendered)
    .map((d) => d.toJS() as Obj)
    .find((o) => o.kind === 'CronJob');
  const containers = (podSpecsOf(cron as Obj)[0]?.containers ?? []) as { args: string[] }[];
  const script = containers[0]?.args[0] ?? '';
  assert.match(script, /tierbook inventory .*tierbook check .*tierbook build/s);

  const objects = (await readOffline([SAMPLE])).items.map((i) => i.object);
  const server = await startApiServer({ objects });
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-deploy-'));
  t.after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  const kubeconfig = await writeKubeconfig(dir, [{ name: 'in-cluster', server: server.url }]);
  const data = join(dir, 'data');
  const local = script.replaceAll('/data', data).replaceAll('tierbook ', `"${process.execPath}" "${CLI}" `);
  const run = await new Promise<{ code: number | null; stderr: string }>((done) =>
    execFile(
      '/bin/sh',
      ['-c', `mkdir -p "${data}" && ${local}`],
      {
        env: {
          ...process.env,
          KUBECONFIG: kubeconfig,
          CLUSTER_NAME: 'in-cluster',
          XDG_CACHE_HOME: join(dir, 'cache'),
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, _stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    ),
  );
  assert.equal(run.code, 0, run.stderr);
  const index = await readFile(join(data, 'content', 'index.md'), 'utf8');
  assert.match(index, /^unreadable: \[\]$/m, 'a complete read: the role is wide enough');
  assert.match(await readFile(join(data, 'site', 'index.html'), 'utf8'), /in-cluster/);
  const check = JSON.parse(await readFile(join(data, 'check.json'), 'utf8')) as { findings: unknown[] };
  assert.ok(check.findings.length > 0);

  const { rules } = readOnlyClusterRole(RESOURCE_TYPES);
  const asked = server.requests.filter((r) => r.resource !== undefined);
  assert.ok(asked.length > 10);
  for (const r of asked) {
    const [plural = '', ...group] = (r.resource ?? '').split('.');
    assert.ok(
      allowed(rules, group.join('.'), plural, r.verb ?? 'get'),
      `${r.method} ${r.url} is outside the role`,
    );
  }
});

function allowed(rules: readonly Rule[], group: string, plural: string, verb: string): boolean {
  return rules.some(
    (r) => r.apiGroups.includes(group) && r.resources.includes(plural) && r.verbs.includes(verb),
  );
}

type PodTemplate = { template: { spec: Record<string, unknown> } };

function podSpecsOf(o: Obj): Record<string, unknown>[] {
  const spec = o.spec ?? {};
  if (o.kind === 'Deployment') return [(spec as PodTemplate).template.spec];
  if (o.kind === 'CronJob') return [(spec.jobTemplate as { spec: PodTemplate }).spec.template.spec];
  return [];
}
