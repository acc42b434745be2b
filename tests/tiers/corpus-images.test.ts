/**
 * Real image repositories from home-ops GitOps repositories (../shared/corpus: HelmRelease
 * values, which name images as `repository` + `tag`), each run as a stateless Deployment:
 * the image rule must say what they are, and helpers (postgres-init, backup tools) must not
 * pass for the database they serve.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { workloadDependencies } from '../../src/core/analysis/dependencies.ts';
import { classifyTiers } from '../../src/core/analysis/tiers/index.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import type { SourceItem } from '../../src/core/model.ts';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

const FILES = [
  'JJGadgets__Biohazard/kube/deploy/apps/authentik/app/hr.yaml',
  'JJGadgets__Biohazard/kube/deploy/apps/audiobookshelf/app/hr.yaml',
  'billimek__k8s-gitops/kubernetes/default/teslamate/teslamate.yaml',
  'billimek__k8s-gitops/kubernetes/default/home-assistant/home-assistant.yaml',
  'billimek__k8s-gitops/kubernetes/kube-system/kopia/kopia.yaml',
  'onedr0p__home-ops/kubernetes/main/apps/default/atuin/app/helmrelease.yaml',
  'bjw-s-labs__home-ops/kubernetes/apps/ai/open-webui/app/helmrelease.yaml',
  'bjw-s-labs__home-ops/kubernetes/apps/rook-ceph/rook-ceph/operator/helmrelease.yaml',
  'onedr0p__home-ops/kubernetes/main/apps/rook-ceph/rook-ceph/cluster/helmrelease.yaml',
  'JJGadgets__Biohazard/kube/deploy/core/db/pg/clusters/template/dump-local.yaml',
  'percona__percona-postgresql-operator/deploy/cr.yaml',
];

/** `repository` values (with the `tag` beside them) and `image` strings anywhere in the values. */
function imagesIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) imagesIn(v, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.repository === 'string' && /[/.]/.test(record.repository)) {
      out.add(typeof record.tag === 'string' ? `${record.repository}:${record.tag}` : record.repository);
    }
    if (typeof record.image === 'string' && record.image.includes('/')) out.add(record.image);
    for (const v of Object.values(record)) imagesIn(v, out);
  }
}

function corpusImages(): string[] {
  const images = new Set<string>();
  for (const file of FILES) {
    for (const doc of parseAllDocuments(readFileSync(join(corpus, file), 'utf8'), { merge: true })) {
      imagesIn(doc.toJS(), images);
    }
  }
  return [...images].sort();
}

function classifyImages(images: readonly string[]): Map<string, string> {
  const items: SourceItem[] = images.map((image, i) => ({
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace: 'apps' },
      spec: { template: { spec: { containers: [{ name: 'app', image }] } } },
    },
    from: { file: 'corpus-images' },
  }));
  const index = new GraphIndex(buildGraph(items));
  const workloads = findWorkloads(index);
  const tiers = classifyTiers(index, workloads, workloadDependencies(index, workloads), DEFAULT_CONFIG);
  return new Map(
    images.map((image, i) => [
      image,
      `${tiers.get(`apps/Deployment/apps/app-${i}`)?.tier} ${tiers.get(`apps/Deployment/apps/app-${i}`)?.rule}`,
    ]),
  );
}

test('images of home-ops HelmReleases classify as what they are', () => {
  const images = corpusImages();
  const got = classifyImages(images);
  const byRepository = Object.fromEntries(
    [...got].map(([image, decision]) => [image.replace(/[:@].*$/, ''), decision]),
  );
  assert.deepEqual(byRepository, {
    // Percona's component images (pmm-client, fluentbit) and its operator image, whose tag
    // names the component: helpers; the PerconaPGCluster kind classifies the database.
    'docker.io/perconalab/fluentbit': '4 volumes',
    'docker.io/perconalab/percona-postgresql-operator': '4 volumes',
    'docker.io/perconalab/pmm-client': '4 volumes',
    // A backup tool and an init container named after PostgreSQL are not PostgreSQL.
    'docker.io/prodrigestivill/postgres-backup-local': '4 volumes',
    'ghcr.io/home-operations/postgres-init': '4 volumes',
    // Apps tierbook cannot know: here stateless (no volumes), with a PVC tier 2 and flagged.
    'ghcr.io/advplyr/audiobookshelf': '4 volumes',
    'ghcr.io/coder/code-server': '4 volumes',
    'ghcr.io/home-operations/home-assistant': '4 volumes',
    'ghcr.io/home-operations/kopia': '4 volumes',
    'ghcr.io/onedr0p/atuin-server-sqlite': '4 volumes',
    'ghcr.io/open-webui/open-webui': '4 volumes',
    'teslamate/teslamate': '4 volumes',
    // Authentik and its outposts.
    'ghcr.io/goauthentik/ldap': '0 image',
    'ghcr.io/goauthentik/rac': '0 image',
    'ghcr.io/goauthentik/radius': '0 image',
    'ghcr.io/goauthentik/server': '0 image',
    // The Rook operator is; the Ceph daemon image (run by the CephCluster) is not, alone.
    'ghcr.io/rook/ceph': '0 operator',
    'quay.io/ceph/ceph': '4 volumes',
  });
});
