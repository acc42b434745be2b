import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ClusterReadError } from '../../src/core/errors.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { NetworkFailure, readLive } from '../../src/core/sources/live/index.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { makeServerCertificate } from '../support/apiserver-tls.ts';
import { serve, tempDir } from './harness.ts';

const TOKEN = 'reader-token-9f8e7d';
const tls = makeServerCertificate();
const needsTls = tls ? false : 'openssl is not installed, so no test certificate can be made';
// The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts).
const k3s = loadK3sBundle();

/** `process.env.X = undefined` would store the string "undefined": delete instead. */
function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

test('reads over HTTPS with the CA and bearer token of the --context chosen', {
  skip: needsTls,
}, async (t) => {
  if (!tls) return;
  const server = await serve(t, { objects: k3s, tls, token: TOKEN });
  const dir = await tempDir(t);
  // The current context is a stale one: only --context local can read.
  const kubeconfig = await writeKubeconfig(
    dir,
    [
      { name: 'stale', server: server.url, token: 'revoked-token', caPem: tls.cert },
      { name: 'local', server: server.url, token: TOKEN, caPem: tls.cert },
    ],
    'stale',
  );

  const chosen = await createKubeTransport({ kubeconfig, context: 'local' });
  assert.equal(chosen.describe, `context "local" (server ${server.url})`);
  const result = await readLive(chosen.transport, { resourceTypes: RESOURCE_TYPES });
  assert.equal(result.items.length, k3s.length);
  assert.ok(server.requests.every((r) => r.status === 200));

  const current = await createKubeTransport({ kubeconfig });
  assert.equal(current.describe, `context "stale" (server ${server.url})`);
  await assert.rejects(readLive(current.transport, { resourceTypes: RESOURCE_TYPES }), ClusterReadError);
});

test('a server certificate the kubeconfig does not trust stops the read', { skip: needsTls }, async (t) => {
  const other = makeServerCertificate();
  if (!tls || !other) return;
  const server = await serve(t, { objects: k3s, tls });
  const kubeconfig = await writeKubeconfig(await tempDir(t), [
    { name: 'local', server: server.url, caPem: other.cert },
  ]);
  const { transport } = await createKubeTransport({ kubeconfig });
  await assert.rejects(transport.get('/api'), (error: unknown) => {
    assert.ok(error instanceof ClusterReadError);
    assert.match(
      error.message,
      /^TLS verification of context "local" \(server https:\/\/127\.0\.0\.1:\d+\) failed/,
    );
    return true;
  });
});

test('the kubeconfig comes from KUBECONFIG when no --kubeconfig is given', async (t) => {
  const server = await serve(t, { objects: k3s });
  const kubeconfig = await writeKubeconfig(await tempDir(t), [{ name: 'from-env', server: server.url }]);
  const saved = process.env.KUBECONFIG;
  process.env.KUBECONFIG = kubeconfig;
  t.after(() => restoreEnv({ KUBECONFIG: saved }));
  const { describe, transport } = await createKubeTransport();
  assert.equal(describe, `context "from-env" (server ${server.url})`);
  assert.equal((await transport.get('/version')).status, 200);
});

test('no kubeconfig anywhere: a ClusterReadError that says where it looked', async (t) => {
  const saved = { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME };
  process.env.KUBECONFIG = '';
  process.env.HOME = await tempDir(t);
  t.after(() => restoreEnv(saved));
  await assert.rejects(createKubeTransport(), /no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG/);
});

test('kubeconfig errors are ClusterReadErrors that name the problem', async (t) => {
  const dir = await tempDir(t);
  const missing = path.join(dir, 'absent.yaml');
  await assert.rejects(createKubeTransport({ kubeconfig: missing }), (error: unknown) => {
    assert.ok(error instanceof ClusterReadError);
    assert.match(error.message, new RegExp(`cannot load the kubeconfig ${missing}: ENOENT`));
    return true;
  });
  const kubeconfig = await writeKubeconfig(dir, [
    { name: 'prod', server: 'https://10.0.0.1:6443' },
    { name: 'lab', server: 'https://10.0.0.2:6443' },
  ]);
  await assert.rejects(
    createKubeTransport({ kubeconfig, context: 'staging' }),
    /context "staging" is not in the kubeconfig \(contexts: "prod", "lab"\)/,
  );
  const noCurrent = path.join(dir, 'no-current.json');
  await writeFile(
    noCurrent,
    JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] }),
  );
  await assert.rejects(
    createKubeTransport({ kubeconfig: noCurrent }),
    /no usable current context; pass --context NAME/,
  );
});

