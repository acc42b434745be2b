/**
 * One blast-radius query on a 10,000-pod synthetic inventory, against a baseline measured in
 * the same run: indexing the graph (GraphIndex over every node and edge), the cheapest thing
 * any analysis must do. A query linear in the graph stays within a small multiple of it.
 * `npm run bench -- blast`.
 */
import { blastRadius } from '../src/core/analysis/blast/blast-radius.ts';
import { failureDomains } from '../src/core/analysis/blast/failure-domains.ts';
import { GraphIndex } from '../src/core/graph/graph-index.ts';
import { analyseCluster, loadCluster } from '../src/core/index.ts';
import { best } from './best.ts';
import { syntheticCluster } from './synthetic/index.ts';

const PODS = 10_000;

const items = syntheticCluster({ workloads: PODS / 2, podsPerWorkload: 2 });
const pods = items.filter((i) => i.object.kind === 'Pod').length;
let start = performance.now();
// Wired through the front door (src/core/index.ts); the queries below time the blast step itself,
// synchronously, as the front door's `blast` runs it.
const { graph } = await loadCluster({ items, unreadable: [], skipped: [] });
const buildMs = performance.now() - start;
start = performance.now();
const analysis = await analyseCluster(graph, { now: '2026-11-24T06:00:00Z' });
const analyzeMs = performance.now() - start;
start = performance.now();
blastRadius(analysis, 'osd/0');
const firstMs = performance.now() - start;

const baseline = best(() => new GraphIndex(graph));
const line = (label: string, ms: number, extra = '') =>
  process.stdout.write(
    `${label.padEnd(36)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / baseline).toFixed(2).padStart(6)}× index${extra}\n`,
  );

process.stdout.write(
  `${pods} pods, ${analysis.workloads.length} workloads, ${graph.nodes.length} nodes, ${graph.edges.length} edges\n`,
);
process.stdout.write(
  `loadCluster ${buildMs.toFixed(0)} ms, analyseCluster ${analyzeMs.toFixed(0)} ms (not part of a query)\n\n`,
);
line('baseline: GraphIndex over the graph', baseline);
line('first query (prepares the analysis)', firstMs);
for (const target of ['osd/0', 'node/node-01', 'pool/rook-ceph/replicapool', 'storageclass/local-path']) {
  let impacts = 0;
  const ms = best(() => {
    impacts = blastRadius(analysis, target).impacts.length;
  });
  line(`blast ${target}`, ms, `  (${impacts} impacts)`);
}
const domains = failureDomains(analysis);
const all = best(() => failureDomains(analysis));
line(`every failure domain (${domains.length})`, all);
