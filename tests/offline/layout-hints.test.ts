import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { type DumpLayout, detectDumpLayout, kindHintFor } from '../../src/core/sources/offline/index.ts';

describe('recognising a dump’s root directory', () => {
  const cases: { dirs: string[]; files: string[]; layout: DumpLayout | undefined }[] = [
    { dirs: ['cluster-scoped-resources', 'namespaces'], files: [], layout: 'must-gather' },
    { dirs: ['namespaces'], files: ['timestamp'], layout: 'must-gather' },
    { dirs: ['namespaces'], files: ['version'], layout: 'must-gather' },
    { dirs: ['namespaces'], files: ['README.md'], layout: undefined },
    { dirs: ['cluster-resources', 'cluster-info'], files: ['analysis.json'], layout: 'support-bundle' },
    { dirs: ['cluster-resources'], files: ['version.yaml'], layout: 'support-bundle' },
    { dirs: ['cluster-resources'], files: [], layout: undefined },
    { dirs: ['apps', 'infrastructure'], files: ['kustomization.yaml'], layout: undefined },
  ];
  for (const { dirs, files, layout } of cases) {
    test(`${[...dirs.map((d) => `${d}/`), ...files].join(' ')} → ${layout ?? 'no layout'}`, () => {
      assert.equal(detectDumpLayout({ dirs, files }), layout);
    });
  }
});

describe('what a path inside a dump says about its objects', () => {
  const cases: { layout: DumpLayout; path: string; hint: ReturnType<typeof kindHintFor> }[] = [
    {
      layout: 'support-bundle',
      path: 'cluster-resources/custom-resource-definitions.json',
      hint: { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1' },
    },
    {
      layout: 'support-bundle',
      path: 'cluster-resources/custom-resources/cephblockpools.ceph.rook.io/rook-ceph.yaml',
      hint: { kind: 'CephBlockPool' },
    },
    { layout: 'support-bundle', path: 'cluster-resources/pods/default.json', hint: undefined },
    {
      layout: 'must-gather',
      path: 'cluster-scoped-resources/core/persistentvolumes/pvc-1.yaml',
      hint: { kind: 'PersistentVolume', apiVersion: 'v1' },
    },
    {
      layout: 'must-gather',
      path: 'cluster-scoped-resources/storage.k8s.io/storageclasses/gp2.yaml',
      hint: { kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1' },
    },
    {
      layout: 'must-gather',
      path: 'cluster-scoped-resources/storage.k8s.io/csinodes/n1.yaml',
      hint: undefined,
    },
    {
      layout: 'must-gather',
      path: 'namespaces/shop/core/persistentvolumeclaims.yaml',
      hint: { kind: 'PersistentVolumeClaim', apiVersion: 'v1' },
    },
    {
      layout: 'must-gather',
      path: 'namespaces/shop/apps/statefulsets/db.yaml',
      hint: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
    },
    {
      layout: 'must-gather',
      path: 'namespaces/rook-ceph/ceph.rook.io/cephclusters.yaml',
      hint: { kind: 'CephCluster' },
    },
    {
      layout: 'must-gather',
      path: 'namespaces/shop/pods/web-0/web-0.yaml',
      hint: { kind: 'Pod', apiVersion: 'v1' },
    },
    {
      layout: 'must-gather',
      path: 'namespaces/shop/shop.yaml',
      hint: { kind: 'Namespace', apiVersion: 'v1' },
    },
    {
      layout: 'must-gather',
      path: 'namespaces/shop/core/secrets.yaml',
      hint: { kind: 'Secret', apiVersion: 'v1' },
    },
    { layout: 'must-gather', path: 'namespaces/shop/pods/web-0/web/web/logs/current.log', hint: undefined },
    { layout: 'must-gather', path: 'cluster-resources/custom-resource-definitions.json', hint: undefined },
  ];
  for (const { layout, path, hint } of cases) {
    test(`${layout}: ${path}`, () => {
      assert.deepEqual(kindHintFor(layout, path, RESOURCE_TYPES), hint);
    });
  }
});
