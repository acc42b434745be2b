import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite, siteDiagrams } from '../../src/site/data/site.ts';
import { relativeUrl, rootFrom } from '../../src/site/data/urls.ts';
import { formatAge } from '../../src/site/data/words.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const INDEX = `---
type: inventory
title: Inventory of test
cluster: test
takenAt: '2026-11-24T06:00:00Z'
counts: {}
workloads: 1
storageObjects: 1
partial: false
unreadable: []
notRead: []
dangling: []
tiers: {}
failureDomains: []
findings: {counts: {high: 0, medium: 0, low: 0}, high: []}
---
`;

const NOTES = `<!-- tierbook:notes:start -->
_Operators' notes: contacts, links, quirks. tierbook keeps everything between these two markers, word for word, when it regenerates this file._
<!-- tierbook:notes:end -->
`;

/** The analysis sections the core always writes, with nothing in them but a tier. */
const SECTIONS = `tier: {tier: 3, rule: default, reason: no rule matched, rpo: 1d, rpoSeconds: 86400, rto: 1d, own: null, inheritedFrom: null}
backups: []
restores: {evidence: [], lastProven: null}
blast: {ifDown: []}
findings: []
`;

function workload(sections = SECTIONS): string {
  return `---
type: workload
id: apps/Deployment/web/blog
apiVersion: apps/v1
kind: Deployment
namespace: web
name: blog
title: Deployment web/blog
missing: false
labels: {app: blog}
images: [ghcr.io/example/blog:1]
replicas: 1
pods: [{name: blog-1, node: k8s-1, phase: Running}]
members: []
volumes:
  - claim: core/PersistentVolumeClaim/web/data
    claimMissing: false
    pv: null
    storageClass: storage.k8s.io/StorageClass//ceph-block
    classFrom: default
    backend: ceph-rbd
    capacity: 1Gi
    reclaimPolicy: Delete
    pools: []
    cephClusters: []
    osds: []
    nodes: []
    disks: []
    zones: []
    servedBy: []
inlineStorage: []
dependsOn: []
dependedOnBy: []
problems: []
${sections}---
# blog

${NOTES}`;
}

const CLASS = `---
id: storage.k8s.io/StorageClass//ceph-block
type: storageclass
title: StorageClass ceph-block
name: ceph-block
namespace: ''
attrs: {provisioner: rook-ceph.rbd.csi.ceph.com, parameters: {pool: replicapool}}
related: {}
workloads: [{id: apps/Deployment/web/blog, title: Deployment web/blog, claims: [core/PersistentVolumeClaim/web/data]}]
problems: []
blast: null
findings: []
---
# class

${NOTES}`;

function content(workloadText = workload()) {
  return new Map([
    ['index.md', INDEX],
    ['workloads/web.deployment.blog.md', workloadText],
    ['storage/storageclass.ceph-block.md', CLASS],
  ]);
}

function withIndex(index: string, workloadText: string) {
  return new Map([...content(workloadText), ['index.md', index]]);
}

describe('site data from content/', () => {
  test('the inventory page says what was not read and whether it is partial (never assumed complete)', () => {
    assert.equal(readContent(content()).inventory.partial, false);
    assert.deepEqual(readContent(content()).inventory.notRead, []);
    const unsaid = new Map([...content(), ['index.md', INDEX.replace('partial: false\n', '')]]);
    assert.throws(
      () => readContent(unsaid),
      (e: unknown) =>
        e instanceof InputError &&
        e.describe() === 'index.md: field partial: expected true or false, got nothing',
    );
    const partial = INDEX.replace('partial: false\n', 'partial: true\n').replace(
      'notRead: []\n',
      "notRead:\n  - where: 'bundle/x.yaml:5:21'\n    reason: YAML syntax error\n    kinds: [Cluster]\n    needed: true\n",
    );
    const files = new Map([...content(), ['index.md', partial]]);
    const inventory = readContent(files).inventory;
    assert.equal(inventory.partial, true);
    assert.deepEqual(inventory.notRead, [
      { where: 'bundle/x.yaml:5:21', reason: 'YAML syntax error', kinds: ['Cluster'], needed: true },
    ]);
  });

  test('gives each page a permalink from its file name and links ids to pages', () => {
    const site = buildSite(readContent(content()));
    const [blog] = site.workloads;
    assert.equal(blog?.url, 'workloads/web.deployment.blog/');
    assert.equal(site.storage[0]?.url, 'storage/storageclass.ceph-block/');
    assert.deepEqual(blog?.volumes[0]?.storageClass, {
      title: 'ceph-block',
      url: 'storage/storageclass.ceph-block/',
    });
    assert.equal(blog?.volumes[0]?.classFrom, 'default');
    assert.deepEqual(site.storage[0]?.facts, [
      { key: 'provisioner', value: 'rook-ceph.rbd.csi.ceph.com' },
      { key: 'parameter pool', value: 'replicapool' },
    ]);
    assert.match(
      blog?.storageDiagram?.source ?? '',
      /click n\d+ href "\.\.\/\.\.\/storage\/storageclass\.ceph-block\/"/,
    );
    assert.equal(siteDiagrams(site).length, 2);
  });

  test('refuses a page without an analysis section the core always writes, naming file and field', () => {
    const refused = (files: Map<string, string>, message: string) =>
      assert.throws(
        () => readContent(files),
        (e: unknown) => e instanceof InputError && e.describe() === message,
      );
    for (const section of ['tier', 'backups', 'restores', 'blast', 'findings']) {
      const without = SECTIONS.split('\n')
        .filter((line) => !line.startsWith(`${section}:`))
        .join('\n');
      refused(
        content(workload(without)),
        `workloads/web.deployment.blog.md: field ${section}: expected ${section === 'backups' || section === 'findings' ? 'a list' : 'a mapping'}, got nothing`,
      );
    }
    for (const section of ['tiers', 'failureDomains', 'findings']) {
      const index = INDEX.split('\n')
        .filter((line) => !line.startsWith(`${section}:`))
        .join('\n');
      refused(
        new Map([...content(), ['index.md', index]]),
        `index.md: field ${section}: expected ${section === 'failureDomains' ? 'a list' : 'a mapping'}, got nothing`,
      );
    }
    refused(
      new Map([...content(), ['storage/storageclass.ceph-block.md', CLASS.replace('findings: []\n', '')]]),
      'storage/storageclass.ceph-block.md: field findings: expected a list, got nothing',
    );
    // A storage object that is no failure domain says so with a null blast.
    const site = buildSite(readContent(content()));
    assert.equal(site.storage[0]?.blast, null);
    assert.equal(site.workloads[0]?.notesHtml, null, 'the default notes text is not shown as notes');
  });

  test('shows tier, backups against the RPO, blast radius and findings when the core wrote them', () => {
    // The tier chart is the index's count (the core writes it), not re-derived from the pages.
    const site = buildSite(
      readContent(
        withIndex(
          INDEX.replace('tiers: {}', "tiers: {'0': 1}"),
          workload(`tier: {tier: 0, rule: image, reason: an identity provider, rpo: 15m, rpoSeconds: 900, rto: 1h, own: null, inheritedFrom: null}