test('the describe line never carries credentials, and a server path prefix is kept', async (t) => {
  const server = await serve(t, { objects: [] });
  const prefixed = `${server.url.replace('http://', 'http://admin:hunter2@')}/k8s/clusters/c-m-4x7b2`;
  const kubeconfig = await writeKubeconfig(await tempDir(t), [
    { name: 'rancher', server: prefixed, token: TOKEN },
  ]);
  const { describe, transport } = await createKubeTransport({ kubeconfig });

  assert.equal(describe, `context "rancher" (server ${server.url}/k8s/clusters/c-m-4x7b2)`);
  assert.doesNotMatch(describe, /hunter2|admin|reader-token/);
  await transport.get('/api');
  assert.equal(server.requests.at(-1)?.path, '/k8s/clusters/c-m-4x7b2/api');
});

test('resets, refusals and timeouts surface as NetworkFailure with the system code', async (t) => {
  const server = await serve(t, {
    objects: k3s,
    faults: { pods: { reset: { times: 1 }, delayMs: 0 }, nodes: { delayMs: 300 } },
  });
  const kubeconfig = await writeKubeconfig(await tempDir(t), [{ name: 'local', server: server.url }]);
  const { transport } = await createKubeTransport({ kubeconfig, timeoutMs: 100 });

  await assert.rejects(transport.get('/api/v1/pods?limit=1'), { name: 'NetworkFailure', code: 'ECONNRESET' });
  await assert.rejects(transport.get('/api/v1/nodes?limit=1'), (error: unknown) => {
    assert.ok(error instanceof NetworkFailure);
    assert.equal(error.code, 'ETIMEDOUT');
    assert.match(error.message, /no answer from context "local" .* within 100 ms/);
    return true;
  });
  const ok = await transport.get('/api/v1/pods?limit=1');
  assert.equal(ok.status, 200);
  assert.equal(ok.headers['content-type'], 'application/json');
  await server.close();
  // The connection kept open from the requests above may fail first, as a reset: a fresh
  // transport has none and meets the refusal.
  await assert.rejects(transport.get('/api'), NetworkFailure);
  const fresh = (await createKubeTransport({ kubeconfig, timeoutMs: 100 })).transport;
  await assert.rejects(fresh.get('/api'), { name: 'NetworkFailure', code: 'ECONNREFUSED' });
});

test('a paged read keeps its connections open: one per request in flight, not one per page', {
  skip: needsTls,
}, async (t) => {
  if (!tls) return;
  const pods = Array.from({ length: 1200 }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: `shop-${i % 7}` },
  }));
  const server = await serve(t, { objects: [...k3s, ...pods], tls, token: TOKEN });
  const kubeconfig = await writeKubeconfig(await tempDir(t), [
    { name: 'local', server: server.url, token: TOKEN, caPem: tls.cert },
  ]);
  const { transport } = await createKubeTransport({ kubeconfig });
  const resourceTypes = [
    { group: '', kind: 'Pod', plural: 'pods' },
    { group: '', kind: 'Namespace', plural: 'namespaces' },
  ];
  const result = await readLive(transport, { pageSize: 100, concurrency: 4, resourceTypes });

  const k3sPods = k3s.filter((o) => o.kind === 'Pod').length;
  assert.equal(result.items.filter((i) => i.object.kind === 'Pod').length, pods.length + k3sPods);
  assert.ok(server.requests.length > 12, `${server.requests.length} requests`);
  assert.ok(
    server.connections() <= 4,
    `${server.connections()} connections for ${server.requests.length} requests`,
  );
});
