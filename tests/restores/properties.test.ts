/**
 * Never a false "proven": over Velero Restores drawn with every phase, scope and option that
 * changes what was restored, a workload gets succeeded restore evidence only when the restore
 * Completed, brought volumes back (no label selector, volumes among the resources, restorePVs
 * not false) and named (or inherited from its Backup) the workload's namespace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { restoreEvidence } from '../../src/core/analysis/restores/evidence.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import type { KubeObject, SourceItem } from '../../src/core/model.ts';

const PHASES = ['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation', 'InProgress', 'New', ''];
const RESOURCES = [[], ['*'], ['persistentvolumeclaims'], ['deployments', 'configmaps'], ['pods']];
const NAMESPACES = [[], ['*'], ['apps'], ['other'], ['apps', 'other']];

const restoreArb = fc.record({
  phase: fc.constantFrom(...PHASES),
  resources: fc.constantFrom(...RESOURCES),
  included: fc.constantFrom(...NAMESPACES),
  backupIncluded: fc.option(fc.constantFrom(...NAMESPACES), { nil: undefined }),
  excluded: fc.boolean(),
  selector: fc.boolean(),
  restorePVs: fc.constantFrom(true, false, undefined),
});

function item(object: Record<string, unknown>, n: number): SourceItem {
  return { object: object as unknown as KubeObject, from: { file: 'property.yaml', line: n } };
}

test('a workload is proven restored only by a completed restore of its volumes and namespace', () => {
  fc.assert(
    fc.property(restoreArb, (r) => {
      const objects = [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'app-0', namespace: 'apps' },
          spec: {
            volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }],
            containers: [{ name: 'c', image: 'x' }],
          },
        },
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data', namespace: 'apps' },
          spec: {},
        },
        ...(r.backupIncluded
          ? [
              {
                apiVersion: 'velero.io/v1',
                kind: 'Backup',
                metadata: { name: 'b1', namespace: 'velero' },
                spec: { includedNamespaces: r.backupIncluded },
                status: { phase: 'Completed' },
              },
            ]
          : []),
        {
          apiVersion: 'velero.io/v1',
          kind: 'Restore',
          metadata: { name: 'r1', namespace: 'velero' },
          spec: {
            backupName: 'b1',
            includedNamespaces: r.included,
            ...(r.excluded ? { excludedNamespaces: ['apps'] } : {}),
            ...(r.resources.length > 0 ? { includedResources: r.resources } : {}),
            ...(r.selector ? { labelSelector: { matchLabels: { app: 'x' } } } : {}),
            ...(r.restorePVs === undefined ? {} : { restorePVs: r.restorePVs }),
          },
          status: {
            phase: r.phase,
            startTimestamp: '2026-11-10T09:00:00Z',
            completionTimestamp: '2026-11-10T09:20:00Z',
          },
        },
      ];
      const graph = buildGraph(objects.map(item));
      const index = new GraphIndex(graph);
      const evidence = restoreEvidence(index, findWorkloads(index)).get('core/Pod/apps/app-0') ?? [];
      const proven = evidence.some((e) => e.result === 'succeeded');
      const own = r.included.length > 0 && !r.included.includes('*') ? r.included : null;
      const fromBackup =
        r.backupIncluded === undefined
          ? null
          : r.backupIncluded.length > 0 && !r.backupIncluded.includes('*')
            ? r.backupIncluded
            : ['apps', 'other'];
      const namespaces = own ?? fromBackup ?? [];
      const volumes =
        r.resources.length === 0 || r.resources.some((x) => x === '*' || x === 'persistentvolumeclaims');
      const expected =
        r.phase === 'Completed' &&
        !r.selector &&
        volumes &&
        r.restorePVs !== false &&
        !r.excluded &&
        namespaces.includes('apps');
      assert.equal(proven, expected, JSON.stringify({ r, evidence }));
    }),
    { numRuns: 300 },
  );
});
