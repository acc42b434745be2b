/**
 * A new row reaches the output through the front door (issue 10): a made-up storage backend, a
 * made-up backup system and a made-up operator kind, each an in-test row handed to
 * `loadCluster`'s tables (the registries plus the row, as a new file and one table line would
 * make them). Each row's `reads` keeps its kind, its `extract` runs, and analysis asks the same
 * rows (placement, status field): the backend's volume is lost with the node its replica sits
 * on, the backup system's copy is in the inventory and its stale run is a finding naming the
 * adapter's status field, and the operator's resource is the workload. Without the rows the
 * same cluster gives other answers, so the test can fail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { markBackend, type StorageBackend } from '../../src/core/graph/backends/backend.ts';
import { STORAGE_BACKENDS } from '../../src/core/graph/backends/index.ts';
import { kubernetesNodes, volumeTargets } from '../../src/core/graph/backends/placement.ts';
import type { BackupAdapter } from '../../src/core/graph/backups/adapter.ts';
import { linkDestination } from '../../src/core/graph/backups/destination.ts';
import { BACKUP_ADAPTERS } from '../../src/core/graph/backups/index.ts';
import { linkProtects, recordProtection, referencedNode } from '../../src/core/graph/backups/policy.ts';
import { nodeId } from '../../src/core/graph/ids.ts';
import { KIND_EXTRACTORS } from '../../src/core/graph/kinds/index.ts';
import { operatorClaims } from '../../src/core/graph/kinds/operators/extract.ts';
import { idOf } from '../../src/core/graph/object-index.ts';
import {
  analyseCluster,
  blast,
  buildInventory,
  type GraphTables,
  loadCluster,
} from '../../src/core/index.ts';
import type { KubeObject, SourceResult } from '../../src/core/model.ts';
import { groupKind } from '../../src/core/sources/resource-type.ts';

const NOW = '2026-11-24T06:00:00Z';

/** A block store whose `BlockVolume` objects (one per PV) list the nodes holding a replica. */
const exampleBlocks: StorageBackend = {
  name: 'example-blocks',
  reads: [groupKind('blocks.example.io', 'BlockVolume', 'blockvolumes')],
  extract(ctx) {
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass'))
      if (sc.string('provisioner') === 'blocks.example.io') markBackend(ctx, idOf(sc), 'example-blocks');
    for (const pv of ctx.index.ofKind('', 'PersistentVolume'))
      if (pv.string('spec.csi.driver') === 'blocks.example.io') markBackend(ctx, idOf(pv), 'example-blocks');
    for (const volume of ctx.index.ofKind('blocks.example.io', 'BlockVolume')) {
      const pv = nodeId('', 'PersistentVolume', undefined, volume.object.metadata.name ?? '');
      for (const i of volume.indexes('status.replicaNodes')) {
        const node = volume.string(`status.replicaNodes[${i}]`);
        if (node)
          ctx.edge({
            from: pv,
            to: nodeId('', 'Node', undefined, node),
            type: 'stored-in',
            source: volume,
            field: `status.replicaNodes[${i}]`,
            why: `a replica on node ${node}`,
          });
      }
    }
  },
  placement(volume) {
    if (volume.backend !== 'example-blocks') return null;
    const nodes = volumeTargets(volume, 'stored-in');
    const base = { type: 'nodes', words: 'an example block volume', unit: 'replica' } as const;
    if (nodes.length > 0) return { ...base, copies: nodes.length, nodes, known: true, assumptions: [] };
    return {
      ...base,
      copies: 1,
      nodes: kubernetesNodes(volume.index),
      known: false,
      assumptions: [`${volume.claim}: no BlockVolume read; one replica on any node assumed (worst case)`],
    };
  },
};

