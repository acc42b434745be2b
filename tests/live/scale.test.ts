import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../src/core/model.ts';
import { readServer, serve } from './harness.ts';

const NAMESPACES = 200;
const PODS = 10_000;

function namespace(n: number): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${String(n).padStart(3, '0')}` } };
}

/** A StatefulSet-style pod with a PVC, like the workloads tierbook maps. */
function pod(i: number): KubeObject {
  const ns = `team-${String(i % NAMESPACES).padStart(3, '0')}`;
  const name = `db-${Math.floor(i / NAMESPACES)}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      labels: { 'app.kubernetes.io/name': 'db' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', controller: true }],
    },
    spec: {
      nodeName: `node-${i % 12}`,
      containers: [
        { name: 'db', image: 'postgres:17', volumeMounts: [{ name: 'data', mountPath: '/var/lib/pg' }] },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-${name}` } }],
    },
    status: { phase: 'Running' },
  };
}

test('10,000 pods in 200 namespaces: one paged cluster-wide list per kind, nothing per namespace or object', async (t) => {
  const objects = [
    ...Array.from({ length: NAMESPACES }, (_, n) => namespace(n)),
    ...Array.from({ length: PODS }, (_, i) => pod(i)),
  ];
  const server = await serve(t, { objects });
  const started = performance.now();
  const { result } = await readServer(t, server);
  const elapsed = performance.now() - started;
  t.diagnostic(
    `read ${result.items.length} objects in ${server.requests.length} requests, ${elapsed.toFixed(0)} ms`,
  );

  assert.equal(result.items.filter((i) => i.object.kind === 'Pod').length, PODS);
  assert.equal(result.items.filter((i) => i.object.kind === 'Namespace').length, NAMESPACES);
  assert.equal(new Set(result.items.map((i) => i.from.apiPath)).size, result.items.length, 'no duplicates');

  const lists = server.requests.filter((r) => r.verb === 'list');
  assert.equal(
    server.requests.filter((r) => r.verb === 'get' || r.namespace !== undefined).length,
    0,
    'no per-object or per-namespace request',
  );
  const firstPages = lists.filter((r) => !r.url.includes('continue='));
  assert.equal(new Set(firstPages.map((r) => r.resource)).size, firstPages.length, 'each kind listed once');
  const podPages = lists.filter((r) => r.resource === 'pods');
  assert.equal(podPages.length, PODS / 500);
  assert.ok(podPages.every((r) => r.url.startsWith('/api/v1/pods?limit=500')));

  const discovery = server.requests.filter((r) => r.verb === undefined);
  assert.deepEqual(discovery.map((r) => r.path).sort(), [
    '/api',
    '/api/v1',
    '/apis',
    '/apis/apps/v1',
    '/apis/batch/v1',
    '/apis/networking.k8s.io/v1',
    '/apis/storage.k8s.io/v1',
  ]);
  const kinds = firstPages.length;
  assert.equal(server.requests.length, discovery.length + kinds + (PODS / 500 - 1));
});
