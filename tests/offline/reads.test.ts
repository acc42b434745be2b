/**
 * What tierbook reads is what its tables declare: kind extractors, storage backends and backup
 * adapters each list their `reads`, and RESOURCE_TYPES (live listing, offline filter) is derived
 * from them. Before this, a new adapter's fixture test passed while `tierbook inventory
 * --from` silently dropped its kind (issue 10).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WORKLOAD_KINDS } from '../../src/core/analysis/workload-kinds.ts';
import type { BackupAdapter } from '../../src/core/graph/backups/adapter.ts';
import { BACKUP_ADAPTERS } from '../../src/core/graph/backups/index.ts';
import { ENRICHING_KINDS, enrichingKinds } from '../../src/core/graph/enriching-kinds.ts';
import { KIND_EXTRACTORS } from '../../src/core/graph/kinds/index.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { READ_TABLES, RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { RESTORE_ADAPTERS } from '../../src/core/graph/restores/index.ts';
import { buildInventory, loadCluster } from '../../src/core/index.ts';
import { APPLIES_TO_FORMS, BACKUP_SYSTEMS } from '../../src/core/runbooks/applies-to.ts';
import { groupKind, resourceTypesOf } from '../../src/core/sources/resource-type.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { readSource } from '../../src/io/read-source.ts';

const key = (r: { group: string; kind: string; plural: string }) => `${r.group}/${r.kind} ${r.plural}`;

/** The hand-written list RESOURCE_TYPES was before it was derived (commit c0016fd), sorted. */
const HAND_WRITTEN = [
  '/ConfigMap configmaps',
  '/Namespace namespaces',
  '/Node nodes',
  '/PersistentVolume persistentvolumes',
  '/PersistentVolumeClaim persistentvolumeclaims',
  '/Pod pods',
  '/Service services',
  'apps/DaemonSet daemonsets',
  'apps/Deployment deployments',
  'apps/ReplicaSet replicasets',
  'apps/StatefulSet statefulsets',
  'barmancloud.cnpg.io/ObjectStore objectstores',
  'batch/CronJob cronjobs',
  'batch/Job jobs',
  'ceph.rook.io/CephBlockPool cephblockpools',
  'ceph.rook.io/CephCluster cephclusters',
  'ceph.rook.io/CephFilesystem cephfilesystems',
  'ceph.rook.io/CephObjectStore cephobjectstores',
  'k8up.io/Backup backups',
  'k8up.io/Schedule schedules',
  'longhorn.io/Backup backups',
  'longhorn.io/BackupTarget backuptargets',
  'longhorn.io/Node nodes',
  'longhorn.io/RecurringJob recurringjobs',
  'longhorn.io/Replica replicas',
  'longhorn.io/Volume volumes',
  'networking.k8s.io/Ingress ingresses',
  'pgv2.percona.com/PerconaPGBackup perconapgbackups',
  'pgv2.percona.com/PerconaPGCluster perconapgclusters',
  'postgres-operator.crunchydata.com/PostgresCluster postgresclusters',
  'postgresql.cnpg.io/Backup backups',
  'postgresql.cnpg.io/Cluster clusters',
  'postgresql.cnpg.io/ScheduledBackup scheduledbackups',
  'psmdb.percona.com/PerconaServerMongoDB perconaservermongodbs',
  'psmdb.percona.com/PerconaServerMongoDBBackup perconaservermongodbbackups',
  'pxc.percona.com/PerconaXtraDBCluster perconaxtradbclusters',
  'pxc.percona.com/PerconaXtraDBClusterBackup perconaxtradbclusterbackups',
  'snapshot.storage.k8s.io/VolumeSnapshot volumesnapshots',
  'snapshot.storage.k8s.io/VolumeSnapshotClass volumesnapshotclasses',
  'snapshot.storage.k8s.io/VolumeSnapshotContent volumesnapshotcontents',
  'storage.k8s.io/CSIDriver csidrivers',
  'storage.k8s.io/StorageClass storageclasses',
  'storage.k8s.io/VolumeAttachment volumeattachments',
  'traefik.containo.us/IngressRoute ingressroutes',
  'traefik.containo.us/Middleware middlewares',
  'traefik.io/IngressRoute ingressroutes',
  'traefik.io/Middleware middlewares',
  'velero.io/Backup backups',
  'velero.io/BackupStorageLocation backupstoragelocations',
  'velero.io/Schedule schedules',
  'volsync.backube/ReplicationSource replicationsources',
];