/** A backup system whose `Nightly` objects copy one PVC to an S3 bucket. */
const exampleNightly: BackupAdapter<'example-nightly'> = {
  system: 'example-nightly',
  reads: [groupKind('backups.example.io', 'Nightly', 'nightlies')],
  statusField: 'status.lastDone',
  copies: 'volumes',
  extract(ctx) {
    for (const nightly of ctx.index.ofKind('backups.example.io', 'Nightly')) {
      const id = idOf(nightly);
      const namespace = nightly.object.metadata.namespace;
      const claim = nightly.string('spec.pvc') ?? '';
      const claimId = referencedNode(ctx, nodeId('', 'PersistentVolumeClaim', namespace, claim), 'v1');
      linkProtects(ctx, id, claimId, nightly, 'spec.pvc', `Nightly copies PVC ${claim}`);
      const url = nightly.string('spec.bucket') ?? null;
      if (url)
        linkDestination(ctx, id, { reader: nightly, field: 'spec.bucket', url, via: `Nightly ${claim}` });
      const lastDone = nightly.string('status.lastDone') ?? null;
      recordProtection(
        ctx,
        id,
        {
          lastSuccess: lastDone,
          lastAttempt: lastDone,
          state: lastDone ? 'ok' : 'never-run',
          lastError: null,
          failedSinceSuccess: 0,
          earlierFailures: [],
        },
        {
          system: 'example-nightly',
          method: 'example nightly copy',
          schedule: '@daily',
          url,
          onVolumeStorage: false,
          repositorySecret: null,
          notes: [],
        },
      );
    }
  },
};

/** An operator's database resource; its claims are modelled from `spec.storage` when read alone. */
const widgets = operatorClaims({
  group: 'widgets.example.io',
  kind: 'Widget',
  plural: 'widgets',
  title: 'Example Widget',
  claims: (reader) => ({
    claims: [
      {
        name: `data-${reader.object.metadata.name}-0`,
        field: 'spec.storage',
        storageClass: reader.string('spec.storage.storageClass'),
        classField: 'spec.storage.storageClass',
        size: reader.string('spec.storage.size'),
      },
    ],
    instances: '1 instance',
  }),
});

const TABLES: Partial<GraphTables> = {
  kinds: [...KIND_EXTRACTORS, widgets],
  backends: [exampleBlocks, ...STORAGE_BACKENDS],
  backups: [...BACKUP_ADAPTERS, exampleNightly],
};

const CLUSTER = `
apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: blocks}
provisioner: blocks.example.io
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-db}
spec:
  storageClassName: blocks
  csi: {driver: blocks.example.io, volumeHandle: vol-1}
  claimRef: {namespace: app, name: data-db-0}
---
apiVersion: blocks.example.io/v1
kind: BlockVolume
metadata: {name: pv-db}
status: {replicaNodes: [n1]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data-db-0, namespace: app}
spec: {storageClassName: blocks, volumeName: pv-db}
status: {phase: Bound}
---
apiVersion: widgets.example.io/v1
kind: Widget
metadata: {name: db, namespace: app, uid: w1}
spec: {storage: {storageClass: blocks, size: 1Gi}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: app
  uid: s1
  ownerReferences: [{apiVersion: widgets.example.io/v1, kind: Widget, name: db, uid: w1, controller: true}]
spec: {replicas: 1}
---
apiVersion: v1
kind: Pod
metadata:
  name: db-0
  namespace: app
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: s1, controller: true}]
spec:
  nodeName: n1
  volumes: [{name: data, persistentVolumeClaim: {claimName: data-db-0}}]
status: {phase: Running}
---
apiVersion: backups.example.io/v1
kind: Nightly
metadata: {name: db, namespace: app}
spec: {pvc: data-db-0, bucket: 's3://offsite/db'}
status: {lastDone: '2026-10-01T00:00:00Z'}
`;

function sourceOf(yaml: string): SourceResult {
  const items = parseAllDocuments(yaml).map((doc, i) => ({
    object: doc.toJSON() as KubeObject,
    from: { file: 'cluster.yaml', line: i + 1 },
  }));
  return { items, unreadable: [], skipped: [] };
}

const WIDGET = 'widgets.example.io/Widget/app/db';

