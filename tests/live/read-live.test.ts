import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../src/core/model.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { API_RESOURCES } from '../support/apiserver-kinds.ts';
import { readServer, serve, summary } from './harness.ts';

// The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts).
const k3s = loadK3sBundle();
const builtinOnly = k3s.filter((o) => !o.apiVersion.includes('traefik'));

const cephCluster: KubeObject = {
  apiVersion: 'ceph.rook.io/v1',
  kind: 'CephCluster',
  metadata: { name: 'rook-ceph', namespace: 'rook-ceph', uid: '0f4b6a1e-2a4c-4f43-9d3e-6f1c8c1b2a10' },
  spec: {
    cephVersion: { image: 'quay.io/ceph/ceph:v19.2.2' },
    dataDirHostPath: '/var/lib/rook',
    mon: { count: 3 },
  },
  status: { phase: 'Ready', ceph: { health: 'HEALTH_OK' } },
};
const replicapool: KubeObject = {
  apiVersion: 'ceph.rook.io/v1',
  kind: 'CephBlockPool',
  metadata: { name: 'replicapool', namespace: 'rook-ceph' },
  spec: { failureDomain: 'host', replicated: { size: 3 } },
};
// Written at the older version: the server converts it, like a CRD with two served versions.
const longhornVolume: KubeObject = {
  apiVersion: 'longhorn.io/v1beta1',
  kind: 'Volume',
  metadata: { name: 'pvc-3f1d2a7c', namespace: 'longhorn-system' },
  spec: { numberOfReplicas: 3, size: '10737418240' },
};
const veleroBackup: KubeObject = {
  apiVersion: 'velero.io/v1',
  kind: 'Backup',
  metadata: { name: 'daily-20261123030012', namespace: 'velero' },
  status: { phase: 'Completed', completionTimestamp: '2026-11-23T03:04:40Z' },
};
const cnpgBackup: KubeObject = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'Backup',
  metadata: { name: 'pg-main-20261123', namespace: 'databases' },
  spec: { cluster: { name: 'pg-main' }, method: 'barmanObjectStore' },
};
const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'pg-main-superuser', namespace: 'databases' },
  type: 'kubernetes.io/basic-auth',
  data: { password: 'c3VwZXJzZWNyZXQ=' },
};

test('reads a real k3s cluster: every object once, kind and apiVersion filled, API paths as provenance', async (t) => {
  const server = await serve(t, { objects: k3s });
  const { result } = await readServer(t, server);

  assert.equal(result.items.length, k3s.length);
  assert.deepEqual(result.unreadable, []);
  assert.deepEqual(result.skipped, []);
  const pod = result.items.find((i) => i.object.metadata.name === 'coredns-b96499967-tncf4');
  assert.ok(pod, 'coredns pod is read');
  // The list response omitted kind/apiVersion on each item (as kube-apiserver does for built-ins).
  assert.equal(pod.object.kind, 'Pod');
  assert.equal(pod.object.apiVersion, 'v1');
  assert.deepEqual(pod.from, { apiPath: '/api/v1/namespaces/kube-system/pods/coredns-b96499967-tncf4' });
  const pv = result.items.find((i) => i.object.kind === 'PersistentVolume');
  assert.match(pv?.from.apiPath ?? '', /^\/api\/v1\/persistentvolumes\/pvc-[0-9a-f-]+$/);
  const sc = result.items.find((i) => i.object.kind === 'StorageClass');
  assert.deepEqual(sc?.from, { apiPath: '/apis/storage.k8s.io/v1/storageclasses/local-path' });
});

