/**
 * Operator resources read from manifests alone: the claims each spec asks for are modelled
 * (docs/blast.md, "Operators read from manifests"), and real objects, when read, win. Inputs are
 * hand-written YAML in the shapes of the corpus's CloudNativePG samples and Percona/Crunchy
 * deploy/cr.yaml files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { buildGraph } from '../../src/core/graph/build.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import type { KubeObject, SourceItem } from '../../src/core/model.ts';

function graphOf(yaml: string): Graph {
  const items = parseAllDocuments(yaml).map(
    (doc, i): SourceItem => ({
      object: doc.toJSON() as KubeObject,
      from: { file: 'test.yaml', line: i + 1 },
    }),
  );
  return buildGraph(items);
}

/** Modelled claims as `name class` (class from the uses-class edge, else classFrom). */
function modelled(graph: Graph): string[] {
  return graph.nodes
    .filter((n) => n.kind === 'PersistentVolumeClaim' && typeof n.attrs.modelled === 'string')
    .map((n) => {
      const cls = graph.edges
        .find((e) => e.from === n.id && e.type === 'uses-class')
        ?.to.split('/')
        .pop();
      return `${n.name} ${cls ?? String(n.attrs.classFrom)}`;
    })
    .sort();
}

const CNPG = `
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: pg, namespace: db}
spec:
  instances: 2
  storage:
    storageClass: fast
    pvcTemplate: {storageClassName: slow, resources: {requests: {storage: 1Gi}}}
  walStorage:
    pvcTemplate: {storageClassName: slow}
  tablespaces:
  - name: _Big_Tables
    storage: {size: 2Gi}
`;

test('CloudNativePG: data, WAL and tablespace claims per instance; storageClass over pvcTemplate', () => {
  assert.deepEqual(modelled(graphOf(CNPG)), [
    'pg-1 fast',
    'pg-1-tbs-1big-tables unknown',
    'pg-1-wal slow',
    'pg-2 fast',
    'pg-2-tbs-1big-tables unknown',
    'pg-2-wal slow',
  ]);
});

test('the default StorageClass places a claim whose spec names none', () => {
  const graph = graphOf(`${CNPG}---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: rancher.io/local-path
`);
  assert.ok(modelled(graph).includes('pg-1-tbs-1big-tables standard'));
  const edge = graph.edges.find((e) => e.from.endsWith('/pg-1-tbs-1big-tables') && e.type === 'uses-class');
  assert.equal(edge?.why, 'spec.tablespaces[0].storage names no class: the cluster default standard applies');
});

test('real objects win: a PVC with the cluster label, or with a name the operator gives, stops the model', () => {
  const labelled = `${CNPG}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pg-7, namespace: db, labels: {cnpg.io/cluster: pg}}
spec: {storageClassName: fast}
`;
  assert.deepEqual(modelled(graphOf(labelled)), []);
  const named = `${CNPG}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pg-2, namespace: db}
spec: {storageClassName: fast}
`;
  assert.deepEqual(modelled(graphOf(named)), []);
  // Same name in another namespace is not this cluster's.
  assert.equal(modelled(graphOf(named.replace('namespace: db}\nspec', 'namespace: other}\nspec'))).length, 6);
});

test('Percona XtraDB: datadir claims from 0; a size not set is one instance, said so', () => {
  const graph = graphOf(`
apiVersion: pxc.percona.com/v1
kind: PerconaXtraDBCluster
metadata: {name: main, namespace: db}
spec:
  pxc:
    volumeSpec:
      persistentVolumeClaim:
        annotations: {volume.beta.kubernetes.io/storage-class: legacy}
        resources: {requests: {storage: 6G}}
`);
  assert.deepEqual(modelled(graph), ['datadir-main-pxc-0 legacy']);
  const node = graph.nodes.find((n) => n.name === 'datadir-main-pxc-0');
  assert.match(String(node?.attrs.modelled), /1 instance \(spec\.pxc\.size not set: 1 assumed\)/);
  assert.equal(node?.attrs.requested, '6G');
});

test('Percona XtraDB with emptyDir makes no claim', () => {
  const graph = graphOf(`
apiVersion: pxc.percona.com/v1
kind: PerconaXtraDBCluster
metadata: {name: main, namespace: db}
spec: {pxc: {size: 3, volumeSpec: {emptyDir: {}}}}
`);
  assert.deepEqual(modelled(graph), []);
});

test('Percona MongoDB: every replica set, hidden and non-voting members, config servers when sharded', () => {
  const graph = graphOf(`
apiVersion: psmdb.percona.com/v1
kind: PerconaServerMongoDB
metadata: {name: m, namespace: db}
spec:
  replsets:
  - name: rs0
    size: 2
    volumeSpec: {persistentVolumeClaim: {storageClassName: a}}
    hidden:
      enabled: true
      size: 1
      volumeSpec: {persistentVolumeClaim: {storageClassName: b}}
    nonvoting:
      enabled: false
      size: 3
      volumeSpec: {persistentVolumeClaim: {storageClassName: c}}
  sharding:
    enabled: true
    configsvrReplSet:
      size: 1
      volumeSpec: {persistentVolumeClaim: {storageClassName: d}}
`);
  assert.deepEqual(modelled(graph), [
    'mongod-data-m-cfg-0 d',
    'mongod-data-m-rs0-0 a',
    'mongod-data-m-rs0-1 a',
    'mongod-data-m-rs0-hidden-0 b',
  ]);
});

test('Crunchy PostgresCluster: data and WAL claims per replica of each instance set', () => {
  const graph = graphOf(`
apiVersion: postgres-operator.crunchydata.com/v1beta1
kind: PostgresCluster
metadata: {name: hippo, namespace: db}
spec:
  instances:
  - name: set1
    replicas: 2
    dataVolumeClaimSpec: {storageClassName: a}
    walVolumeClaimSpec: {storageClassName: b}
  - dataVolumeClaimSpec: {storageClassName: c}
`);
  assert.deepEqual(modelled(graph), [
    'hippo-pgdata-0 c',
    'hippo-set1-pgdata-0 a',
    'hippo-set1-pgdata-1 a',
    'hippo-set1-pgwal-0 b',
    'hippo-set1-pgwal-1 b',
  ]);
});

test('a resource that owns something read is not modelled (a Percona StatefulSet speaks for it)', () => {
  const graph = graphOf(`
apiVersion: psmdb.percona.com/v1
kind: PerconaServerMongoDB
metadata: {name: m, namespace: db}
spec:
  replsets:
  - name: rs0
    size: 3
    volumeSpec: {persistentVolumeClaim: {storageClassName: a}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: m-rs0
  namespace: db
  ownerReferences: [{apiVersion: psmdb.percona.com/v1, kind: PerconaServerMongoDB, name: m}]
spec:
  replicas: 3
  template: {spec: {containers: [{name: mongod, image: percona/percona-server-mongodb:8.0}]}}
  volumeClaimTemplates:
  - metadata: {name: mongod-data}
    spec: {storageClassName: z}
`);
  // Only the StatefulSet's template claims, on its class z: none from the resource's spec.
  assert.deepEqual(modelled(graph), [
    'mongod-data-m-rs0-0 z',
    'mongod-data-m-rs0-1 z',
    'mongod-data-m-rs0-2 z',
  ]);
});
