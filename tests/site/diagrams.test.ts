import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blastMapDiagram,
  dependencyDiagram,
  livesOnDiagram,
  MAX_DIAGRAM_NODES,
  mermaidLabel,
  mermaidUrl,
  storageChainDiagram,
  toMermaid,
} from '../../src/site/diagrams/index.ts';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"]; click n0 call alert(1) %%',
  'a|b[c]{d}`e`#f;',
  'javascript:alert(1)',
  '</text><script>alert(2)</script>',
  'line\nbreak',
];
const links = { urlOf: (id: string) => `../../workloads/${id.split('/').pop()}/`, moreUrl: '#more' };

describe('mermaidLabel', () => {
  test('writes every character outside a safe set as an entity code, so cluster text stays text', () => {
    for (const text of HOSTILE) {
      const label = mermaidLabel(text);
      const inner = label.slice(1, -1);
      assert.ok(label.startsWith('"') && label.endsWith('"'));
      assert.doesNotMatch(inner.replace(/#\d+;/g, ''), /["<>[\]{}|`;#%\n]/, `${text} → ${label}`);
      const decoded = inner.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
      assert.equal(decoded, text);
    }
  });

  test('keeps ordinary names readable', () => {
    assert.equal(mermaidLabel('Deployment apps/blog-1.2'), '"Deployment apps/blog-1.2"');
  });
});

describe('mermaidUrl', () => {
  test('passes relative page URLs and anchors', () => {
    assert.equal(mermaidUrl('../../storage/osd.rook-ceph.3/'), '"../../storage/osd.rook-ceph.3/"');
    assert.equal(mermaidUrl('#storage'), '"#storage"');
  });

  test('refuses schemes, other hosts and quotes', () => {
    for (const url of [
      'javascript:alert(1)',
      'https://evil.example/',
      '//evil.example/',
      '../x" onclick="y',
      'data:text/html,x',
    ]) {
      assert.throws(() => mermaidUrl(url), /refusing/, url);
    }
  });
});

describe('toMermaid', () => {
  test('gives Mermaid generated ids only, never the caller keys', () => {
    const source = toMermaid({
      direction: 'LR',
      nodes: HOSTILE.map((h, i) => ({ key: h, label: h, url: i === 0 ? '../../x/' : null })),
      edges: [{ from: HOSTILE[0] as string, to: HOSTILE[1] as string, label: HOSTILE[2] }],
      groups: [],
    });
    for (const line of source.split('\n').slice(1).filter(Boolean)) {
      assert.match(
        line,
        /^ {2}(?:n\d+\[".*"\]|n\d+ -->(?:\|".*"\|)? n\d+|click n\d+ href "[^"]*"|classDef .*|class .*)$/,
      );
    }
    assert.doesNotMatch(source, /<img|<script|href "javascript/);
  });

  test('is deterministic', () => {
    const chart = {
      direction: 'LR' as const,
      nodes: [{ key: 'a', label: 'A', url: null }],
      edges: [],
      groups: [],
    };
    assert.equal(toMermaid(chart), toMermaid(chart));
  });
});

describe('storageChainDiagram', () => {
  const volume = (claim: string) => ({
    claim: `core/PersistentVolumeClaim/db/${claim}`,
    capacity: '1Gi',
    storageClass: 'storage.k8s.io/StorageClass//ceph-block',
    backend: 'ceph-rbd',
    pools: ['ceph.rook.io/CephBlockPool/rook-ceph/replicapool'],
    osds: ['ceph.rook.io/OSD/rook-ceph/3'],
    nodes: ['core/Node//k8s-2'],
    disks: ['tierbook.io/Disk//k8s-2/dev/sdc'],
    servedBy: [],
  });
  const placement = () => ({ node: 'core/Node//k8s-2', disk: 'tierbook.io/Disk//k8s-2/dev/sdc' });

  test('draws workload → claim → class → pool → OSD → disk → node with links', () => {
    const d = storageChainDiagram({ id: 'w', title: 'Cluster db/pg' }, [volume('pg-1')], placement, links);
    assert.ok(d);
    assert.equal(d.nodes, 7);
    assert.equal(d.hidden, 0);
    for (const text of ['PVC pg-1 1Gi', 'pool replicapool', 'osd.3', 'disk sdc', 'node k8s-2']) {
      assert.ok(d.source.includes(text), text);
    }
    assert.match(d.source, /click n\d+ href "\.\.\/\.\.\/workloads\/3\/"/);
  });

  test(`caps a big picture at ${MAX_DIAGRAM_NODES} boxes, folding the rest into "+N more" linking to the full list`, () => {
    const volumes = Array.from({ length: 120 }, (_, i) => volume(`data-${i}`));
    const d = storageChainDiagram({ id: 'w', title: 'StatefulSet db/big' }, volumes, placement, links);
    assert.ok(d);
    assert.ok(d.nodes <= MAX_DIAGRAM_NODES, `${d.nodes} boxes`);
    assert.equal(d.hidden, 120 - (d.nodes - 7));
    assert.match(d.source, /\+\d+ more volumes/);
    assert.match(d.source, /href "#more"/);
    // The chain below the volumes is kept whole.
    assert.ok(d.source.includes('node k8s-2'));
  });

  test('draws nothing for a workload without volumes', () => {
    assert.equal(storageChainDiagram({ id: 'w', title: 'w' }, [], placement, links), null);
  });
});

describe('blast and dependency pictures', () => {
  test('says each impact in words, by shape and by line, not by colour alone', () => {
    const d = blastMapDiagram(
      { id: 'osd', title: 'osd.3' },
      [
        { id: 'a', title: 'A', tier: 0, impact: 'data-loss' },
        { id: 'b', title: 'B', tier: 2, impact: 'unavailable' },
        { id: 'c', title: 'C', tier: 0, impact: 'degraded' },
      ],
      links,
    );
    assert.ok(d);
    assert.match(d.source, /n0\[\["osd\.3"\]\]/, 'the target');
    assert.match(d.source, /n1\{\{"A<br\/>tier 0: LOSES DATA"\}\}/, 'a hexagon loses data');
    assert.match(d.source, /n2\["B<br\/>tier 2: goes dark"\]/, 'a box goes dark');
    assert.match(d.source, /n3\("C<br\/>tier 0: degrades"\)/, 'a rounded box degrades');
    assert.match(d.source, /n0 ==> n1/, 'a thick line to data loss');
    assert.match(d.source, /n0 --> n2/);
    assert.match(d.source, /n0 -\.-> n3/, 'a dotted line to what degrades');
    assert.match(d.source, /class n1 data-loss/);
    assert.match(d.source, /classDef unavailable [^\n]*stroke-dasharray/, 'a dashed outline goes dark');
  });

  test('draws the chain of cause: target, the volumes that lose data, then what depends on them', () => {
    const redis = 'apps/StatefulSet/auth/authentik-redis';
    const server = 'apps/Deployment/auth/authentik-server';
    const grafana = 'apps/Deployment/monitoring/grafana';
    const d = blastMapDiagram(
      { id: 'osd', title: 'osd.3' },
      [
        { id: redis, title: 'StatefulSet auth/authentik-redis', tier: 0, impact: 'data-loss' },
        { id: server, title: 'Deployment auth/authentik-server', tier: 0, impact: 'unavailable' },
        { id: grafana, title: 'Deployment monitoring/grafana', tier: 3, impact: 'unavailable' },
      ],
      links,
      {
        claimsOn: (id) => (id === redis ? ['core/PersistentVolumeClaim/auth/data-authentik-redis-0'] : []),
        dependsOn: (id) =>
          id === server
            ? [{ workload: redis, via: 'service' }]
            : id === grafana
              ? [{ workload: server, via: 'forward-auth' }]
              : [],
      },
    );
    assert.ok(d);
    // Names never break at their hyphens: they are non-breaking hyphens (U+2011).
    assert.match(d.source, /n0 ==>\|"data#8209;authentik#8209;redis#8209;0"\| n1/);
    assert.match(d.source, /n1 -->\|"service"\| n2/);
    assert.match(d.source, /n2 -->\|"forward-auth"\| n3/, 'the line says how it depends');
    assert.doesNotMatch(d.source, /n0 --> n2/, 'the server is reached through redis, not from the OSD');
    assert.doesNotMatch(d.source, /n0 --> n3/);
  });

  test('keeps the worst impacts when capped', () => {
    const impacts = Array.from({ length: 60 }, (_, i) => ({
      id: `w${i}`,
      title: `W${i}`,
      tier: 1,
      impact: (i < 50 ? 'degraded' : 'data-loss') as 'degraded' | 'data-loss',
    }));
    const d = blastMapDiagram({ id: 't', title: 'T' }, impacts, links);
    assert.ok(d);
    for (let i = 50; i < 60; i++)
      assert.ok(d.source.includes(`"W${i}<br/>tier 1: LOSES DATA"`), `W${i} loses data and is drawn`);
    assert.match(d.source, /\+\d+ more workloads/);
  });

  test('draws dependents left and dependencies right, with the reason on the edge', () => {
    const d = dependencyDiagram(
      { id: 'me', title: 'Me' },
      [{ workload: 'db', title: 'DB', via: 'service' }],
      [{ workload: 'web', title: 'Web', via: 'forward-auth' }],
      links,
    );
    assert.ok(d);
    assert.match(d.source, /n0 -->\|"service"\| n2/);
    assert.match(d.source, /n1 -->\|"forward-auth"\| n0/);
  });

  test('groups the workloads on a storage object by namespace', () => {
    const d = livesOnDiagram(
      { id: 'pool', title: 'pool replicapool' },
      [
        { id: 'apps/Deployment/web/blog', title: 'Deployment web/blog' },
        { id: 'apps/StatefulSet/db/pg', title: 'StatefulSet db/pg' },
      ],
      links,
    );
    assert.ok(d);
    assert.match(d.source, /namespace db/);
    assert.match(d.source, /namespace web/);
  });
});
