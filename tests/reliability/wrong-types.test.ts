/**
 * Wrong-typed input (issue 11): a field tierbook reads, set to the wrong type (a string where a
 * mapping is, a number where a list is, a mapping where a string is…), must never read as
 * "absent". On a kind the analysis stands on it is an error naming file, object and field (exit 2);
 * on a kind that only enriches (backups, snapshots) the object is left out and a problem is recorded
 * on it. The committed sample cluster (src/sample/cluster) is the input; each row mutates one field
 * of one of its objects and runs the whole inventory pipeline (graph, analysis, checks, blast).
 */
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { InputError } from '../../src/core/errors.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import type { Dangling } from '../../src/core/graph/model.ts';
import type { SourceItem, SourceResult } from '../../src/core/model.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { inventoryFrom } from '../support/pipeline.ts';
import { isClean, NOW, SAMPLE, scratch, tierbook } from './support.ts';

/** Never quoted back: the messages name types, not values. */
const CANARY = 'WRONG-TYPE-CANARY';

type Expect = 'error' | 'problem';

interface Mutation {
  /** The input read: the sample cluster unless said. */
  input?: string;
  /** `Kind namespace/name` (cluster-scoped: `Kind name`) of an object in it. */
  object: string;
  path: string;
  expect: Expect;
}

/** A wrong type for what is there: a string for a mapping, a number for a list, a list for a scalar… */
function wrongFor(value: unknown): unknown {
  if (Array.isArray(value)) return 7;
  if (typeof value === 'object' && value !== null) return CANARY;
  if (typeof value === 'string') return { canary: CANARY };
  return [CANARY];
}

const E: Expect = 'error';
const P: Expect = 'problem';
const PAPERLESS = 'Deployment apps/paperless';
const PG = 'Cluster databases/pg-main';
const PXC = 'PerconaXtraDBCluster databases/pxc-main';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Longhorn Node objects in both shapes (v1beta2 condition lists, v1beta1 condition maps). */
const LONGHORN_NODES = join(FIXTURES, 'blast', 'longhorn-schedulable-nodes', 'cluster.yaml');
/** Hand-made backup objects in the shapes of each system's API (see each file's header). */
const BACKUPS = (system: string) => join(FIXTURES, 'backups', system, 'live.yaml');

