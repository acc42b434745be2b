/**
 * The guard's saved context indexes its edges from rows of node positions (RowEdges), making a
 * node's edges when first asked for; GraphIndex answers through it exactly as it does from the
 * edges themselves: the same edges, in the same order, for every id, kept or not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GraphIndex, RowEdges } from '../../src/core/graph/graph-index.ts';
import type { EdgeType, GraphEdge, GraphNode } from '../../src/core/graph/model.ts';

const TYPES: EdgeType[] = ['mounts', 'bound-to', 'uses-class', 'runs-on'];

function node(id: string): GraphNode {
  return { id, group: '', kind: 'Pod', namespace: 'n', name: id, attrs: {} };
}

// Ids drawn from a small set, so nodes repeat an id (the last kept wins) and rows name ids
// of nodes that are not kept.
const model = fc.record({
  nodes: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }),
  rows: fc.array(
    fc.tuple(
      fc.oneof(
        fc.nat(20),
        fc.integer({ min: 0, max: 9 }).map((i) => `x${i}`),
      ),
      fc.oneof(
        fc.nat(20),
        fc.integer({ min: 0, max: 9 }).map((i) => `x${i}`),
      ),
      fc.constantFrom(...TYPES),
    ),
    { maxLength: 30 },
  ),
});

const strip = (edges: GraphEdge[]) => edges.map((e) => [e.from, e.to, e.type]);

test('GraphIndex through RowEdges answers out and in as from the edges themselves', () => {
  fc.assert(
    fc.property(model, ({ nodes: ids, rows: drawn }) => {
      const nodes = ids.map((i) => node(`k${i}`));
      // Positions within the nodes drawn; ids of the form x… are never a kept node's.
      const rows = drawn.flatMap(([from, to, type]) => [
        typeof from === 'number' ? (nodes.length ? from % nodes.length : 'x0') : from,
        typeof to === 'number' ? (nodes.length ? to % nodes.length : 'x0') : to,
        type,
      ]);
      const end = (v: number | string) => (typeof v === 'string' ? v : (nodes[v] as GraphNode).id);
      const edges: GraphEdge[] = [];
      for (let at = 0; at < rows.length; at += 3)
        edges.push({
          from: end(rows[at] as number | string),
          to: end(rows[at + 1] as number | string),
          type: rows[at + 2] as EdgeType,
          source: '',
          field: '',
          why: '',
        });
      const graph = { nodes, edges, dangling: [] };
      const plain = new GraphIndex(graph);
      const lookup = new RowEdges(nodes, rows);
      const fromRows = new GraphIndex(graph, lookup);
      const every = [
        ...new Set([...nodes.map((n) => n.id), ...edges.flatMap((e) => [e.from, e.to]), 'k9', 'x9']),
      ];
      // Asked twice: the lists made the first time are the ones given the second.
      for (const pass of [1, 2])
        for (const id of every) {
          assert.deepEqual(strip(fromRows.out(id)), strip(plain.out(id)), `out ${id} (${pass})`);
          assert.deepEqual(strip(fromRows.in(id)), strip(plain.in(id)), `in ${id} (${pass})`);
          assert.deepEqual(strip(fromRows.out(id, 'mounts')), strip(plain.out(id, 'mounts')));
          assert.deepEqual(fromRows.node(id), plain.node(id));
        }
      assert.deepEqual(strip(lookup.all()), strip(edges));
    }),
    { numRuns: 500 },
  );
});

test('a row that names no node, or rows not in threes, are refused', () => {
  const nodes = [node('a'), node('b')];
  assert.throws(() => new RowEdges(nodes, [0, 2, 'mounts']), /no node 2/);
  assert.throws(() => new RowEdges(nodes, [0.5, 1, 'mounts']), /no node 0.5/);
  assert.throws(() => new RowEdges(nodes, [null as unknown as number, 1, 'mounts']), /end is object/);
  assert.throws(() => new RowEdges(nodes, [0, 1]), /not in threes/);
  assert.equal(new RowEdges(nodes, [0, 'gone', 'mounts']).out('a')[0]?.to, 'gone');
});
