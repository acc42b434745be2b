// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux variables are ${…} text, not template placeholders.
/**
 * Flux post-build variables: the syntax, which files a Kustomization reaches, and what stays
 * unresolved. Real repositories from ../shared/corpus (JJGadgets/Biohazard, vrozaksen/home-ops,
 * onedr0p/home-ops) and the hand-made repository tests/fixtures/offline/flux (see its README).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { failureDomains, resolveTarget } from '../../src/core/analysis/blast/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import type { SourceItem } from '../../src/core/model.ts';
import { substituteVariables } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const corpus = (relative: string) => path.resolve(import.meta.dirname, '../../../shared/corpus', relative);
const fixture = path.join(import.meta.dirname, '../fixtures/offline/flux');

const named = (items: readonly SourceItem[], kind: string) =>
  items
    .filter((i) => i.object.kind === kind)
    .map((i) => `${i.object.metadata.namespace ?? ''}/${i.object.metadata.name}`)
    .sort();
const spec = (items: readonly SourceItem[], kind: string, name: string) =>
  items.find((i) => i.object.kind === kind && i.object.metadata.name === name)?.object.spec as
    | Record<string, unknown>
    | undefined;

describe('the variable syntax', () => {
  const vars = new Map([
    ['APP', 'jellyfin'],
    ['EMPTY', ''],
    ['MULTI', 'a\nb'],
  ]);
  const cases: [string, string, string[]][] = [
    ['${APP}-config', 'jellyfin-config', []],
    ['${MISSING}', '${MISSING}', ['MISSING']],
    ['${MISSING:=ceph-block}', 'ceph-block', []],
    ['${MISSING:-ceph-block}', 'ceph-block', []],
    ['${EMPTY:=x}', 'x', []],
    ['${EMPTY=x}', '', []],
    ['${MISSING=x}', 'x', []],
    ['${APP:=other}', 'jellyfin', []],
    ['$${APP}', '${APP}', []],
    ['${MULTI}', 'ab', []],
    ['${PVC:0:50}', '${PVC:0:50}', ['PVC:0:50']],
    ['$APP', '$APP', []],
    ['${VOLSYNC_CLAIM:-${APP}}', 'jellyfin', []],
    ['${VOLSYNC_CLAIM:-${MISSING}}', '${MISSING}', ['MISSING']],
    ['${APP:-${MISSING}}', 'jellyfin', []],
    ["${CNPG_DISABLED_SERVICES:=['ro', 'r']}", "['ro', 'r']", []],
    ['${UNCLOSED and ${APP}', '${UNCLOSED and jellyfin', []],
    ['price: $5, ${APP}', 'price: $5, jellyfin', []],
  ];
  for (const [text, expected, unresolved] of cases) {
    test(`${text} → ${expected}`, () => {
      assert.deepEqual(substituteVariables(text, vars), { text: expected, unresolved });
    });
  }

  test('a reference in a comment is substituted but never reported as missing', () => {
    const result = substituteVariables('# uses ${NOPE}\nname: ${APP}\n', vars);
    assert.deepEqual(result, { text: '# uses ${NOPE}\nname: jellyfin\n', unresolved: [] });
  });
});

describe('a hand-made GitOps repository (cluster-settings, a Secret, a default, an escape, a patch)', async () => {
  const result = await readOffline([fixture]);
  const items = keepKnownKinds(result).items;

  test('substitute and substituteFrom ConfigMap values are applied; numbers stay YAML', () => {
    assert.deepEqual(named(items, 'PersistentVolumeClaim'), [
      'media/jellyfin-cache',
      'media/jellyfin-config',
      'media/jellyfin-media',
    ]);
    assert.equal(spec(items, 'PersistentVolumeClaim', 'jellyfin-config')?.storageClassName, 'ceph-block');
    assert.deepEqual(spec(items, 'PersistentVolumeClaim', 'jellyfin-config')?.resources, {
      requests: { storage: '5Gi' },
    });
    assert.equal(spec(items, 'PersistentVolumeClaim', 'jellyfin-media')?.storageClassName, 'nfs-media');
    assert.deepEqual(spec(items, 'StorageClass', 'nfs-media'), undefined);
    const nfs = items.find((i) => i.object.metadata.name === 'nfs-media')?.object;
    assert.deepEqual(nfs?.parameters, { server: 'nas.example.home', share: '/export/media' });
  });

  test('the escape keeps its literal text; the patch is not an object', () => {
    const scripts = items.find((i) => i.object.metadata.name === 'jellyfin-scripts')?.object;
    assert.deepEqual(scripts?.data, { 'backup.sh': 'tar -czf "${HOME}/backup.tgz" /config\n' });
    assert.equal(spec(items, 'Deployment', 'jellyfin')?.replicas, 1);
    // kustomize.toolkit.fluxcd.io/substitute: disabled: applied as written, no warning.
    const templates = items.find((i) => i.object.metadata.name === 'jellyfin-templates')?.object;
    assert.deepEqual(templates?.data, { 'notify.tmpl': '${APP} finished at ${TIME}' });
    assert.ok(result.skipped.some((s) => s.where.endsWith('patch.yaml') && /kustomize patch/.test(s.reason)));
  });

  test('a Secret in substituteFrom and a variable left unresolved are warnings naming file and field', () => {
    const ks = path.join(fixture, 'kubernetes/apps/media/jellyfin/ks.yaml');
    const pvc = path.join(fixture, 'kubernetes/apps/media/jellyfin/app/pvc.yaml');
    const cronJob = path.join(fixture, 'kubernetes/apps/media/jellyfin/app/deployment.yaml');
    assert.deepEqual(result.warnings, [
      {
        where: `${ks}:3`,
        reason:
          'Kustomization flux-system/jellyfin: field spec.postBuild.substituteFrom[1]: Secret cluster-secrets is never read (tierbook reads no Secrets): its variables stay unresolved',
      },
      {
        where: `${cronJob}:38`,
        reason:
          'CronJob media/jellyfin-export: field spec.jobTemplate.spec.template.spec.volumes[0].persistentVolumeClaim.claimName: unresolved variable ${EXPORT_CLAIM}; read as unknown',
      },
      {
        where: `${pvc}:15`,
        reason:
          'PersistentVolumeClaim media/jellyfin-cache: field spec.storageClassName: unresolved variable ${CACHE_SC}; read as unknown',
      },
    ]);
    assert.deepEqual(result.notRead, []);
  });

  test('the unresolved class is no StorageClass, no failure domain and no target', () => {
    const graph = buildGraph(items);
    const analysis = analyze(graph, { config: DEFAULT_CONFIG, now: '2026-11-24T06:00:00Z' });
    const targets = failureDomains(analysis).map((d) => d.target);
    assert.ok(targets.includes('storageclass/ceph-block'));
    assert.ok(!targets.some((t) => t.includes('$')), targets.join(', '));
    assert.ok(!graph.nodes.some((n) => n.id.includes('StorageClass') && n.id.includes('$')));
    assert.throws(() => resolveTarget(analysis, 'storageclass/${CACHE_SC}'));
  });
});

describe('real GitOps repositories from the corpus', () => {
  test('JJGadgets/Biohazard: one template folder, applied by two Kustomizations, gives two clusters', async () => {
    const result = await readOffline([corpus('JJGadgets__Biohazard/kube/deploy/core/db/pg')]);
    const items = keepKnownKinds(result).items;
    // clusters/default/ks.yaml and clusters/home/ks.yaml both apply clusters/template.
    assert.deepEqual(named(items, 'PersistentVolumeClaim'), [
      'pg/pg-default-postgres-dump-local',
      'pg/pg-home-postgres-dump-local',
    ]);
    assert.equal(
      spec(items, 'PersistentVolumeClaim', 'pg-home-postgres-dump-local')?.storageClassName,
      'pg-home-postgres-dump-local',
    );
    assert.deepEqual(named(items, 'PostgresCluster'), ['pg/pg-default', 'pg/pg-home']);
    assert.ok(!items.some((i) => JSON.stringify(i.object.metadata).includes('${')));
    // IP_TRUENAS lives in the repository's cluster settings, not in the corpus: a warning.
    const nfs = result.warnings?.find((w) =>
      /PersistentVolume pg-home-wal-nfs: field spec\.nfs\.server/.test(w.reason),
    );
    assert.ok(nfs, JSON.stringify(result.warnings, null, 1));
    assert.match(nfs.where, /clusters\/template\/nfs\.yaml:\d+$/);
    assert.match(nfs.reason, /unresolved variable \$\{IP_TRUENAS\}/);
  });

  test('vrozaksen/home-ops: resources and components are followed into shared components; patches are not objects', async () => {
    const result = await readOffline([corpus('vrozaksen__home-ops')]);
    const items = keepKnownKinds(result).items;
    assert.deepEqual(named(items, 'Cluster'), ['/postgres-arr']);
    const cluster = spec(items, 'Cluster', 'postgres-arr');
    // CNPG_SIZE from the Kustomization; the storage class from the component's default.
    assert.deepEqual(cluster?.storage, { size: '5Gi', storageClass: 'ceph-block-single' });
    assert.equal(cluster?.instances, 3);
    // The kopiur component is applied by no Kustomization in the corpus: a template, not read.
    assert.deepEqual(
      result.notRead?.map((n) => [path.basename(path.dirname(n.where)), n.kinds, n.needed]),
      [['kopiur', ['PersistentVolumeClaim'], true]],
    );
  });

  test('a Kustomization read without the folder it applies: a warning naming its spec.path', async () => {
    const ks = corpus('onedr0p__home-ops/kubernetes/main/apps/default/home-assistant/ks.yaml');
    const result = await readOffline([ks]);
    assert.deepEqual(result.warnings, [
      {
        where: ks,
        reason:
          'Kustomization home-assistant: field spec.path: ./kubernetes/main/apps/default/home-assistant/app is not in the input; only cluster-wide variables are applied to its files',
      },
    ]);
  });

  test('bjw-s-labs/home-ops: a nested default (${VOLSYNC_CLAIM:-${APP}}) names each app’s claim', async () => {
    const result = await readOffline([corpus('bjw-s-labs__home-ops')]);
    const items = keepKnownKinds(result).items;
    // kubernetes/components/volsync, a component of both apps' Kustomizations.
    assert.deepEqual(named(items, 'PersistentVolumeClaim'), ['/memory-mcp', '/open-webui']);
    assert.deepEqual(named(items, 'ReplicationSource'), ['/memory-mcp', '/open-webui']);
    assert.equal(spec(items, 'PersistentVolumeClaim', 'open-webui')?.storageClassName, 'ceph-block');
  });

  test('onedr0p/home-ops: no object is named by a variable', async () => {
    const result = await readOffline([corpus('onedr0p__home-ops')]);
    const items = keepKnownKinds(result).items;
    assert.ok(!items.some((i) => `${i.object.metadata.namespace}/${i.object.metadata.name}`.includes('${')));
    assert.ok(
      (result.notRead ?? []).every((n) => n.needed && /a template, not an object/.test(n.reason)),
      JSON.stringify(result.notRead, null, 1),
    );
  });
});
