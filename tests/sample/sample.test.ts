/**
 * The sample cluster is internally consistent, as a live cluster's dump would be: references
 * resolve from both sides, controllers and their children agree, nothing points at a missing
 * node, class, service or volume.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  at,
  claimNamesOf,
  find,
  labelsOf,
  loadSample,
  matches,
  ofKind,
  records,
  SAMPLE_DIR,
  type SampleObject,
  sampleFiles,
  stringMap,
  text,
} from './sample-objects.ts';

const objects = loadSample();
const NOW = Date.parse('2026-11-24T06:00:00Z');
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CSIDriver',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
]);
const nodeNames = new Set(ofKind(objects, 'Node').map((n) => n.name));
const pods = ofKind(objects, 'Pod');
const id = (o: SampleObject) => `${o.kind} ${o.namespace ?? ''}/${o.name} (${o.file})`;

describe('sample cluster files', () => {
  it('has one kubectl List per area, each with items', () => {
    assert.deepEqual(sampleFiles(), [
      'apps.yaml',
      'auth.yaml',
      'databases.yaml',
      'media.yaml',
      'minio.yaml',
      'monitoring.yaml',
      'nodes.yaml',
      'rook-ceph.yaml',
      'storage.yaml',
      'velero.yaml',
      'web.yaml',
    ]);
    const files = new Set(objects.map((o) => o.file));
    assert.equal(files.size, 11);
  });

  it('stays between 150 and 300 objects', () => {
    assert.ok(objects.length >= 150 && objects.length <= 300, `${objects.length} objects`);
  });

  it('matches the object counts src/sample/README.md states', () => {
    const readme = readFileSync(join(SAMPLE_DIR, '..', 'README.md'), 'utf8');
    const stated = new Map(
      [...readme.matchAll(/^\| `([a-z-]+\.yaml)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const actual = new Map(sampleFiles().map((f) => [f, objects.filter((o) => o.file === f).length]));
    assert.deepEqual(stated, actual);
    assert.match(readme, new RegExp(`^${objects.length} objects in ${actual.size} files\\.$`, 'm'));
  });

  it('contains no Secret', () => {
    assert.deepEqual(objects.filter((o) => o.kind === 'Secret').map(id), []);
  });

  it('gives every object server-set metadata, a namespace exactly when namespaced, and no future timestamp', () => {
    for (const o of objects) {
      assert.match(o.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, id(o));
      assert.match(text(o.raw, 'metadata', 'resourceVersion') ?? '', /^\d+$/, id(o));
      const created = text(o.raw, 'metadata', 'creationTimestamp') ?? '';
      assert.match(created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, id(o));
      assert.ok(Date.parse(created) <= NOW, `${id(o)} created after now`);
      assert.equal(o.namespace === undefined, CLUSTER_SCOPED.has(o.kind), `${id(o)} namespace`);
    }
  });

  it('gives every object a unique uid and a unique kind/namespace/name', () => {
    const uids = new Map<string, string>();
    const keys = new Set<string>();
    for (const o of objects) {
      assert.equal(uids.get(o.uid), undefined, `${id(o)} reuses the uid of ${uids.get(o.uid)}`);
      uids.set(o.uid, id(o));
      const key = `${o.apiVersion}/${o.kind}/${o.namespace ?? ''}/${o.name}`;
      assert.ok(!keys.has(key), `${key} twice`);
      keys.add(key);
    }
  });

  it('puts every namespaced object in a Namespace the sample defines', () => {
    const namespaces = new Set(ofKind(objects, 'Namespace').map((n) => n.name));
    for (const o of objects) if (o.namespace) assert.ok(namespaces.has(o.namespace), id(o));
  });
});

describe('sample cluster references', () => {
  it('resolves every ownerReference to an object with that apiVersion, kind, name and uid', () => {
    for (const o of objects) {
      const owners = records(at(o.raw, 'metadata', 'ownerReferences'));
      assert.ok(owners.filter((r) => r.controller === true).length <= 1, `${id(o)} has two controllers`);
      for (const ref of owners) {
        const owner = objects.find((c) => c.uid === ref.uid);
        assert.ok(owner, `${id(o)}: owner uid ${String(ref.uid)} not found`);
        assert.equal(owner.kind, ref.kind, id(o));
        assert.equal(owner.name, ref.name, id(o));
        assert.equal(owner.apiVersion, ref.apiVersion, id(o));
        // Namespaced owners must share the dependent's namespace.
        if (owner.namespace !== undefined) assert.equal(owner.namespace, o.namespace, id(o));
        const ownerCreated = Date.parse(text(owner.raw, 'metadata', 'creationTimestamp') ?? '');
        const created = Date.parse(text(o.raw, 'metadata', 'creationTimestamp') ?? '');
        assert.ok(ownerCreated <= created, `${id(o)} is older than its owner ${id(owner)}`);
      }
    }
  });

  it('binds every PV and PVC from both sides', () => {
    const pvs = ofKind(objects, 'PersistentVolume');
    for (const pv of pvs) {
      const ref = at(pv.raw, 'spec', 'claimRef');
      const claim = find(objects, 'PersistentVolumeClaim', text(ref, 'namespace'), text(ref, 'name') ?? '');
      assert.ok(claim, `${id(pv)}: claimRef does not resolve`);
      assert.equal(text(ref, 'uid'), claim.uid, `${id(pv)}: claimRef.uid`);
      assert.equal(text(ref, 'kind'), 'PersistentVolumeClaim');
      assert.equal(text(claim.raw, 'spec', 'volumeName'), pv.name, `${id(claim)}: volumeName`);
      assert.equal(text(pv.raw, 'status', 'phase'), 'Bound', id(pv));
      assert.equal(
        at(pv.raw, 'spec', 'capacity', 'storage'),
        at(claim.raw, 'status', 'capacity', 'storage'),
        id(pv),
      );
    }
    for (const claim of ofKind(objects, 'PersistentVolumeClaim')) {
      assert.equal(text(claim.raw, 'status', 'phase'), 'Bound', id(claim));
      const pv = find(objects, 'PersistentVolume', undefined, text(claim.raw, 'spec', 'volumeName') ?? '');
      assert.ok(pv, `${id(claim)}: volumeName does not resolve`);
      assert.equal(text(pv.raw, 'spec', 'claimRef', 'uid'), claim.uid, `${id(claim)}: PV points elsewhere`);
      assert.equal(
        text(pv.raw, 'spec', 'storageClassName') ?? '',
        text(claim.raw, 'spec', 'storageClassName'),
        id(claim),
      );
    }
  });

  it('creates no claim before its StorageClass, no volume before its claim, no pod before its node', () => {
    const created = (o: SampleObject | undefined) =>
      Date.parse(text(o?.raw, 'metadata', 'creationTimestamp') ?? '');
    for (const claim of ofKind(objects, 'PersistentVolumeClaim')) {
      const className = text(claim.raw, 'spec', 'storageClassName') ?? '';
      const storageClass = find(objects, 'StorageClass', undefined, className);
      if (storageClass)
        assert.ok(created(storageClass) <= created(claim), `${id(claim)} predates ${className}`);
      const pv = find(objects, 'PersistentVolume', undefined, text(claim.raw, 'spec', 'volumeName') ?? '');
      if (className !== '') assert.ok(created(claim) <= created(pv), `the PV of ${id(claim)} predates it`);
    }
    for (const pod of pods) {
      const node = find(objects, 'Node', undefined, text(pod.raw, 'spec', 'nodeName') ?? '');
      assert.ok(created(node) <= created(pod), `${id(pod)} predates its node`);
    }
  });

  it("names a StorageClass in every PVC, or '' for a claim bound by name to a hand-made PV", () => {
    const classes = new Set(ofKind(objects, 'StorageClass').map((c) => c.name));
    for (const claim of ofKind(objects, 'PersistentVolumeClaim')) {
      const name = text(claim.raw, 'spec', 'storageClassName');
      if (name === '') {
        const pv = find(objects, 'PersistentVolume', undefined, text(claim.raw, 'spec', 'volumeName') ?? '');
        assert.equal(
          at(pv?.raw, 'metadata', 'annotations', 'pv.kubernetes.io/provisioned-by'),
          undefined,
          id(claim),
        );
        continue;
      }
      assert.ok(name !== undefined && classes.has(name), `${id(claim)}: class ${String(name)}`);
    }
  });

  it('makes exactly one StorageClass the default', () => {
    const defaults = ofKind(objects, 'StorageClass').filter(
      (c) => at(c.raw, 'metadata', 'annotations', 'storageclass.kubernetes.io/is-default-class') === 'true',
    );
    assert.deepEqual(
      defaults.map((c) => c.name),
      ['ceph-block'],
    );
  });

  it('runs every pod on a Node and points every hostname selector and affinity at a Node', () => {
    for (const pod of pods) assert.ok(nodeNames.has(text(pod.raw, 'spec', 'nodeName') ?? ''), id(pod));
    for (const o of objects) {
      const specs = [at(o.raw, 'spec'), at(o.raw, 'spec', 'template', 'spec')];
      for (const spec of specs) {
        const host = text(spec, 'nodeSelector', 'kubernetes.io/hostname');
        if (host !== undefined) assert.ok(nodeNames.has(host), `${id(o)}: nodeSelector ${host}`);
      }
      const terms = records(at(o.raw, 'spec', 'nodeAffinity', 'required', 'nodeSelectorTerms'));
      for (const expression of terms.flatMap((t) => records(t.matchExpressions))) {
        for (const value of (expression.values as unknown[]) ?? []) {
          assert.ok(nodeNames.has(String(value)), `${id(o)}: nodeAffinity ${String(value)}`);
        }
      }
    }
    for (const pod of pods) {
      const host = text(pod.raw, 'spec', 'nodeSelector', 'kubernetes.io/hostname');
      if (host !== undefined) assert.equal(text(pod.raw, 'spec', 'nodeName'), host, id(pod));
    }
  });

  it('mounts only claims that exist, and runs pods of node-pinned volumes on that node', () => {
    for (const pod of pods) {
      for (const claimName of claimNamesOf(at(pod.raw, 'spec'))) {
        const claim = find(objects, 'PersistentVolumeClaim', pod.namespace, claimName);
        assert.ok(claim, `${id(pod)}: claim ${claimName}`);
        const pv = find(objects, 'PersistentVolume', undefined, text(claim.raw, 'spec', 'volumeName') ?? '');
        const terms = records(at(pv?.raw, 'spec', 'nodeAffinity', 'required', 'nodeSelectorTerms'));
        for (const expression of terms.flatMap((t) => records(t.matchExpressions))) {
          assert.deepEqual(
            expression.values,
            [text(pod.raw, 'spec', 'nodeName')],
            `${id(pod)} runs off its volume's node`,
          );
        }
      }
    }
  });

  it('mounts only ConfigMaps that exist (unless optional)', () => {
    for (const pod of pods) {
      for (const volume of records(at(pod.raw, 'spec', 'volumes'))) {
        const name = text(volume, 'configMap', 'name');
        if (name === undefined || at(volume, 'configMap', 'optional') === true || name === 'kube-root-ca.crt')
          continue;
        assert.ok(find(objects, 'ConfigMap', pod.namespace, name), `${id(pod)}: ConfigMap ${name}`);
      }
    }
  });

  // CloudNativePG always creates `-ro`; with a single instance no pod is a replica, so it selects none.
  const EMPTY_BY_DESIGN = new Set(['auth/authentik-db-ro']);

  it('selects at least one pod with every Service selector', () => {
    for (const service of ofKind(objects, 'Service')) {
      const selector = stringMap(at(service.raw, 'spec', 'selector'));
      if (Object.keys(selector).length === 0) continue;
      const selected = pods.filter(
        (p) => p.namespace === service.namespace && matches(selector, labelsOf(p)),
      );
      const key = `${service.namespace}/${service.name}`;
      if (EMPTY_BY_DESIGN.has(key)) assert.equal(selected.length, 0, `${key} was expected to select nothing`);
      else assert.ok(selected.length > 0, `${id(service)} selects no pod`);
    }
  });

  it('routes every Ingress to an existing Service port', () => {
    for (const ingress of ofKind(objects, 'Ingress')) {
      for (const rule of records(at(ingress.raw, 'spec', 'rules'))) {
        for (const path of records(at(rule, 'http', 'paths'))) {
          const backend = at(path, 'backend', 'service');
          const service = find(objects, 'Service', ingress.namespace, text(backend, 'name') ?? '');
          assert.ok(service, `${id(ingress)}: backend service`);
          const portName = text(backend, 'port', 'name');
          const ports = records(at(service.raw, 'spec', 'ports'));
          assert.ok(
            portName === undefined || ports.some((p) => p.name === portName),
            `${id(ingress)}: port ${portName}`,
          );
        }
      }
    }
  });
});

describe('sample cluster controllers', () => {
  const ownedBy = (owner: SampleObject, kind: string) =>
    ofKind(objects, kind).filter((o) =>
      records(at(o.raw, 'metadata', 'ownerReferences')).some(
        (r) => r.uid === owner.uid && r.controller === true,
      ),
    );

  it('chains Deployment → ReplicaSet → Pods with one pod-template-hash and the desired replica count', () => {
    for (const deployment of ofKind(objects, 'Deployment')) {
      const replicaSets = ownedBy(deployment, 'ReplicaSet');
      assert.equal(replicaSets.length, 1, id(deployment));
      const rs = replicaSets[0]!;
      const hash = labelsOf(rs)['pod-template-hash'];
      assert.equal(rs.name, `${deployment.name}-${hash}`, id(rs));
      const selector = stringMap(at(deployment.raw, 'spec', 'selector', 'matchLabels'));
      const owned = ownedBy(rs, 'Pod');
      assert.equal(owned.length, at(deployment.raw, 'spec', 'replicas'), id(deployment));
      for (const pod of owned) {
        assert.ok(pod.name.startsWith(`${rs.name}-`), id(pod));
        assert.equal(labelsOf(pod)['pod-template-hash'], hash, id(pod));
        assert.ok(matches(selector, labelsOf(pod)), `${id(pod)} escapes its Deployment's selector`);
      }
    }
  });

  it('gives every StatefulSet its pods <sts>-<n> and claims <template>-<sts>-<n>', () => {
    for (const sts of ofKind(objects, 'StatefulSet')) {
      const replicas = at(sts.raw, 'spec', 'replicas');
      assert.equal(typeof replicas, 'number', id(sts));
      const templates = records(at(sts.raw, 'spec', 'volumeClaimTemplates')).map(
        (t) => text(t, 'metadata', 'name') ?? '',
      );
      assert.equal(ownedBy(sts, 'Pod').length, replicas, id(sts));
      for (let i = 0; i < (replicas as number); i++) {
        const pod = find(objects, 'Pod', sts.namespace, `${sts.name}-${i}`);
        assert.ok(pod, `${id(sts)}: pod ${i}`);
        assert.ok(
          records(at(pod.raw, 'metadata', 'ownerReferences')).some((r) => r.uid === sts.uid),
          `${id(pod)} not owned by its StatefulSet`,
        );
        for (const template of templates) {
          const claimName = `${template}-${sts.name}-${i}`;
          assert.ok(
            find(objects, 'PersistentVolumeClaim', sts.namespace, claimName),
            `${id(sts)}: ${claimName}`,
          );
          assert.ok(
            claimNamesOf(at(pod.raw, 'spec')).includes(claimName),
            `${id(pod)} does not mount ${claimName}`,
          );
        }
      }
    }
  });

  it('runs one DaemonSet pod on every node', () => {
    for (const ds of ofKind(objects, 'DaemonSet')) {
      const nodes = ownedBy(ds, 'Pod').map((p) => text(p.raw, 'spec', 'nodeName'));
      assert.deepEqual(nodes.sort(), [...nodeNames].sort(), id(ds));
    }
  });

  it('gives every CloudNativePG Cluster its instance pods and PVCs, owned by the Cluster', () => {
    for (const cluster of ofKind(objects, 'Cluster')) {
      const instances = at(cluster.raw, 'spec', 'instances') as number;
      const hasWal = at(cluster.raw, 'spec', 'walStorage') !== undefined;
      const instanceNodes = new Set<string>();
      for (let n = 1; n <= instances; n++) {
        const pod = find(objects, 'Pod', cluster.namespace, `${cluster.name}-${n}`);
        assert.ok(pod && ownedBy(cluster, 'Pod').includes(pod), `${id(cluster)}: instance ${n}`);
        instanceNodes.add(text(pod.raw, 'spec', 'nodeName') ?? '');
        const expected = hasWal
          ? [`${cluster.name}-${n}`, `${cluster.name}-${n}-wal`]
          : [`${cluster.name}-${n}`];
        for (const claimName of expected) {
          const claim = find(objects, 'PersistentVolumeClaim', cluster.namespace, claimName);
          assert.ok(
            claim && ownedBy(cluster, 'PersistentVolumeClaim').includes(claim),
            `${id(cluster)}: ${claimName}`,
          );
        }
      }
      assert.equal(instanceNodes.size, instances, `${id(cluster)}: instances share a node`);
      for (const suffix of ['rw', 'ro', 'r']) {
        assert.ok(
          find(objects, 'Service', cluster.namespace, `${cluster.name}-${suffix}`),
          `${id(cluster)}: -${suffix}`,
        );
      }
    }
  });

  it('attaches CSI volumes only where a pod mounts them', () => {
    for (const attachment of ofKind(objects, 'VolumeAttachment')) {
      const node = text(attachment.raw, 'spec', 'nodeName') ?? '';
      assert.ok(nodeNames.has(node), id(attachment));
      const pv = find(
        objects,
        'PersistentVolume',
        undefined,
        text(attachment.raw, 'spec', 'source', 'persistentVolumeName') ?? '',
      );
      assert.ok(pv, `${id(attachment)}: PV`);
      assert.equal(
        text(attachment.raw, 'spec', 'attacher'),
        text(pv.raw, 'spec', 'csi', 'driver'),
        id(attachment),
      );
      const claimName = text(pv.raw, 'spec', 'claimRef', 'name') ?? '';
      const namespace = text(pv.raw, 'spec', 'claimRef', 'namespace');
      const user = pods.find(
        (p) =>
          p.namespace === namespace &&
          text(p.raw, 'spec', 'nodeName') === node &&
          claimNamesOf(at(p.raw, 'spec')).includes(claimName),
      );
      assert.ok(user, `${id(attachment)}: no pod on ${node} mounts ${namespace}/${claimName}`);
    }
  });

  it('binds every VolumeSnapshot to its content and source claim', () => {
    for (const snapshot of ofKind(objects, 'VolumeSnapshot')) {
      const source = text(snapshot.raw, 'spec', 'source', 'persistentVolumeClaimName') ?? '';
      const claim = find(objects, 'PersistentVolumeClaim', snapshot.namespace, source);
      assert.ok(claim, id(snapshot));
      const content = find(
        objects,
        'VolumeSnapshotContent',
        undefined,
        text(snapshot.raw, 'status', 'boundVolumeSnapshotContentName') ?? '',
      );
      assert.ok(content, `${id(snapshot)}: content`);
      assert.equal(text(content.raw, 'spec', 'volumeSnapshotRef', 'uid'), snapshot.uid);
      const pv = find(objects, 'PersistentVolume', undefined, text(claim.raw, 'spec', 'volumeName') ?? '');
      assert.equal(
        text(content.raw, 'spec', 'source', 'volumeHandle'),
        text(pv?.raw, 'spec', 'csi', 'volumeHandle'),
      );
      const snapshotClass = text(snapshot.raw, 'spec', 'volumeSnapshotClassName') ?? '';
      assert.ok(find(objects, 'VolumeSnapshotClass', undefined, snapshotClass), `${id(snapshot)}: class`);
    }
  });

  it('stores every Ceph volume in a pool the cluster defines', () => {
    const blockPools = new Set(ofKind(objects, 'CephBlockPool').map((p) => p.name));
    const fsPools = new Set(
      ofKind(objects, 'CephFilesystem').flatMap((fs) =>
        records(at(fs.raw, 'spec', 'dataPools')).map((p) => `${fs.name}-${text(p, 'name')}`),
      ),
    );
    for (const pv of ofKind(objects, 'PersistentVolume')) {
      const attributes = stringMap(at(pv.raw, 'spec', 'csi', 'volumeAttributes'));
      if (attributes.imageName !== undefined) {
        assert.ok(blockPools.has(attributes.pool ?? ''), `${id(pv)}: pool`);
        if (attributes.dataPool) assert.ok(blockPools.has(attributes.dataPool), `${id(pv)}: dataPool`);
      }
      if (attributes.subvolumeName !== undefined)
        assert.ok(fsPools.has(attributes.pool ?? ''), `${id(pv)}: fs pool`);
    }
    for (const sc of ofKind(objects, 'StorageClass')) {
      const parameters = stringMap(sc.raw.parameters);
      if (parameters.fsName !== undefined) assert.ok(fsPools.has(parameters.pool ?? ''), id(sc));
      else if (parameters.pool !== undefined) assert.ok(blockPools.has(parameters.pool), id(sc));
    }
  });

  it('runs one OSD Deployment per CephCluster device, on that device node, with matching ids', () => {
    const cluster = ofKind(objects, 'CephCluster')[0];
    assert.ok(cluster);
    const devices = records(at(cluster.raw, 'spec', 'storage', 'nodes')).flatMap((n) =>
      records(n.devices).map(() => text(n, 'name')),
    );
    const osds = ofKind(objects, 'Deployment').filter((d) => labelsOf(d).app === 'rook-ceph-osd');
    assert.equal(osds.length, devices.length);
    for (const osd of osds) {
      const labels = labelsOf(osd);
      const spec = at(osd.raw, 'spec', 'template', 'spec');
      const env = records(at(spec, 'containers', 0, 'env'));
      const value = (name: string) =>
        text(
          env.find((e) => e.name === name),
          'value',
        );
      assert.equal(osd.name, `rook-ceph-osd-${labels['ceph-osd-id']}`);
      assert.equal(value('ROOK_OSD_ID'), labels['ceph-osd-id'], id(osd));
      assert.equal(
        text(spec, 'nodeSelector', 'kubernetes.io/hostname'),
        labels['topology-location-host'],
        id(osd),
      );
      assert.equal(value('ROOK_CLUSTER_ID'), cluster.uid, id(osd));
      assert.ok(value('ROOK_BLOCK_PATH')?.startsWith('/dev/'), id(osd));
    }
  });
});
