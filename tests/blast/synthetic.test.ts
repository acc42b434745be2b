import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { blastRadius } from '../../src/core/analysis/blast/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';

test('the synthetic cluster is deterministic and sized as asked', () => {
  const a = syntheticCluster({ workloads: 40, podsPerWorkload: 3, seed: 7 });
  const b = syntheticCluster({ workloads: 40, podsPerWorkload: 3, seed: 7 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, syntheticCluster({ workloads: 40, podsPerWorkload: 3, seed: 8 }));
  const pods = a.filter((i) => i.object.kind === 'Pod');
  // 40 workloads × 3 pods, plus the identity provider and its one-instance database.
  assert.equal(pods.length, 40 * 3 + 2);
  assert.equal(a.filter((i) => i.object.kind === 'Node').length, 3);
});

test('the synthetic cluster reads as a real one: workloads, volumes down to OSDs, dependencies', () => {
  const graph = buildGraph(syntheticCluster({ workloads: 40 }));
  const analysis = analyze(graph, { config: DEFAULT_CONFIG, now: '2026-11-24T06:00:00Z' });
  assert.equal(analysis.workloads.filter((w) => w.node.namespace.startsWith('team-')).length, 40);
  const apps = [...analysis.dependencies.keys()].filter((id) => id.includes('/team-'));
  assert.ok(apps.length >= 20, `only ${apps.length} workloads have dependencies`);
  const result = blastRadius(analysis, 'pool/rook-ceph/replicapool');
  // StatefulSets on Ceph lose every instance with the pool; a CloudNativePG cluster keeps its
  // instance on local-path.
  assert.ok(result.impacts.some((i) => i.impact === 'data-loss' && i.workload.kind === 'StatefulSet'));
  assert.ok(result.impacts.some((i) => i.impact === 'degraded' && i.workload.kind === 'Cluster'));
  const idp = blastRadius(analysis, 'pvc/auth/idp-db-1');
  assert.ok(
    idp.impacts.some((i) => i.impact === 'unavailable' && i.why[0]?.startsWith('needs Deployment auth/idp')),
  );
});
