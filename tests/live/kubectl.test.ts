import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { KubeObject } from '../../src/core/model.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { makeServerCertificate } from '../support/apiserver-tls.ts';
import { serve, tempDir } from './harness.ts';

// The same kubectl the machine's operators use: it proves the local server speaks real Kubernetes.
const KUBECTL = '/usr/bin/kubectl';
const skip = existsSync(KUBECTL) ? false : `kubectl is not installed at ${KUBECTL}`;
const TOKEN = 'kubectl-test-token';

// The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts),
// plus 300 generated pods so that 50-item chunks take several pages.
const k3s = loadK3sBundle();
const extraPods: KubeObject[] = Array.from({ length: 300 }, (_, i) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `web-${i}`, namespace: `shop-${i % 7}` },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
}));

async function kubectlAgainst(t: Parameters<typeof tempDir>[0], objects: readonly KubeObject[]) {
  // kubectl sends bearer tokens only over TLS, so serve HTTPS when openssl can make a certificate.
  const tls = makeServerCertificate();
  const server = await serve(t, { objects, ...(tls ? { tls, token: TOKEN } : {}) });
  const dir = await tempDir(t);
  const kubeconfig = await writeKubeconfig(dir, [
    { name: 'local', server: server.url, ...(tls ? { token: TOKEN, caPem: tls.cert } : {}) },
  ]);
  // A private HOME and cache, so the machine's own kubeconfig and discovery cache play no part.
  const env = { PATH: process.env.PATH ?? '', HOME: dir, KUBECACHEDIR: path.join(dir, 'cache') };
  const run = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, ...args], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as { kind: string; items?: KubeObject[]; metadata: { name?: string } };
  };
  return { server, run };
}

test('kubectl get pods -A -o json --chunk-size=50 returns every pod', { skip }, async (t) => {
  const objects = [...k3s, ...extraPods];
  const { server, run } = await kubectlAgainst(t, objects);
  const list = await run('get', 'pods', '-A', '-o', 'json', '--chunk-size=50');

  const expected = objects
    .filter((o) => o.kind === 'Pod')
    .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  const got = (list.items ?? []).map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  assert.equal(list.kind, 'List');
  assert.deepEqual(got.sort(), expected.sort());
  assert.ok((list.items ?? []).every((o) => o.kind === 'Pod' && o.apiVersion === 'v1'));
  const pages = server.requests.filter((r) => r.resource === 'pods');
  assert.equal(pages.length, Math.ceil(expected.length / 50));
  assert.ok(pages.every((r) => r.status === 200 && r.url.includes('limit=50')));
});

test('kubectl gets one object, a namespaced list and a CRD list', { skip }, async (t) => {
  const { run } = await kubectlAgainst(t, k3s);

  const coredns = await run('get', 'pod', '-n', 'kube-system', 'coredns-b96499967-tncf4', '-o', 'json');
  assert.equal(coredns.kind, 'Pod');
  assert.equal(coredns.metadata.name, 'coredns-b96499967-tncf4');
  const defaultPods = await run('get', 'pods', '-n', 'default', '-o', 'json');
  assert.deepEqual(
    defaultPods.items?.map((p) => p.metadata.name),
    ['nginx-deployment-7986654d4-ztx2g'],
  );
  const routes = await run('get', 'ingressroutes.traefik.containo.us', '-A', '-o', 'json');
  assert.deepEqual(
    routes.items?.map((r) => `${r.kind} ${r.metadata.namespace}/${r.metadata.name}`),
    ['IngressRoute kube-system/traefik-dashboard'],
  );
});