/** Fields tierbook reads, over the kinds it reads (the readers in src/core/graph). */
const MUTATIONS: readonly Mutation[] = [
  // PersistentVolumeClaim: its class, its volume, its size.
  ...['spec', 'spec.storageClassName', 'spec.volumeName', 'spec.resources', 'spec.resources.requests']
    .concat(['spec.accessModes', 'spec.accessModes[0]', 'status', 'status.capacity'])
    .map((path) => ({ object: 'PersistentVolumeClaim apps/paperless-data', path, expect: E })),
  // PersistentVolume: a Ceph CSI volume, and a node-pinned local-path volume.
  ...['spec', 'spec.csi', 'spec.csi.driver', 'spec.claimRef', 'spec.capacity']
    .concat(['spec.storageClassName', 'spec.csi.volumeAttributes'])
    .map((path) => ({
      object: 'PersistentVolume pvc-11e4f8d1-b171-4497-a8c4-22fccb00c9a3',
      path,
      expect: E,
    })),
  ...['spec.nodeAffinity', 'spec.nodeAffinity.required', 'spec.nodeAffinity.required.nodeSelectorTerms']
    .concat(['spec.nodeAffinity.required.nodeSelectorTerms[0]', 'spec.hostPath'])
    .concat(['spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]'])
    .map((path) => ({
      object: 'PersistentVolume pvc-abbd0a76-d834-4050-8e1f-d6ffefa685a5',
      path,
      expect: E,
    })),
  { object: 'StorageClass ceph-block', path: 'parameters', expect: E },
  { object: 'StorageClass ceph-block', path: 'parameters.pool', expect: E },
  { object: 'StorageClass ceph-block', path: 'provisioner', expect: E },
  // Workloads: the pod template and what it mounts.
  ...['spec', 'spec.template', 'spec.template.spec', 'spec.template.spec.volumes']
    .concat(['spec.template.spec.volumes[0]', 'spec.template.spec.volumes[0].persistentVolumeClaim'])
    .concat(['spec.template.spec.containers', 'spec.template.spec.containers[0]'])
    .concat(['spec.template.spec.containers[0].env', 'spec.template.metadata', 'spec.replicas'])
    .map((path) => ({ object: PAPERLESS, path, expect: E })),
  ...['spec.volumeClaimTemplates', 'spec.volumeClaimTemplates[0]', 'spec.volumeClaimTemplates[0].spec']
    .concat(['spec.volumeClaimTemplates[0].metadata'])
    .map((path) => ({ object: 'StatefulSet minio/minio', path, expect: E })),
  { object: 'ReplicaSet apps/paperless-69mmqp27s5', path: 'spec.template', expect: E },
  { object: 'DaemonSet velero/node-agent', path: 'spec.template.spec.volumes', expect: E },
  ...['spec', 'spec.volumes', 'spec.volumes[0].persistentVolumeClaim', 'spec.nodeName', 'status']
    .concat(['status.conditions', 'status.conditions[0]'])
    .map((path) => ({ object: 'Pod apps/paperless-69mmqp27s5-mcclg', path, expect: E })),
  // Operators: CloudNativePG and Percona clusters are workloads; their backup config is theirs.
  ...['spec', 'spec.backup', 'spec.backup.barmanObjectStore', 'spec.storage', 'spec.walStorage']
    .concat(['spec.instances', 'status'])
    .map((path) => ({ object: PG, path, expect: E })),
  ...['spec.pxc', 'spec.pxc.volumeSpec', 'spec.backup', 'spec.backup.storages', 'spec.backup.schedule'].map(
    (path) => ({ object: PXC, path, expect: E }),
  ),
  // Ceph: pools, the cluster's OSD layout and health, the filesystem's pools.
  ...['spec', 'spec.replicated', 'spec.replicated.size', 'spec.failureDomain'].map((path) => ({
    object: 'CephBlockPool rook-ceph/replicapool',
    path,
    expect: E,
  })),
  ...['spec.storage', 'spec.storage.nodes', 'status', 'status.ceph'].map((path) => ({
    object: 'CephCluster rook-ceph/rook-ceph',
    path,
    expect: E,
  })),
  ...['spec.dataPools', 'spec.dataPools[0]', 'spec.metadataPool'].map((path) => ({
    object: 'CephFilesystem rook-ceph/ceph-filesystem',
    path,
    expect: E,
  })),
  // Nodes, Services, Ingresses, ConfigMaps, VolumeAttachments: placement and dependencies.
  { object: 'Node k8s-1', path: 'status', expect: E },
  { object: 'Node k8s-1', path: 'status.conditions', expect: E },
  { object: 'Node k8s-1', path: 'status.conditions[0]', expect: E },
  { object: 'Service apps/paperless', path: 'spec', expect: E },
  { object: 'Service apps/paperless', path: 'spec.selector', expect: E },
  { object: 'Ingress apps/paperless', path: 'spec.rules', expect: E },
  { object: 'Ingress apps/paperless', path: 'spec.rules[0].http', expect: E },
  { object: 'ConfigMap monitoring/grafana-datasources', path: 'data', expect: E },
  // Backups and snapshots only enrich: the object is left out, with a problem recorded on it.
  ...['spec', 'spec.template', 'spec.template.includedNamespaces', 'spec.template.includedNamespaces[0]']
    .concat(['status'])
    .map((path) => ({
      object: 'Schedule velero/daily',
      path,
      expect: P,
    })),
  { object: 'Backup velero/daily-20261124020012', path: 'status', expect: P },
  { object: 'BackupStorageLocation velero/default', path: 'spec.config', expect: P },
  { object: 'BackupStorageLocation velero/default', path: 'spec.objectStorage', expect: P },
  { object: 'ScheduledBackup databases/pg-main-daily', path: 'spec.cluster', expect: P },
  { object: 'Backup databases/pg-main-daily-20261124030000', path: 'spec', expect: P },
  { object: 'VolumeSnapshot media/jellyfin-config-20261110', path: 'spec.source', expect: P },
  { object: 'VolumeSnapshot media/jellyfin-config-20261110', path: 'status', expect: P },
  // Longhorn: which nodes may hold replicas, and which do.
  ...['spec.disks', 'spec.disks.default-disk-node-a', 'status.conditions', 'status.conditions[0]']
    .concat(['status.diskStatus', 'status.diskStatus.default-disk-node-a.scheduledReplica'])
    .map((path) => ({ input: LONGHORN_NODES, object: 'Node longhorn-system/node-a', path, expect: E })),
  {
    input: LONGHORN_NODES,
    object: 'Node longhorn-system/node-c',
    path: 'status.conditions.Schedulable',
    expect: E,
  },
  ...['spec', 'spec.numberOfReplicas'].map((path) => ({
    input: LONGHORN_NODES,
    object: 'Volume longhorn-system/pvc-cc000000-0000-4000-8000-000000000001',
    path,
    expect: E,
  })),
  // The other backup systems, which only enrich.
  ...['spec.backend', 'spec.backup'].map((path) => ({
    input: BACKUPS('k8up'),
    object: 'Schedule cloud/nightly',
    path,
    expect: P,
  })),
  {
    input: BACKUPS('k8up'),
    object: 'Backup cloud/nightly-backup-20261124',
    path: 'status.conditions',
    expect: P,
  },
  ...['spec.trigger', 'spec.restic', 'status.latestMoverStatus'].map((path) => ({
    input: BACKUPS('volsync'),
    object: 'ReplicationSource home/home-assistant-r2',
    path,
    expect: P,
  })),
  ...['spec', 'spec.groups', 'spec.groups[0]'].map((path) => ({
    input: BACKUPS('longhorn'),
    object: 'RecurringJob longhorn-system/backup-daily',
    path,
    expect: P,
  })),
  { input: BACKUPS('longhorn'), object: 'BackupTarget longhorn-system/default', path: 'spec', expect: P },
];

