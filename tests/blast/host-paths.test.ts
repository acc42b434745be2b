/**
 * The table of host paths that hold no data (src/core/analysis/host-paths.ts), the one
 * docs/blast.md documents, and the workload shapes around hostPath data: static pods are one
 * workload each, a missing cluster-scoped owner is one object.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { holdsData, NO_DATA_HOST_PATHS, noDataReason } from '../../src/core/analysis/host-paths.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const repo = join(import.meta.dirname, '..', '..');

test('data paths from real clusters hold data: etcd, RKE2 etcd, app directories', () => {
  for (const path of [
    '/var/lib/etcd',
    '/var/lib/etcd/',
    '/var/lib/rancher/rke2/server/db/etcd',
    '/var/lib/rancher/rke2/server/db',
    '/var/lib/mydata',
    '/srv/ledger',
    '/mnt/disk1/media',
    '/data',
    '/home/app',
    // Segment boundaries: a prefix of a name is not the directory.
    '/etcd-backup',
    '/procdata',
    '/usr-data',
    '/devdata',
    '/var/lib/kubelet-data',
  ])
    assert.equal(holdsData(path), true, path);
});

test('paths that hold no data by nature are ignored, each with a reason', () => {
  for (const path of [
    '/',
    '/proc',
    '/sys/fs/cgroup',
    '/dev',
    '/run/xtables.lock',
    '/var/run/docker.sock',
    '/run/containerd/containerd.sock',
    '/var/lib/docker.sock',
    '/opt/cni/bin',
    '/etc/cni/net.d',
    '/etc/kubernetes/pki/etcd',
    '/etc/kubernetes/',
    '/lib/modules',
    '/usr/local/bin',
    '/usr/share/ca-certificates',
    '/var/log/pods',
    '/var/lock',
    '/var/lib/kubelet/pods',
    '/var/lib/kube-proxy',
    '/var/lib/rancher/rke2/server/tls/etcd',
    '/var/lib/rancher/rke2/agent/kubeproxy.kubeconfig',
    '/var/lib/rook/mon-a/data',
    '/opt/local-path-provisioner/pvc-1_ns_data',
  ]) {
    assert.equal(holdsData(path), false, path);
    assert.ok((noDataReason(path) ?? '').length > 0, path);
  }
});

test('docs/blast.md lists every row of the table, with its reason', () => {
  const docs = readFileSync(join(repo, 'docs', 'blast.md'), 'utf8');
  for (const row of NO_DATA_HOST_PATHS)
    assert.ok(docs.includes(`| \`${row.path}\` | ${row.why} |`), `${row.path}: ${row.why}`);
});

test('static pods are one workload each; their missing Node is one cluster-scoped object', async () => {
  const { items } = await readOffline([join(repo, 'tests/fixtures/blast/static-pods/cluster.yaml')]);
  const graph = buildGraph(items);
  const index = new GraphIndex(graph);
  const nodes = graph.nodes.filter((n) => n.kind === 'Node').map((n) => n.id);
  // master-2 was not read: one placeholder, not one per namespace of its mirror pods.
  assert.deepEqual(nodes, ['core/Node//master-0', 'core/Node//master-1', 'core/Node//master-2']);
  const workloads = findWorkloads(index).map((w) => w.id);
  assert.deepEqual(workloads, [
    'core/Pod/openshift-etcd/etcd-master-0',
    'core/Pod/openshift-etcd/etcd-master-1',
    'core/Pod/openshift-etcd/etcd-master-2',
    'core/Pod/openshift-etcd/installer-7-master-0',
    'core/Pod/openshift-kni-infra/keepalived-master-0',
    'core/Pod/openshift-kube-apiserver/kube-apiserver-master-0',
  ]);
});
