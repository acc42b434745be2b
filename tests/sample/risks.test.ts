/**
 * The sample exists to show the incident it is modelled on; these tests pin the deliberate risks
 * (see src/sample/README.md) so a later edit cannot quietly make the demo harmless.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  at,
  claimNamesOf,
  envOf,
  find,
  labelsOf,
  loadSample,
  ofKind,
  records,
  type SampleObject,
  stringMap,
  text,
} from './sample-objects.ts';

const objects = loadSample();
const NOW = Date.parse('2026-11-24T06:00:00Z');
const HOUR = 3_600_000;

function must(kind: string, namespace: string | undefined, name: string): SampleObject {
  const found = find(objects, kind, namespace, name);
  assert.ok(found, `${kind} ${namespace ?? ''}/${name} is missing`);
  return found;
}

function classOf(namespace: string, claim: string): string | undefined {
  return text(must('PersistentVolumeClaim', namespace, claim).raw, 'spec', 'storageClassName');
}

describe('the volatile device name', () => {
  const cluster = must('CephCluster', 'rook-ceph', 'rook-ceph');
  const devices = records(at(cluster.raw, 'spec', 'storage', 'nodes')).flatMap((n) =>
    records(n.devices).map((d) => ({ node: text(n, 'name'), name: text(d, 'name') ?? '' })),
  );

  it('lists k8s-2 disk by its kernel name sdc, every other disk by id', () => {
    assert.deepEqual(
      devices.filter((d) => !d.name.startsWith('/dev/disk/by-id/')),
      [{ node: 'k8s-2', name: 'sdc' }],
    );
  });

  it('runs osd.3 in raw mode on /dev/sdc on k8s-2', () => {
    const spec = at(must('Deployment', 'rook-ceph', 'rook-ceph-osd-3').raw, 'spec', 'template', 'spec');
    assert.equal(envOf(spec, 'osd', 'ROOK_BLOCK_PATH'), '/dev/sdc');
    assert.equal(envOf(spec, 'osd', 'ROOK_CV_MODE'), 'raw');
    assert.equal(text(spec, 'nodeSelector', 'kubernetes.io/hostname'), 'k8s-2');
  });

  it('reports the Ceph cluster healthy: the risk is latent', () => {
    assert.equal(text(cluster.raw, 'status', 'ceph', 'health'), 'HEALTH_OK');
  });
});

describe('low-redundancy pools', () => {
  const pool = (name: string) => must('CephBlockPool', 'rook-ceph', name).raw;

  it('has a size-1 scratch pool behind ceph-scratch', () => {
    assert.equal(at(pool('scratch'), 'spec', 'replicated', 'size'), 1);
    const sc = must('StorageClass', undefined, 'ceph-scratch');
    assert.equal(stringMap(sc.raw.parameters).pool, 'scratch');
  });

  it('puts the Percona datadirs, the pg-main WAL and Authentik Redis on ceph-scratch', () => {
    for (const n of [0, 1, 2])
      assert.equal(classOf('databases', `datadir-pxc-main-pxc-${n}`), 'ceph-scratch');
    for (const n of [1, 2, 3]) {
      assert.equal(classOf('databases', `pg-main-${n}`), 'ceph-block');
      assert.equal(classOf('databases', `pg-main-${n}-wal`), 'ceph-scratch');
    }
    assert.equal(classOf('auth', 'data-authentik-redis-0'), 'ceph-scratch');
  });

  it('has an erasure-coded 2+1 pool used as dataPool by ceph-ec, with a replicated metadata pool', () => {
    assert.deepEqual(at(pool('ec-data'), 'spec', 'erasureCoded'), { codingChunks: 1, dataChunks: 2 });
    assert.equal(at(pool('ec-metadata'), 'spec', 'replicated', 'size'), 3);
    const parameters = stringMap(must('StorageClass', undefined, 'ceph-ec').raw.parameters);
    assert.equal(parameters.dataPool, 'ec-data');
    assert.equal(parameters.pool, 'ec-metadata');
    assert.equal(classOf('apps', 'bookstack-uploads'), 'ceph-ec');
  });

  it('keeps replicapool at size 3 across hosts on ssd OSDs only', () => {
    assert.equal(at(pool('replicapool'), 'spec', 'replicated', 'size'), 3);
    assert.equal(text(pool('replicapool'), 'spec', 'failureDomain'), 'host');
    assert.equal(text(pool('replicapool'), 'spec', 'deviceClass'), 'ssd');
    const nvme = ofKind(objects, 'Deployment').filter((d) => labelsOf(d)['device-class'] === 'nvme');
    assert.deepEqual(
      nvme.map((d) => d.name),
      ['rook-ceph-osd-1', 'rook-ceph-osd-5'],
    );
  });
});

describe('Authentik and what depends on it', () => {
  it('runs authentik-db as one instance with no backup', () => {
    const db = must('Cluster', 'auth', 'authentik-db').raw;
    assert.equal(at(db, 'spec', 'instances'), 1);
    assert.equal(at(db, 'spec', 'backup'), undefined);
    assert.equal(at(db, 'status', 'lastSuccessfulBackup'), undefined);
    assert.equal(classOf('auth', 'authentik-db-1'), 'ceph-block');
  });

  it('points Authentik at its database and Redis by service name', () => {
    const pod = ofKind(objects, 'Pod').find((p) => p.name.startsWith('authentik-server-'));
    assert.ok(pod);
    const spec = at(pod.raw, 'spec');
    assert.equal(
      envOf(spec, 'server', 'AUTHENTIK_POSTGRESQL__HOST'),
      'authentik-db-rw.auth.svc.cluster.local',
    );
    assert.equal(envOf(spec, 'server', 'AUTHENTIK_REDIS__HOST'), 'authentik-redis.auth.svc');
    must('Service', 'auth', 'authentik-db-rw');
    must('Service', 'auth', 'authentik-redis');
  });

  it('puts paperless behind Authentik with nginx auth-url and grafana with a Traefik forwardAuth middleware', () => {
    const annotations = stringMap(at(must('Ingress', 'apps', 'paperless').raw, 'metadata', 'annotations'));
    assert.match(
      annotations['nginx.ingress.kubernetes.io/auth-url'] ?? '',
      /^http:\/\/authentik-server\.auth\.svc\.cluster\.local:9000\//,
    );
    assert.ok(annotations['nginx.ingress.kubernetes.io/auth-signin']);
    const grafana = stringMap(at(must('Ingress', 'monitoring', 'grafana').raw, 'metadata', 'annotations'));
    assert.equal(
      grafana['traefik.ingress.kubernetes.io/router.middlewares'],
      'monitoring-authentik@kubernetescrd',
    );
    const middleware = must('Middleware', 'monitoring', 'authentik');
    assert.match(text(middleware.raw, 'spec', 'forwardAuth', 'address') ?? '', /authentik-server\.auth\.svc/);
  });

  it('points the apps at the shared databases by service name', () => {
    const envOfApp = (prefix: string, container: string, name: string) => {
      const pod = ofKind(objects, 'Pod').find((p) => p.namespace === 'apps' && p.name.startsWith(prefix));
      return envOf(at(pod?.raw, 'spec'), container, name);
    };
    assert.equal(
      envOfApp('paperless-', 'paperless', 'PAPERLESS_DBHOST'),
      'pg-main-rw.databases.svc.cluster.local',
    );
    assert.equal(envOfApp('bookstack-', 'bookstack', 'DB_HOST'), 'pxc-main-haproxy.databases');
    must('Service', 'databases', 'pg-main-rw');
    must('Service', 'databases', 'pxc-main-haproxy');
  });
});

describe('backups', () => {
  it('archives pg-main off-site with a fresh backup and working WAL archiving', () => {
    const pg = must('Cluster', 'databases', 'pg-main').raw;
    const endpoint = text(pg, 'spec', 'backup', 'barmanObjectStore', 'endpointURL') ?? '';
    assert.equal(endpoint, 'https://s3.eu-central-003.backblazeb2.com');
    const last = Date.parse(text(pg, 'status', 'lastSuccessfulBackup') ?? '');
    assert.ok(NOW - last < 24 * HOUR, 'pg-main backup is not recent');
    const archiving = records(at(pg, 'status', 'conditions')).find((c) => c.type === 'ContinuousArchiving');
    assert.equal(archiving?.status, 'True');
    assert.ok(ofKind(objects, 'Backup').filter((b) => b.namespace === 'databases').length >= 2);
  });

  it('backs pxc-main up into the in-cluster MinIO, whose volume is on Ceph, and its last success is days old', () => {
    const storages = at(
      must('PerconaXtraDBCluster', 'databases', 'pxc-main').raw,
      'spec',
      'backup',
      'storages',
      'minio',
    );
    assert.equal(text(storages, 's3', 'endpointUrl'), 'http://minio.minio.svc.cluster.local:9000');
    assert.equal(classOf('minio', 'data-minio-0'), 'ceph-block');
    const backups = ofKind(objects, 'PerconaXtraDBClusterBackup');
    const succeeded = backups
      .filter((b) => text(b.raw, 'status', 'state') === 'Succeeded')
      .map((b) => Date.parse(text(b.raw, 'status', 'completed') ?? ''));
    assert.ok(succeeded.length > 0);
    assert.ok(NOW - Math.max(...succeeded) > 3 * 24 * HOUR, 'pxc-main was meant to be stale');
    assert.ok(backups.some((b) => text(b.raw, 'status', 'state') === 'Failed'));
  });

  it('stores Velero backups in the in-cluster MinIO, one completed and one partially failed', () => {
    const location = must('BackupStorageLocation', 'velero', 'default').raw;
    assert.equal(text(location, 'spec', 'config', 's3Url'), 'http://minio.minio.svc.cluster.local:9000');
    assert.equal(text(location, 'status', 'phase'), 'Available');
    const schedule = must('Schedule', 'velero', 'daily').raw;
    assert.deepEqual(at(schedule, 'spec', 'template', 'includedNamespaces'), ['apps', 'web', 'auth']);
    assert.equal(at(schedule, 'spec', 'template', 'defaultVolumesToFsBackup'), true);
    const phases = ofKind(objects, 'Backup')
      .filter((b) => b.namespace === 'velero')
      .map((b) => text(b.raw, 'status', 'phase'));
    assert.ok(phases.includes('Completed') && phases.includes('PartiallyFailed'), String(phases));
  });

  it('protects the Jellyfin config only with a ready CSI snapshot, and its media lives on NFS', () => {
    const snapshot = ofKind(objects, 'VolumeSnapshot').find(
      (s) => text(s.raw, 'spec', 'source', 'persistentVolumeClaimName') === 'jellyfin-config',
    );
    assert.equal(at(snapshot?.raw, 'status', 'readyToUse'), true);
    const pv = must('PersistentVolume', undefined, 'jellyfin-media-nfs').raw;
    assert.deepEqual(at(pv, 'spec', 'nfs'), { path: '/export/media', server: '192.168.1.10' });
    assert.equal(labelsOf(must('Namespace', undefined, 'media'))['tierbook.io/tier'], '2');
  });
});

describe('what survived', () => {
  it('pins Prometheus and Loki to k8s-3 on local-path host paths', () => {
    for (const [claim, pod] of [
      ['prometheus-data-prometheus-0', 'prometheus-0'],
      ['storage-loki-0', 'loki-0'],
    ] as const) {
      assert.equal(classOf('monitoring', claim), 'local-path');
      const pvName = text(must('PersistentVolumeClaim', 'monitoring', claim).raw, 'spec', 'volumeName') ?? '';
      const pv = must('PersistentVolume', undefined, pvName).raw;
      assert.match(text(pv, 'spec', 'hostPath', 'path') ?? '', /^\/opt\/local-path-provisioner\//);
      assert.equal(at(pv, 'metadata', 'annotations', 'local.path.provisioner/selected-node'), 'k8s-3');
      assert.equal(text(must('Pod', 'monitoring', pod).raw, 'spec', 'nodeName'), 'k8s-3');
    }
  });

  it('keeps the web sites free of volumes and auth', () => {
    const webPods = ofKind(objects, 'Pod').filter((p) => p.namespace === 'web');
    assert.equal(webPods.length, 3);
    for (const pod of webPods) assert.deepEqual(claimNamesOf(at(pod.raw, 'spec')), []);
    for (const ingress of ofKind(objects, 'Ingress').filter((i) => i.namespace === 'web')) {
      const annotations = Object.keys(stringMap(at(ingress.raw, 'metadata', 'annotations')));
      assert.ok(!annotations.some((a) => a.includes('auth') || a.includes('middlewares')), ingress.name);
    }
  });
});
