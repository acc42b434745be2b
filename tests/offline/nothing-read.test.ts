/**
 * The core kinds of `nothingReadReason` are exactly the kinds a tierbook answer is about: every
 * kind tierbook reads that makes a workload, a claim or a volume on its own is one of them, and
 * each of them does. Kept in step with the graph and `analysis/workloads.ts` by this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import type { SourceResult, Unreadable } from '../../src/core/model.ts';
import { CORE_KINDS, nothingReadReason } from '../../src/core/sources/nothing-read.ts';

const key = (r: { group: string; kind: string }) => `${r.group}/${r.kind}`;

function oneOf(r: { group: string; kind: string }, unreadable: Unreadable[] = []): SourceResult {
  const object = {
    apiVersion: r.group ? `${r.group}/v1` : 'v1',
    kind: r.kind,
    metadata: { name: 'x', namespace: 'ns' },
  };
  return { items: [{ object, from: { file: 'x.yaml' } }], unreadable, skipped: [] };
}

/** What one object of the kind, alone, gives the analysis: workloads, claims, volumes. */
function answersAbout(r: { group: string; kind: string }): boolean {
  const analysis = analyze(buildGraph(oneOf(r).items), {
    config: DEFAULT_CONFIG,
    now: '2026-11-24T06:00:00Z',
  });
  const data = analysis.index.graph.nodes.some(
    (n) => n.group === '' && (n.kind === 'PersistentVolumeClaim' || n.kind === 'PersistentVolume'),
  );
  return analysis.workloads.length > 0 || data;
}

test('every core kind is one tierbook reads, and alone makes a workload, a claim or a volume', () => {
  const read = new Set(RESOURCE_TYPES.map(key));
  for (const kind of CORE_KINDS) {
    assert.ok(read.has(kind), `${kind} is not in RESOURCE_TYPES: the live read would never list it`);
    const [group = '', name = ''] = kind.split('/');
    assert.ok(answersAbout({ group, kind: name }), `${kind} alone gives no workload, claim or volume`);
    assert.equal(nothingReadReason(oneOf({ group, kind: name })), null, kind);
  }
});

test('every other kind tierbook reads, alone, is nothing to answer from', () => {
  const core = new Set(CORE_KINDS);
  for (const r of RESOURCE_TYPES.filter((t) => !core.has(key(t)))) {
    assert.equal(answersAbout(r), false, `${key(r)} alone makes a workload or data: add it to CORE_KINDS`);
    assert.match(nothingReadReason(oneOf(r)) ?? '', /no object of the core kinds/, key(r));
  }
});

test('core kinds read while the core API group failed as a whole: nothing read', () => {
  const forbidden: Unreadable = {
    group: '',
    kind: 'Pod',
    reason: 'forbidden',
    detail: 'GET /api/v1/pods: HTTP 403',
  };
  const deployment = { group: 'apps', kind: 'Deployment' };
  assert.match(
    nothingReadReason(oneOf(deployment, [forbidden])) ?? '',
    /no object of the core API group: 1 kind\(s\) could not be read: core\/Pod \(403 Forbidden\)/,
  );
  // One kind forbidden beside core objects that did read is a partial read, not nothing.
  assert.equal(nothingReadReason(oneOf({ group: '', kind: 'Pod' }, [forbidden])), null);
  assert.equal(nothingReadReason(oneOf(deployment)), null);
});