/** Kinds added since, each by one table row: the restore evidence adapters (issue 17). */
const ADDED = [
  'k8up.io/Restore restores',
  'pxc.percona.com/PerconaXtraDBClusterRestore perconaxtradbclusterrestores',
  'velero.io/Restore restores',
  'volsync.backube/ReplicationDestination replicationdestinations',
];

test('the derived list is the hand-written one it replaced plus the rows added since, each kind once', () => {
  const derived = RESOURCE_TYPES.map(key);
  assert.deepEqual([...derived].sort(), [...HAND_WRITTEN, ...ADDED].sort());
  assert.equal(new Set(RESOURCE_TYPES.map((r) => `${r.group}/${r.kind}`)).size, RESOURCE_TYPES.length);
});

test('every row of every table has its reads in RESOURCE_TYPES, and each extractor reads its kind', () => {
  const listed = new Set(RESOURCE_TYPES.map(key));
  let rows = 0;
  for (const table of READ_TABLES)
    for (const row of table) {
      rows++;
      for (const type of row.reads) assert.ok(listed.has(key(type)), `${key(type)} is read but not listed`);
    }
  assert.ok(rows > 20, `${rows} rows: the tables are all there`);
  for (const extractor of KIND_EXTRACTORS) {
    if (extractor.reads.length === 0) continue; // ReplicationController: extracted, not read
    const groups = typeof extractor.group === 'string' ? [extractor.group] : extractor.group;
    for (const group of groups)
      assert.ok(
        extractor.reads.some((r) => r.group === group && r.kind === extractor.kind),
        `${group}/${extractor.kind} does not read its own kind`,
      );
  }
});

test('Secrets are never read: not derived, and a row that declares one is refused', () => {
  assert.ok(!RESOURCE_TYPES.some((r) => r.kind === 'Secret' || r.plural === 'secrets'));
  const greedy = { reads: [groupKind('', 'Secret', 'secrets')] };
  assert.throws(() => resourceTypesOf([...READ_TABLES, [greedy]]), /Secret must never be read/);
});

test('one kind declared with two plurals is refused', () => {
  const a = { reads: [groupKind('example.io', 'Thing', 'things')] };
  const b = { reads: [groupKind('example.io', 'Thing', 'thingies')] };
  assert.throws(() => resourceTypesOf([[a, b]]), /example\.io\/Thing is read as both things and thingies/);
});

/**
 * A backup adapter that is in no table: a system of its own (`example-snapshotter`, in no union:
 * `BackupSystem` is derived from the table) reading `example.io/Snapshotter` (a made-up CRD,
 * shaped like a VolSync ReplicationSource). Added through `resourceTypesOf`, the function the
 * real tables go through, its objects survive the CLI's offline filter; left out, they are
 * dropped and said to be skipped.
 */
const fixtureAdapter: BackupAdapter<'example-snapshotter'> = {
  system: 'example-snapshotter',
  reads: [groupKind('example.io', 'Snapshotter', 'snapshotters')],
  statusField: 'status.lastSyncTime',
  copies: 'volumes',
  extract() {},
};