test('a made-up backend, backup system and operator kind each reach the inventory and blast', async () => {
  const cluster = await loadCluster(sourceOf(CLUSTER), { tables: TABLES });
  // Each row's reads keep its kind: nothing of the cluster is skipped.
  assert.deepEqual(cluster.source.skipped, []);
  const inventory = await buildInventory(cluster, { cluster: 'c', now: NOW });
  const analysis = await analyseCluster(cluster.graph, { now: NOW });

  // The operator kind: its resource was read, so the workload is the Widget itself, not missing.
  const [workload, ...others] = inventory.workloads;
  assert.deepEqual(others, []);
  assert.deepEqual([workload?.id, workload?.missing], [WIDGET, false]);
  // The backup system: its copy is the workload's backup, kept outside the cluster...
  assert.deepEqual(
    workload?.backups.map((b) => [b.system, b.method, b.lastSuccess]),
    [['example-nightly', 'example nightly copy', '2026-10-01T00:00:00Z']],
  );
  // ...and its stale run is a finding on the Nightly naming the adapter's own status field.
  const stale = inventory.findings.find((f) => f.rule === 'backup-stale');
  assert.deepEqual([stale?.id, stale?.field], ['backups.example.io/Nightly/app/db', 'status.lastDone']);

  // The backend: its BlockVolume puts the only replica on n1, so losing n1 loses the data and
  // losing n2 does not; the Nightly's copy survives both.
  const n1 = await blast(analysis, ['node/n1']);
  assert.deepEqual(n1.assumptions, []);
  assert.deepEqual(
    n1.impacts.map((i) => [i.id, i.impact, i.why, i.backups.map((b) => [b.system, b.survives])]),
    [
      [
        WIDGET,
        'data-loss',
        ['PVC app/data-db-0 is an example block volume on node n1: its only replica is on that node'],
        [['example-nightly', true]],
      ],
    ],
  );
  assert.deepEqual(
    (await blast(analysis, ['node/n2'])).impacts.map((i) => i.impact),
    [],
  );
  assert.equal(inventory.failureDomains.find((d) => d.target === 'node/n1')?.counts['data-loss'], 1);
});

test('without its BlockVolume, the made-up backend says so and assumes the worst: never a false safe', async () => {
  const cluster = await loadCluster(sourceOf(CLUSTER.replace('kind: BlockVolume', 'kind: Unrelated')), {
    tables: TABLES,
  });
  const n2 = await blast(await analyseCluster(cluster.graph, { now: NOW }), ['node/n2']);
  assert.deepEqual(n2.assumptions, [
    'core/PersistentVolumeClaim/app/data-db-0: no BlockVolume read; one replica on any node assumed (worst case)',
  ]);
  assert.deepEqual(
    n2.impacts.map((i) => [i.id, i.impact]),
    [[WIDGET, 'data-loss']],
  );
});

test('the operator kind read alone: its extractor models the claim its spec asks for', async () => {
  const widget = CLUSTER.split('---').find((doc) => doc.includes('kind: Widget')) ?? '';
  const cluster = await loadCluster(sourceOf(widget), { tables: TABLES });
  const inventory = await buildInventory(cluster, { cluster: 'c', now: NOW });
  const claim = inventory.graph.nodes.find((n) => n.id === 'core/PersistentVolumeClaim/app/data-db-0');
  assert.equal(
    claim?.attrs.modelled,
    'Example Widget app/db: claims modelled from spec.storage (1 instance, class blocks), not read',
  );
});

test('the same cluster through the registries alone: the three kinds are skipped and said', async () => {
  const cluster = await loadCluster(sourceOf(CLUSTER));
  assert.deepEqual(
    cluster.source.skipped.map((s) => s.where),
    ['backups.example.io/Nightly', 'blocks.example.io/BlockVolume', 'widgets.example.io/Widget'],
  );
  const inventory = await buildInventory(cluster, { cluster: 'c', now: NOW });
  // The Widget is only named by its StatefulSet's owner reference: a workload not read.
  assert.deepEqual(
    inventory.workloads.map((w) => [w.id, w.missing, w.backups.length]),
    [[WIDGET, true, 0]],
  );
  // The driver is unknown to the registries: the generic backend's assumption, not the replica.
  const n1 = await blast(await analyseCluster(cluster.graph, { now: NOW }), ['node/n1']);
  assert.match(n1.assumptions[0] ?? '', /driver blocks\.example\.io is not known to tierbook/);
  assert.deepEqual(
    n1.impacts.map((i) => i.impact),
    ['unavailable'],
  );
});
