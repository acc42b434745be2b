import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterReadError } from '../../src/core/errors.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import type { KubeObject } from '../../src/core/model.ts';
import { type ApiResponse, type ApiTransport, readLive } from '../../src/core/sources/live/index.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { recordingSleep, serve, transportFor } from './harness.ts';

// The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts), plus Rook.
const cephCluster: KubeObject = {
  apiVersion: 'ceph.rook.io/v1',
  kind: 'CephCluster',
  metadata: { name: 'rook-ceph', namespace: 'rook-ceph' },
};
const objects = [...loadK3sBundle(), cephCluster];

/** Answers `paths` with `answer` and passes every other request to the real server. */
function overriding(inner: ApiTransport, paths: Record<string, ApiResponse>): ApiTransport {
  return { get: (path) => (path in paths ? Promise.resolve(paths[path] as ApiResponse) : inner.get(path)) };
}
const status = (code: number, message: string): ApiResponse => ({
  status: code,
  headers: { 'content-type': 'application/json' },
  body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code },
});

test('a group whose discovery document fails: its kinds are unreadable, the others are read', async (t) => {
  const server = await serve(t, { objects });
  const unavailable = status(503, 'the server is currently unable to handle the request');
  const transport = overriding(await transportFor(t, server), { '/apis/ceph.rook.io/v1': unavailable });
  const result = await readLive(transport, {
    resourceTypes: RESOURCE_TYPES,
    sleep: recordingSleep().sleep,
    retry: { attempts: 2 },
  });

  assert.deepEqual(
    result.unreadable.map((u) => `${u.group} ${u.kind} ${u.reason}`),
    [
      'ceph.rook.io CephBlockPool error',
      'ceph.rook.io CephCluster error',
      'ceph.rook.io CephFilesystem error',
      'ceph.rook.io CephObjectStore error',
    ],
  );
  assert.match(
    result.unreadable[0]?.detail ?? '',
    /GET \/apis\/ceph\.rook\.io\/v1: HTTP 503: the server is currently/,
  );
  assert.equal(result.items.length, objects.length - 1);
});

test('a 403 on a discovery document makes that group\'s kinds unreadable "forbidden"', async (t) => {
  const server = await serve(t, { objects });
  const forbidden = status(403, 'forbidden: User "reader" cannot get path "/apis/ceph.rook.io/v1"');
  const transport = overriding(await transportFor(t, server), { '/apis/ceph.rook.io/v1': forbidden });
  const result = await readLive(transport, { resourceTypes: RESOURCE_TYPES, sleep: recordingSleep().sleep });

  assert.deepEqual(
    result.unreadable.map((u) => u.reason),
    ['forbidden', 'forbidden', 'forbidden', 'forbidden'],
  );
});

test('a 401 in the middle of listing stops the whole read', async (t) => {
  const server = await serve(t, { objects });
  const expired = status(401, 'Unauthorized');
  const transport = overriding(await transportFor(t, server), {
    '/apis/apps/v1/deployments?limit=500': expired,
  });
  await assert.rejects(
    readLive(transport, { resourceTypes: RESOURCE_TYPES, sleep: recordingSleep().sleep }),
    ClusterReadError,
  );
});

test('a server that is not a Kubernetes API server: ClusterReadError saying so', async (t) => {
  const server = await serve(t, { objects });
  const html: ApiResponse = {
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<html>login</html>',
  };
  const transport = overriding(await transportFor(t, server), { '/api': html });
  await assert.rejects(
    readLive(transport, { resourceTypes: RESOURCE_TYPES }),
    /GET \/api did not return an APIVersions/,
  );
});

test('options are checked', async (t) => {
  const server = await serve(t, { objects });
  const transport = await transportFor(t, server);
  await assert.rejects(
    readLive(transport, { resourceTypes: RESOURCE_TYPES, pageSize: 0 }),
    /pageSize must be a positive integer, got 0/,
  );
  await assert.rejects(
    readLive(transport, { resourceTypes: RESOURCE_TYPES, concurrency: 1.5 }),
    /concurrency must be a positive integer/,
  );
});