test('a new adapter reaches the CLI offline path (readSource) and the inventory through the tables', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-reads-'));
  try {
    const file = join(dir, 'cluster.yaml');
    await writeFile(
      file,
      [
        'apiVersion: example.io/v1',
        'kind: Snapshotter',
        'metadata: {name: nightly, namespace: app}',
        'spec: {sourcePVC: data}',
        '---',
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: data, namespace: app}',
        '',
      ].join('\n'),
    );
    const read = await readOffline([file]);
    const kinds = (r: { items: { object: { kind: string } }[] }) => r.items.map((i) => i.object.kind).sort();

    // The CLI's own read (`tierbook inventory --from`): without the row, the kind is dropped and said.
    const today = (await readSource({ from: [file] })).result;
    assert.deepEqual(kinds(today), ['PersistentVolumeClaim']);
    assert.deepEqual(today.skipped.at(-1), {
      where: 'example.io/Snapshotter',
      reason: '1 object(s) of a kind tierbook does not use',
    });

    // The front door filters an unfiltered read the same way: a source handed to the core by a
    // test or a library user cannot carry a kind no table declares into the graph.
    const loaded = await loadCluster(read);
    assert.deepEqual(kinds(loaded.source), ['PersistentVolumeClaim']);
    assert.deepEqual(loaded.source.skipped.at(-1), today.skipped.at(-1));
    assert.ok(!loaded.graph.nodes.some((n) => n.kind === 'Snapshotter'));
    // With the row, through the same function the tables go through: kept, and in the inventory.
    const withAdapter = resourceTypesOf([...READ_TABLES, [fixtureAdapter]]);
    assert.ok(withAdapter.some((r) => r.group === 'example.io' && r.plural === 'snapshotters'));
    const kept = (await readSource({ from: [file], reads: withAdapter })).result;
    assert.deepEqual(kinds(kept), ['PersistentVolumeClaim', 'Snapshotter']);
    assert.equal(kept.skipped.length, read.skipped.length);
    assert.equal(keepKnownKinds(read, withAdapter).items.length, 2);
    // The core's front door keeps the same kinds (its kind filter, given the same table).
    const cluster = await loadCluster(kept, { reads: withAdapter });
    assert.equal(cluster.source.items.length, 2);
    const inventory = await buildInventory(cluster, { cluster: 'c', now: '2026-11-24T06:00:00Z' });
    assert.equal(inventory.counts.Snapshotter, 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an operator kind that is a workload before it owns anything is one tierbook reads', () => {
  // A root is found from its resource alone (manifests); a kind never read could not be one.
  const read = new Set(RESOURCE_TYPES.map((r) => `${r.group}/${r.kind}`));
  const roots = Object.entries(WORKLOAD_KINDS).filter(([, row]) => row.root);
  assert.ok(roots.length >= 6);
  for (const [kind] of roots) assert.ok(read.has(kind), `${kind} is a root but not read`);
});

/** The hand-written ENRICHING_KINDS before it was derived from the adapters' reads (graph/left-out.ts). */
const ENRICHING_HAND_WRITTEN = [
  'velero.io/Schedule',
  'velero.io/Backup',
  'velero.io/BackupStorageLocation',
  'postgresql.cnpg.io/Backup',
  'postgresql.cnpg.io/ScheduledBackup',
  'barmancloud.cnpg.io/ObjectStore',
  'pxc.percona.com/PerconaXtraDBClusterBackup',
  'psmdb.percona.com/PerconaServerMongoDBBackup',
  'pgv2.percona.com/PerconaPGBackup',
  'volsync.backube/ReplicationSource',
  'volsync.backube/ReplicationDestination',
  'velero.io/Restore',
  'pxc.percona.com/PerconaXtraDBClusterRestore',
  'k8up.io/Restore',
  'k8up.io/Schedule',
  'k8up.io/Backup',
  'longhorn.io/RecurringJob',
  'longhorn.io/BackupTarget',
  'longhorn.io/Backup',
  'snapshot.storage.k8s.io/VolumeSnapshot',
  'snapshot.storage.k8s.io/VolumeSnapshotContent',
  'snapshot.storage.k8s.io/VolumeSnapshotClass',
];

test("the kinds that only enrich are the adapters' reads less storage and clusters, as the hand-written list was", () => {
  assert.deepEqual([...ENRICHING_KINDS].sort(), [...ENRICHING_HAND_WRITTEN].sort());
  // A Longhorn Volume and a CloudNativePG Cluster are read by adapters too, but stood on.
  assert.ok(!ENRICHING_KINDS.has('longhorn.io/Volume'));
  assert.ok(!ENRICHING_KINDS.has('postgresql.cnpg.io/Cluster'));
  // A new adapter's own kind joins with its row, and no other change.
  const withAdapter = enrichingKinds([...BACKUP_ADAPTERS, ...RESTORE_ADAPTERS, fixtureAdapter]);
  assert.deepEqual(
    [...withAdapter].filter((k) => !ENRICHING_KINDS.has(k)),
    ['example.io/Snapshotter'],
  );
});

test("the backup systems a runbook may name are the adapters', in table order", () => {
  assert.deepEqual(
    BACKUP_SYSTEMS,
    BACKUP_ADAPTERS.map((a) => a.system),
  );
  assert.match(
    APPLIES_TO_FORMS,
    /backup\/<velero\|volsync\|k8up\|cloudnative-pg\|percona-xtradb\|percona-mongodb\|percona-postgresql\|longhorn\|csi-snapshot>/,
  );
});