test('drops metadata.managedFields as each page is read and keeps every other field as served', async (t) => {
  const withManagedFields = k3s.filter((o) => 'managedFields' in o.metadata);
  assert.ok(withManagedFields.length > 10, `${withManagedFields.length} objects with managedFields`);
  const server = await serve(t, { objects: k3s });
  const { result } = await readServer(t, server);

  const key = (o: KubeObject) => `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const read = new Map(result.items.map((i) => [key(i.object), i.object]));
  assert.equal(read.size, k3s.length);
  for (const served of k3s) {
    const { managedFields: _dropped, ...metadata } = served.metadata;
    assert.deepEqual(read.get(key(served)), { ...served, metadata }, key(served));
  }
});

test('sorts by group, kind, namespace, name whatever the page size and concurrency', async (t) => {
  const server = await serve(t, { objects: k3s });
  const { result: wide } = await readServer(t, server, { pageSize: 500, concurrency: 8 });
  const { result: narrow } = await readServer(t, server, { pageSize: 1, concurrency: 1 });
  assert.deepEqual(narrow, wide);

  const kinds = [...new Set(summary(wide).map((line) => line.split(' ').slice(0, 2).join(' ')))];
  assert.deepEqual(kinds, [
    'v1 Namespace',
    'v1 Node',
    'v1 PersistentVolume',
    'v1 PersistentVolumeClaim',
    'v1 Pod',
    'v1 Service',
    'apps/v1 Deployment',
    'apps/v1 ReplicaSet',
    'batch/v1 Job',
    'storage.k8s.io/v1 StorageClass',
    'traefik.containo.us/v1alpha1 IngressRoute',
  ]);
  const pods = summary(wide).filter((line) => line.startsWith('v1 Pod '));
  assert.deepEqual(pods, [
    'v1 Pod default/nginx-deployment-7986654d4-ztx2g',
    'v1 Pod kube-system/coredns-b96499967-tncf4',
    'v1 Pod kube-system/helm-install-traefik-2fxbg',
    'v1 Pod kube-system/helm-install-traefik-crd-q2ndn',
    'v1 Pod kube-system/local-path-provisioner-7b7dc8d6f5-45btl',
    'v1 Pod kube-system/metrics-server-668d979685-wttxd',
    'v1 Pod kube-system/svclb-traefik-8ea5448e-d2m74',
    'v1 Pod kube-system/traefik-7cd4fcff68-9blj6',
  ]);
});

test('without CRDs: absent groups are neither requested nor reported unreadable', async (t) => {
  const server = await serve(t, { objects: builtinOnly });
  const { result } = await readServer(t, server);

  assert.equal(result.items.length, builtinOnly.length);
  assert.deepEqual(result.unreadable, []);
  const groupsAsked = server.requests
    .filter((r) => r.path.startsWith('/apis/'))
    .map((r) => r.path.split('/')[2]);
  assert.deepEqual([...new Set(groupsAsked)].sort(), [
    'apps',
    'batch',
    'networking.k8s.io',
    'storage.k8s.io',
  ]);
});

test('with CRDs: each installed group is discovered at its preferred version and every wanted kind listed', async (t) => {
  const objects = [...builtinOnly, cephCluster, replicapool, longhornVolume, veleroBackup, cnpgBackup];
  const server = await serve(t, { objects });
  const { result } = await readServer(t, server);

  assert.deepEqual(result.unreadable, []);
  assert.deepEqual(
    summary(result).filter((line) => !/^(v1|apps\/v1|batch\/v1|storage\.k8s\.io\/v1) /.test(line)),
    [
      'ceph.rook.io/v1 CephBlockPool rook-ceph/replicapool',
      'ceph.rook.io/v1 CephCluster rook-ceph/rook-ceph',
      'longhorn.io/v1beta2 Volume longhorn-system/pvc-3f1d2a7c',
      'postgresql.cnpg.io/v1 Backup databases/pg-main-20261123',
      'velero.io/v1 Backup velero/daily-20261123030012',
    ],
  );
  const discovered = server.requests.filter((r) => r.resource === undefined).map((r) => r.path);
  assert.ok(discovered.includes('/apis/longhorn.io/v1beta2'));
  assert.ok(
    !discovered.includes('/apis/longhorn.io/v1beta1'),
    'older version not needed: preferred serves all',
  );
  const lists = server.requests.filter((r) => r.verb === 'list').map((r) => r.path);
  for (const plural of ['cephclusters', 'cephblockpools', 'cephfilesystems', 'cephobjectstores']) {
    assert.ok(lists.includes(`/apis/ceph.rook.io/v1/${plural}`), `${plural} listed although empty`);
  }
});

test('falls back to an older served version when the preferred one lacks a wanted plural', async (t) => {
  const widget = (version: string, kind: string, plural: string) => ({
    group: 'example.tierbook.io',
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: true,
  });
  const resources = [
    ...API_RESOURCES,
    widget('v2', 'Widget', 'widgets'),
    widget('v1', 'Widget', 'widgets'),
    widget('v1', 'Gadget', 'gadgets'),
  ];
  const objects: KubeObject[] = [
    { apiVersion: 'example.tierbook.io/v2', kind: 'Widget', metadata: { name: 'w', namespace: 'apps' } },
    { apiVersion: 'example.tierbook.io/v1', kind: 'Gadget', metadata: { name: 'g', namespace: 'apps' } },
  ];
  const server = await serve(t, { objects, resources });
  const resourceTypes = [
    { group: 'example.tierbook.io', kind: 'Widget', plural: 'widgets' },
    { group: 'example.tierbook.io', kind: 'Gadget', plural: 'gadgets' },
  ];
  const { result } = await readServer(t, server, { resourceTypes, concurrency: 1 });

  assert.deepEqual(summary(result), [
    'example.tierbook.io/v1 Gadget apps/g',
    'example.tierbook.io/v2 Widget apps/w',
  ]);
  assert.deepEqual(
    server.requests.map((r) => r.url),
    [
      '/api',
      '/apis',
      '/apis/example.tierbook.io/v2',
      '/apis/example.tierbook.io/v1',
      '/apis/example.tierbook.io/v2/widgets?limit=500',
      '/apis/example.tierbook.io/v1/gadgets?limit=500',
    ],
  );
});

test('never requests Secrets, although the server serves and advertises them', async (t) => {
  const server = await serve(t, { objects: [...builtinOnly, secret] });
  const { result } = await readServer(t, server);

  assert.ok(!result.items.some((i) => i.object.kind === 'Secret'));
  assert.deepEqual(
    server.requests.filter((r) => r.path.includes('secret')),
    [],
  );
  const discovery = await fetch(`${server.url}/api/v1`).then((r) => r.json());
  assert.ok(JSON.stringify(discovery).includes('"secrets"'), 'the server does advertise secrets');
});
