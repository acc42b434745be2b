import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterReadError } from '../../src/core/errors.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { readLive } from '../../src/core/sources/live/index.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { readServer, recordingSleep, serve, tempDir } from './harness.ts';

// The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts): 8 pods.
const k3s = loadK3sBundle();
const podNames = (result: { items: { object: { kind: string; metadata: { name?: string } } }[] }) =>
  result.items.filter((i) => i.object.kind === 'Pod').map((i) => i.object.metadata.name);

test('403 on one kind: a partial result names the kind, the rest is read, no retry', async (t) => {
  const server = await serve(t, { objects: k3s, faults: { persistentvolumes: { forbidden: true } } });
  const { result } = await readServer(t, server);

  assert.equal(result.unreadable.length, 1);
  const [missing] = result.unreadable;
  assert.equal(missing?.group, '');
  assert.equal(missing?.kind, 'PersistentVolume');
  assert.equal(missing?.reason, 'forbidden');
  assert.match(missing?.detail ?? '', /HTTP 403: persistentvolumes is forbidden: User .* cannot list/);
  assert.ok(!result.items.some((i) => i.object.kind === 'PersistentVolume'));
  assert.equal(result.items.length, k3s.length - 4, 'everything but the 4 PVs');
  assert.equal(server.requests.filter((r) => r.resource === 'persistentvolumes').length, 1);
});

test('429 with Retry-After: waits as long as the server asks, then reads everything', async (t) => {
  const faults = { pods: { tooManyRequests: { times: 2, retryAfterSeconds: 7 } } };
  const server = await serve(t, { objects: k3s, faults });
  const { result, waits } = await readServer(t, server);

  assert.deepEqual(waits, [7000, 7000]);
  assert.equal(podNames(result).length, 8);
  assert.deepEqual(result.unreadable, []);
  assert.deepEqual(
    server.requests.filter((r) => r.resource === 'pods').map((r) => r.status),
    [429, 429, 200],
  );
});

test('500 then success: retried with exponential backoff', async (t) => {
  const server = await serve(t, {
    objects: k3s,
    faults: { 'deployments.apps': { serverError: { times: 3 } } },
  });
  const { result, waits } = await readServer(t, server);

  assert.deepEqual(waits, [250, 500, 1000]);
  assert.equal(result.items.filter((i) => i.object.kind === 'Deployment').length, 5);
  assert.deepEqual(result.unreadable, []);
});

test('connection reset then success: retried', async (t) => {
  const server = await serve(t, { objects: k3s, faults: { pods: { reset: { times: 2 } } } });
  const { result, waits } = await readServer(t, server);

  assert.equal(podNames(result).length, 8);
  assert.deepEqual(waits, [250, 500]);
  assert.deepEqual(
    server.requests.filter((r) => r.resource === 'pods').map((r) => r.status),
    ['reset', 'reset', 200],
  );
});

test('410 Gone on a continue token: the kind is listed again from the start, without duplicates', async (t) => {
  const server = await serve(t, { objects: k3s, faults: { pods: { expireContinue: { times: 1 } } } });
  const { result } = await readServer(t, server, { pageSize: 3 });

  const names = podNames(result);
  assert.equal(names.length, 8);
  assert.equal(new Set(names).size, 8);
  const podRequests = server.requests.filter((r) => r.resource === 'pods');
  assert.deepEqual(
    podRequests.map((r) => [r.url.includes('continue='), r.status]),
    [
      [false, 200],
      [true, 410],
      [false, 200],
      [true, 200],
      [true, 200],
    ],
  );
});

test('continue tokens that always expire: bounded relists, then unreadable "error"', async (t) => {
  const faults = { pods: { expireContinue: { times: Number.POSITIVE_INFINITY } } };
  const server = await serve(t, { objects: k3s, faults });
  const { result } = await readServer(t, server, { pageSize: 3, maxRelists: 2 });

  assert.deepEqual(result.unreadable, [
    {
      group: '',
      kind: 'Pod',
      reason: 'error',
      detail: 'the continue token expired 3 times; gave up listing pods',
    },
  ]);
  assert.equal(podNames(result).length, 0, 'no partial pod list is passed off as complete');
  assert.equal(server.requests.filter((r) => r.resource === 'pods').length, 6);
});

test('a kind that keeps failing after the retries is unreadable "error" with the detail', async (t) => {
  const faults = { services: { serverError: { times: Number.POSITIVE_INFINITY, status: 503 } } };
  const server = await serve(t, { objects: k3s, faults });
  const { result, waits } = await readServer(t, server, { retry: { attempts: 4 } });

  assert.deepEqual(result.unreadable, [
    {
      group: '',
      kind: 'Service',
      reason: 'error',
      detail:
        'GET /api/v1/services?limit=500: HTTP 503: Internal error occurred: etcdserver: request timed out (after 4 attempts)',
    },
  ]);
  assert.deepEqual(waits, [250, 500, 1000]);
  assert.equal(server.requests.filter((r) => r.resource === 'services').length, 4);
  assert.equal(result.items.length, k3s.length - 4, 'everything but the 4 services');
});

test('401: the credentials are rejected and the whole read stops with ClusterReadError', async (t) => {
  const server = await serve(t, { objects: k3s, token: 'the-right-token' });
  await assert.rejects(readServer(t, server, { token: 'an-expired-token' }), (error: unknown) => {
    assert.ok(error instanceof ClusterReadError);
    assert.match(error.message, /401 Unauthorized/);
    assert.doesNotMatch(error.message, /expired-token/, 'the token is never printed');
    return true;
  });
  assert.equal(server.requests.length, 1, 'stops at the first 401, no retries');
});

test('discovery unreachable: ClusterReadError after bounded retries', async (t) => {
  const server = await serve(t, { objects: [] });
  const dir = await tempDir(t);
  const kubeconfig = await writeKubeconfig(dir, [{ name: 'gone', server: server.url }]);
  await server.close();
  const { transport } = await createKubeTransport({ kubeconfig });
  const { sleep, waits } = recordingSleep();

  await assert.rejects(
    readLive(transport, { resourceTypes: RESOURCE_TYPES, sleep, retry: { attempts: 3 } }),
    (error: unknown) => {
      assert.ok(error instanceof ClusterReadError);
      assert.match(
        error.message,
        /cannot read the Kubernetes API discovery: GET \/api: ECONNREFUSED: .*\(after 3 attempts\)/,
      );
      return true;
    },
  );
  assert.deepEqual(waits, [250, 500]);
});