backups:
  - {id: velero.io/Schedule/velero/daily, title: Schedule velero/daily, system: velero, method: velero fs-backup, schedule: null, lastSuccess: '2026-11-24T02:00:00Z', state: ok, withinRpo: false, lastError: null, destination: {where: in-cluster, url: 's3://b', why: minio}}
restores: {evidence: [], lastProven: null}
blast:
  ifDown:
    - {id: apps/Deployment/web/shop, title: Deployment web/shop, tier: 2, impact: unavailable, why: [needs blog], backups: []}
findings:
  - {rule: backup-stale, severity: high, object: {apiVersion: apps/v1, kind: Deployment, namespace: web, name: blog}, id: apps/Deployment/web/blog, field: '', message: old, fix: run it}
`),
        ),
      ),
    );
    const [blog] = site.workloads;
    assert.equal(blog?.page.tier?.tier, 0);
    assert.equal(blog?.backups?.[0]?.ageSeconds, 4 * 3600);
    assert.equal(blog?.backups?.[0]?.withinRpo, false);
    assert.deepEqual(
      blog?.blast?.map((g) => [g.tier, g.rows.map((r) => r.title)]),
      [[2, ['Deployment web/shop']]],
    );
    assert.equal(blog?.findings?.[0]?.object, 'Deployment web/blog');
    assert.equal(blog?.findings?.[0]?.url, 'workloads/web.deployment.blog/');
    assert.deepEqual(
      site.home.tierChart?.bars.map((b) => [b.label, b.value]),
      [['tier 0 foundation', 1]],
    );
    assert.deepEqual(
      site.home.backupAttention?.map((r) => [r.workload.title, r.state]),
      [['Deployment web/blog', 'stale']],
    );
    assert.equal(site.home.backupChart?.bars[0]?.tone, 'bad');
  });

  test('names the file and field of a malformed page', () => {
    const bad = workload().replace('replicas: 1', 'replicas: many');
    assert.throws(
      () => readContent(content(bad)),
      (e: unknown) =>
        e instanceof InputError &&
        e.describe() === 'workloads/web.deployment.blog.md: field replicas: expected a number, got "many"',
    );
    const badVolume = workload().replace('pools: []', 'pools: replicapool');
    assert.throws(
      () => readContent(content(badVolume)),
      (e: unknown) =>
        e instanceof InputError && /field volumes\[0\]\.pools: expected a list/.test(e.describe()),
    );
    assert.throws(
      () => readContent(content(workload().replace('title: Deployment web/blog\n', 'title: [x: ]\n  - :'))),
      (e: unknown) =>
        e instanceof InputError && e.describe().startsWith('workloads/web.deployment.blog.md: front matter'),
    );
  });

  test('refuses a directory that is not an inventory', () => {
    assert.throws(() => readContent(new Map()), /no index\.md/);
  });

  test('reads the committed sample inventory', async () => {
    const site = buildSite(readContent(await readContentDir(join(ROOT, 'content'))));
    assert.equal(site.cluster, 'sample-homelab');
    assert.ok(site.workloads.length >= 20);
    const cephCluster = site.storage.find((s) => s.page.type === 'cephcluster');
    assert.ok(cephCluster);
    // A CephCluster has both pages; links go to its storage page.
    const operator = site.workloads.find((w) => w.page.name === 'authentik-server');
    assert.ok(operator?.volumes[0]?.pools.every((p) => p.url?.startsWith('storage/pool.')));
    for (const d of siteDiagrams(site)) assert.ok(d.nodes <= 40, d.title);
  });
});

describe('urls and words', () => {
  test('links are relative, so the site works under any path', () => {
    assert.equal(rootFrom(''), './');
    assert.equal(rootFrom('workloads/'), '../');
    assert.equal(relativeUrl('workloads/x/', 'storage/y/'), '../../storage/y/');
  });

  test('ages', () => {
    assert.equal(formatAge(4 * 3600), '4 h');
    assert.equal(formatAge(3 * 86400 + 3600), '3 d 1 h');
    assert.equal(formatAge(null), 'never');
  });
});