type Outcome =
  | { kind: 'error'; error: InputError }
  | { kind: 'problem'; problem: Dangling }
  | { kind: 'silent' };

function labelOf(item: SourceItem): string {
  const { kind, metadata } = item.object;
  return `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
}

/** `spec.volumes[0].name` → ['spec', 'volumes', 0, 'name']. */
function steps(path: string): (string | number)[] {
  return path.split('.').flatMap((segment) => {
    const [name = '', ...indexes] = segment.split('[');
    return [...(name ? [name] : []), ...indexes.map((i) => Number(i.slice(0, -1)))];
  });
}

/** The object with `path` set to a wrong type for what is there now (which must exist). */
function mutate(item: SourceItem, path: string): SourceItem {
  const object = structuredClone(item.object);
  const keys = steps(path);
  let parent: Record<string | number, unknown> = object;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = keys.at(-1) as string | number;
  assert.ok(parent && parent[last] !== undefined, `${labelOf(item)} has no ${path} to mutate`);
  parent[last] = wrongFor(parent[last]);
  return { object, from: item.from };
}

/** Runs the whole inventory pipeline; a problem counts only if it is on that object and field. */
async function outcomeOf(
  source: SourceResult,
  items: SourceItem[],
  on: { id: string; field: string },
): Promise<Outcome> {
  try {
    const inventory = await inventoryFrom({ ...source, items }, { cluster: 'sample', now: NOW });
    const problem = inventory.graph.dangling.find((d) => d.object === on.id && d.field === on.field);
    return problem ? { kind: 'problem', problem } : { kind: 'silent' };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'error', error };
    throw error;
  }
}

function nodeIdOf(item: SourceItem): string {
  const { apiVersion, kind, metadata } = item.object;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : 'core';
  return `${group}/${kind}/${metadata.namespace ?? ''}/${metadata.name}`;
}

describe('wrong-typed fields are never read as absent (whole pipeline)', () => {
  const sources = new Map<string, SourceResult>();
  const tally = { error: 0, problem: 0, silent: 0 };
  before(async () => {
    for (const input of new Set(MUTATIONS.map((m) => m.input ?? SAMPLE)))
      sources.set(input, keepKnownKinds(await readOffline([input])));
  });
  after(() => {
    process.stdout.write(
      `# wrong-type mutations: ${MUTATIONS.length}: ${tally.error} errors, ${tally.problem} recorded problems, ${tally.silent} silently accepted\n`,
    );
  });

  test('the mutation list covers the kinds tierbook reads, each field once', () => {
    assert.ok(MUTATIONS.length >= 50, `${MUTATIONS.length} mutations`);
    const keys = MUTATIONS.map((m) => `${m.object} ${m.path}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  for (const mutation of MUTATIONS) {
    test(`${mutation.object}: ${mutation.path} of the wrong type is ${mutation.expect === 'error' ? 'an error' : 'a recorded problem'}`, async () => {
      const source = sources.get(mutation.input ?? SAMPLE) as SourceResult;
      const index = source.items.findIndex((item) => labelOf(item) === mutation.object);
      assert.ok(index >= 0, `${mutation.object} is not in the input`);
      const item = source.items[index] as SourceItem;
      const items = source.items.slice();
      items[index] = mutate(item, mutation.path);
      const outcome = await outcomeOf(source, items, { id: nodeIdOf(item), field: mutation.path });
      tally[outcome.kind]++;
      if (outcome.kind === 'silent') assert.fail(`${mutation.path} of the wrong type was read as absent`);
      if (mutation.expect === 'error') {
        assert.equal(outcome.kind, 'error', 'an object the analysis stands on: the input is refused');
        if (outcome.kind !== 'error') return;
        const { error } = outcome;
        assert.deepEqual(error.from, item.from, 'file and line of the object');
        assert.equal(error.object, mutation.object);
        assert.equal(error.field, mutation.path);
        assert.match(error.message, /^expected (a|an|true) .*, found a (string|number|list|mapping)\b/);
        assert.doesNotMatch(error.describe(), new RegExp(CANARY), 'the value is never quoted');
      } else {
        assert.equal(outcome.kind, 'problem', 'a kind that only enriches: left out, with a problem');
        if (outcome.kind !== 'problem') return;
        assert.match(
          outcome.problem.message,
          /expected (a|an|true) .*, found a (string|number|list|mapping)\b/,
        );
        assert.match(outcome.problem.message, /left out/);
        assert.doesNotMatch(outcome.problem.message, new RegExp(CANARY));
      }
    });
  }
});

describe('null is absent, not a wrong type (the look-alikes)', () => {
  // `status:` or `volumes:` with nothing after it parses to null; the API server reads it as absent.
  const NULLS: readonly { object: string; path: string }[] = [
    { object: 'PersistentVolumeClaim apps/paperless-data', path: 'status' },
    { object: PAPERLESS, path: 'spec.template.spec.volumes' },
    { object: 'PersistentVolume pvc-abbd0a76-d834-4050-8e1f-d6ffefa685a5', path: 'spec.nodeAffinity' },
    { object: 'Schedule velero/daily', path: 'spec.template.includedNamespaces' },
  ];
  test('a null field reads as absent: no error, nothing left out, the same as deleting it', async () => {
    const source = keepKnownKinds(await readOffline([SAMPLE]));
    for (const { object, path } of NULLS) {
      const index = source.items.findIndex((item) => labelOf(item) === object);
      const item = source.items[index] as SourceItem;
      const variants = await Promise.all(
        [null, undefined].map(async (value) => {
          const copy = structuredClone(item.object);
          const keys = steps(path);
          let parent: Record<string | number, unknown> = copy;
          for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          assert.notEqual(parent[keys.at(-1) as string | number], undefined, `${object} has ${path}`);
          if (value === null) parent[keys.at(-1) as string | number] = null;
          else delete parent[keys.at(-1) as string | number];
          const items = source.items.slice();
          items[index] = { object: copy, from: item.from };
          return await inventoryFrom({ ...source, items }, { cluster: 'sample', now: NOW });
        }),
      );
      const [asNull, deleted] = variants;
      assert.ok(asNull && deleted);
      assert.equal(
        asNull.graph.dangling.filter((d) => d.leftOut !== undefined).length,
        0,
        `${object} ${path}`,
      );
      assert.deepEqual(asNull.graph, deleted.graph, `${object} ${path}: null is read as absent`);
    }
  });
});

describe('through the CLI', () => {
  let dir: string;
  before(async () => {
    dir = await scratch('tierbook-wrong-types-');
    await cp(SAMPLE, join(dir, 'cluster'), { recursive: true });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Sets one field of one object in a copy of a sample file; returns the folder to read. */
  async function mutated(
    file: string,
    kind: string,
    name: string,
    path: (string | number)[],
    value: unknown,
  ) {
    const folder = join(dir, `${kind}-${path.join('.')}`);
    await cp(SAMPLE, folder, { recursive: true });
    const doc = parseDocument(await readFile(join(SAMPLE, file), 'utf8'));
    const items = (doc.toJS() as { items: { kind: string; metadata: { name: string } }[] }).items;
    const index = items.findIndex((i) => i.kind === kind && i.metadata.name === name);
    assert.ok(index >= 0, `${kind} ${name} in ${file}`);
    doc.setIn(['items', index, ...path], value);
    await writeFile(join(folder, file), doc.toString());
    return folder;
  }

  test('a PVC whose spec is a string: exit 2 naming file:line, the PVC and spec (it used to move to the default class)', async () => {
    const folder = await mutated('apps.yaml', 'PersistentVolumeClaim', 'paperless-data', ['spec'], CANARY);
    const run = await tierbook(['blast', 'storageclass/ceph-block', '--from', folder, '--now', NOW]);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(isClean(run), run.stderr);
    assert.match(
      run.stderr,
      /apps\.yaml:\d+: PersistentVolumeClaim apps\/paperless-data: field spec: expected a mapping.*, found a string/,
    );
    assert.doesNotMatch(run.stderr, new RegExp(CANARY));
  });

  test('a CloudNativePG cluster whose spec.backup is a string: exit 2 (it used to be a false backup-missing)', async () => {
    const folder = await mutated('databases.yaml', 'Cluster', 'pg-main', ['spec', 'backup'], CANARY);
    const run = await tierbook(['check', '--from', folder, '--now', NOW, '--fail-on', 'none']);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(isClean(run), run.stderr);
    assert.match(
      run.stderr,
      /databases\.yaml:\d+: Cluster databases\/pg-main: field spec\.backup: expected a mapping.*, found a string/,
    );
  });

  test('a Velero Schedule whose spec.template is a string: left out, said on stderr and in index.md', async () => {
    const folder = await mutated('velero.yaml', 'Schedule', 'daily', ['spec', 'template'], CANARY);
    const out = join(dir, 'content-velero');
    const run = await tierbook(['inventory', '--from', folder, '--out', out, '--now', NOW]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /warning: .*velero\.yaml:\d+: Schedule velero\/daily: field spec\.template: expected a mapping.*, found a string.*left out/,
    );
    const index = await readFile(join(out, 'index.md'), 'utf8');
    assert.match(index, /velero\.io\/Schedule\/velero\/daily.*spec\.template: expected a mapping/);
    assert.doesNotMatch(run.stderr + index, new RegExp(CANARY));
    // The blast answer says what it did not count.
    const blast = await tierbook([
      'blast',
      'storageclass/ceph-block',
      '--from',
      folder,
      '--now',
      NOW,
      '--json',
    ]);
    assert.equal(blast.code, 0, blast.stderr);
    const { assumptions } = JSON.parse(blast.stdout) as { assumptions: string[] };
    assert.ok(
      assumptions.includes(
        'velero.io/Schedule/velero/daily left out (field spec.template of the wrong type): any backup or snapshot it gives is not counted',
      ),
      assumptions.join('\n'),
    );
  });
});
