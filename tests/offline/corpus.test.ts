/**
 * The offline source over real third-party inputs in ../shared/corpus (see its INDEX.md for each
 * file's source repository, commit and licence).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import type { SourceItem, SourceResult } from '../../src/core/model.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const corpus = (relative: string) => path.resolve(import.meta.dirname, '../../../shared/corpus', relative);
const read = (relative: string) => readFileSync(corpus(relative), 'utf8');

function countKinds(result: SourceResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { object } of result.items) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return counts;
}

const byName = (items: readonly SourceItem[], kind: string, name: string) =>
  items.find((item) => item.object.kind === kind && item.object.metadata.name === name);

/** The line an item points at opens its object: a `{`, or one of the object's own top-level keys. */
function assertLinesOpenObjects(items: readonly SourceItem[]): void {
  const texts = new Map<string, string[]>();
  for (const { object, from } of items) {
    const file = from.file ?? '';
    const lines = texts.get(file) ?? readFileSync(file, 'utf8').split('\n');
    texts.set(file, lines);
    const line = (lines[(from.line ?? 0) - 1] ?? '').trim().replace(/^-\s+/, '');
    const key = /^["']?([\w.-]+)["']?\s*:/.exec(line)?.[1];
    const opens = line.startsWith('{') || (key !== undefined && key in object);
    assert.ok(opens, `${file}:${from.line} does not open ${object.kind} ${object.metadata.name}: ${line}`);
  }
}

describe('replicatedhq/troubleshoot support bundle (testdata/supportbundle/support-bundle.tar.gz)', () => {
  const bundle = 'replicatedhq__troubleshoot/testdata/supportbundle/support-bundle.tar.gz.d/support-bundle';

  test('the whole folder yields its pods, volumes, claims, class and CRDs', async () => {
    const result = await readOffline([corpus(bundle)]);
    const counts = countKinds(result);
    assert.equal(counts.Pod, 8);
    assert.equal(counts.PersistentVolumeClaim, 4);
    assert.equal(counts.PersistentVolume, 4);
    assert.equal(counts.StorageClass, 1);
    assert.equal(counts.CustomResourceDefinition, 12);
    assert.equal(counts.Secret, undefined);
    assert.equal(result.items.length, 210);
    assert.deepEqual(result.unreadable, []);
  });

  test('files that are not objects are skipped, one entry each, and nothing else is', async () => {
    const result = await readOffline([corpus(bundle)]);
    assert.deepEqual(
      result.skipped.map((entry) => path.relative(corpus(bundle), entry.where)),
      [
        'analysis.json',
        'cluster-info/cluster_version.json',
        'cluster-resources/auth-cani-list/default.json',
        'cluster-resources/auth-cani-list/kube-node-lease.json',
        'cluster-resources/auth-cani-list/kube-public.json',
        'cluster-resources/auth-cani-list/kube-system.json',
        'cluster-resources/groups.json',
        'cluster-resources/resources.json',
        'version.yaml',
      ],
    );
    assert.match(result.skipped.at(-1)?.reason ?? '', /SupportBundle: no metadata.name/);
  });

  test('the kindless CRD list gets kind and apiVersion from the layout, each CRD its own line', async () => {
    const file = corpus(`${bundle}/cluster-resources/custom-resource-definitions.json`);
    for (const paths of [[corpus(bundle)], [file]]) {
      const result = await readOffline(paths);
      const crd = byName(result.items, 'CustomResourceDefinition', 'addons.k3s.cattle.io');
      assert.equal(crd?.object.apiVersion, 'apiextensions.k8s.io/v1');
      assert.deepEqual(crd?.from, { file, line: 6 });
    }
  });

  test('items come sorted by group, kind, namespace and name', async () => {
    const { items } = await readOffline([corpus(bundle)]);
    const keys = items.map(({ object }) =>
      [
        object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '',
        object.kind,
        object.metadata.namespace ?? '',
        object.metadata.name,
      ].join('\u0000'),
    );
    assert.deepEqual(keys, [...keys].sort());
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('openshift/must-gather-clean must-gather (test/files/must-gather-aws.tar.xz)', () => {
  const mustGather = 'openshift__must-gather-clean/test/files/must-gather-aws.tar.xz.d/must-gather-aws';

  test('the folder (objects one level down, in the image-named folder) yields every object', async () => {
    const result = await readOffline([corpus(mustGather)]);
    assert.deepEqual(countKinds(result), {
      CSIDriver: 1,
      CSINode: 6,
      StorageClass: 2,
      VolumeSnapshotClass: 1,
    });
    const gp2 = byName(result.items, 'StorageClass', 'gp2');
    assert.equal(gp2?.from.line, 2, 'the document starts after its leading ---');
    assert.equal(gp2?.object.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'], 'true');
    assert.deepEqual(result.skipped, []);
  });
});

describe('popeye and k9s dumps', () => {
  test('a YAML List and a JSON List of the same objects give equal items (popeye core/pvc/1.yaml)', () => {
    const yamlFile = 'derailed__popeye/internal/lint/testdata/core/pvc/1.yaml';
    const yamlText = read(yamlFile);
    // The JSON twin is made by the yaml package alone, so the comparison does not trust our parser twice.
    const jsonText = JSON.stringify(parse(yamlText), null, 4);
    const fromYaml = parseDocuments(yamlText, yamlFile);
    const fromJson = parseDocuments(jsonText, 'pvc.json');
    assert.equal(fromYaml.items.length, 3);
    assert.deepEqual(
      fromJson.items.map((item) => item.object),
      fromYaml.items.map((item) => item.object),
    );
    assert.deepEqual(
      fromYaml.items.map((item) => item.from.line),
      [4, 30, 61],
    );
  });

  test('popeye Lists across a folder: kinds and duplicates between test folders', async () => {
    const result = await readOffline([corpus('derailed__popeye')]);
    assert.equal(countKinds(result).PersistentVolumeClaim, 3);
    assert.equal(countKinds(result).PersistentVolume, 4);
    assert.ok(result.skipped.every((entry) => /duplicate of /.test(entry.reason)));
    assertLinesOpenObjects(result.items);
  });

  test('k9s single JSON objects each give one item at line 1', async () => {
    const dir = corpus('derailed__k9s/internal/render/testdata');
    const files = ['pv.json', 'pvc.json', 'sc.json', 'po.json'].map((name) => path.join(dir, name));
    const result = await readOffline(files);
    assert.deepEqual(
      result.items.map(({ object, from }) => [object.kind, path.basename(from.file ?? ''), from.line]),
      [
        ['PersistentVolume', 'pv.json', 1],
        ['PersistentVolumeClaim', 'pvc.json', 1],
        ['Pod', 'po.json', 1],
        ['StorageClass', 'sc.json', 1],
      ],
    );
  });
});

describe('GitOps repositories and operator examples', () => {
  test('rook multi-document YAML keeps every object’s line (deploy/examples/cluster-on-local-pvc.yaml)', () => {
    const file = corpus('rook__rook/deploy/examples/cluster-on-local-pvc.yaml');
    const { items } = parseDocuments(readFileSync(file, 'utf8'), file);
    assert.deepEqual(
      items.map((item) => item.object.kind),
      ['StorageClass', ...Array(6).fill('PersistentVolume'), 'CephCluster'],
    );
    assert.deepEqual(
      items.slice(0, 2).map((item) => item.from.line),
      [11, 18],
    );
    assertLinesOpenObjects(items);
  });

  test('onedr0p/home-ops anchors and a merge key resolve (cloudnative-pg/cluster/cluster16.yaml)', () => {
    const file = 'onedr0p__home-ops/kubernetes/main/apps/database/cloudnative-pg/cluster/cluster16.yaml';
    const [cluster] = parseDocuments(read(file), file).items;
    assert.ok(cluster);
    const spec = cluster.object.spec as {
      backup: { barmanObjectStore: { serverName: string } };
      externalClusters: {
        name: string;
        barmanObjectStore: { serverName: string; destinationPath: string };
      }[];
    };
    assert.equal(spec.backup.barmanObjectStore.serverName, 'postgres16-v8');
    assert.deepEqual(spec.externalClusters[0]?.name, 'postgres16-v7');
    assert.equal(spec.externalClusters[0]?.barmanObjectStore.destinationPath, 's3://cloudnative-pg/');
    assert.equal(spec.externalClusters[0]?.barmanObjectStore.serverName, 'postgres16-v7');
  });

  test('JJGadgets/Biohazard redefined anchors and list merges (apps/authentik/app/hr.yaml)', () => {
    const file = 'JJGadgets__Biohazard/kube/deploy/apps/authentik/app/hr.yaml';
    const [release] = parseDocuments(read(file), file).items;
    assert.ok(release);
    type Probe = { path?: string; spec: Record<string, unknown> };
    type Controllers = Record<string, { containers: { app: { probes: Record<string, Probe> } } }>;
    const values = (release.object.spec as { values: { controllers: Controllers } }).values;
    const app = values.controllers.app?.containers.app.probes;
    const worker = values.controllers.worker?.containers.app.probes;
    assert.equal(app?.readiness?.path, '/-/health/ready/');
    assert.deepEqual(app?.readiness?.spec, { timeoutSeconds: 5 });
    assert.equal(worker?.startup?.spec.periodSeconds, 1);
    assert.equal(worker?.startup?.spec.timeoutSeconds, 5);
    assert.equal(worker?.liveness?.spec.failureThreshold, 15);
  });

  test('cloudnative-pg Secrets are dropped and none of their values reach the result', async () => {
    const file = corpus('cloudnative-pg__cloudnative-pg/docs/src/samples/cluster-example-full.yaml');
    const result = await readOffline([file]);
    assert.deepEqual(
      result.items.map((item) => item.object.kind),
      ['Cluster'],
    );
    assert.deepEqual(
      result.skipped.map((entry) => entry.reason),
      [
        'Secret cluster-example-app-user: Secrets are never read',
        'Secret cluster-example-superuser: Secrets are never read',
        'Secret backup-creds: Secrets are never read',
      ],
    );
    const everything = JSON.stringify(result);
    for (const value of ['cG9zdGdyZXM=', 'a2V5X2lk', 'c2VjcmV0X2tleQ==', 'kubernetes.io/basic-auth']) {
      assert.ok(!everything.includes(value), `${value} leaked into the result`);
    }
  });

  test('every line across whole GitOps and example folders opens its object', async () => {
    const folders = [
      'rook__rook',
      'onedr0p__home-ops',
      'JJGadgets__Biohazard',
      'vmware-tanzu__velero',
      'ceph__ceph-csi',
    ];
    const result = await readOffline(folders.map(corpus));
    assert.ok(result.items.length > 200);
    assertLinesOpenObjects(result.items);
  });
});
