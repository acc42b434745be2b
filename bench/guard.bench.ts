/**
 * A guard decision on the 10,000-pod synthetic cluster, as a process through bin/tierbook.js
 * (what a hook or a wrapper pays per command), against two baselines measured in the same run: `node -e 0` (a process
 * start) and `tierbook --help` (tierbook's own start); medians of 7, the processes taking turns,
 * wall time and the CPU each spent (a shared machine stretches the first far more). A harmless command is answered without
 * reading the inventory; a destructive one reads it, from a committed inventory (`--content`,
 * its graph.json and guard-context.json, written here as `inventory` would: an OSD's purge and a
 * claim's deletion read from the answers saved there, a namespace's deletion computed on the
 * analysis saved there; and the
 * same without guard-context.json) and from a `--from` dump, and computes the blast radius. The in-process part (recognise + blast, the inventory already analysed) is
 * measured too. Target: a decision within 300 ms. `npm run bench -- guard`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../scripts/cli/version.ts';
import { SAVED_INVENTORY_FILE } from '../src/core/graph/saved-inventory.ts';
import { assessSteps } from '../src/core/guard/assess.ts';
import { guardInventory } from '../src/core/guard/inventory.ts';
import { recognise } from '../src/core/guard/recognise.ts';
import { GUARD_CONTEXT_FILE } from '../src/core/guard/saved-context.ts';
import { guardContextText } from '../src/core/guard/saved-context-text.ts';
import { analyseCluster, buildInventory, loadCluster } from '../src/core/index.ts';
import { savedInventoryText } from '../src/core/render/saved-inventory-file.ts';
import { sha256 } from '../src/io/guard-context-file.ts';
import { best } from './best.ts';
import { median, type ProcessTime, timeInTurns } from './process-time.ts';
import { syntheticCluster } from './synthetic/index.ts';

const PODS = 10_000;
const NOW = '2026-11-24T06:00:00Z';
// What `tierbook` runs in a clone: bin/tierbook.js turns Node's compile cache on before the
// first TypeScript module (scripts/tierbook.ts as the entry strips its own imports every run).
const CLI = join(import.meta.dirname, '..', 'bin', 'tierbook.js');
const PURGE = 'ceph osd purge 0 --yes-i-really-mean-it';
// A claim's deletion: its answer is saved too.
const CLAIM = 'kubectl delete pvc -n team-000 db-0-2';
// A namespace's deletion (its claims and workloads lost together): no answer is saved for
// several targets at once, so the blast is computed on the saved analysis.
const NAMESPACE = 'kubectl delete namespace team-000';

const ROUNDS = 7;

/**
 * Decisions (exit 0 or 1), never errors (2, 3): each process ROUNDS times, after one warm-up,
 * timed from a small process (timeInTurns), not from this one with its cluster in memory.
 */
function processes(cases: readonly string[][]): ProcessTime[][] {
  return timeInTurns(cases, ROUNDS, [0, 1]);
}

const work = await mkdtemp(join(tmpdir(), 'tierbook-guard-bench-'));
try {
  const items = syntheticCluster({ workloads: PODS / 2, podsPerWorkload: 2 });
  const dump = join(work, 'cluster.json');
  await writeFile(
    dump,
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items: items.map((i) => i.object) }),
  );
  const pods = items.filter((i) => i.object.kind === 'Pod').length;
  const content = join(work, 'content');
  await mkdir(content);
  const cluster = await loadCluster({ items, unreadable: [], skipped: [] });
  const saved = await buildInventory(cluster, { cluster: 'synthetic', now: NOW });
  const graphText = savedInventoryText(saved);
  await writeFile(join(content, SAVED_INVENTORY_FILE), graphText);
  // The same inventory without the guard's saved analysis: graph.json analysed on every call.
  const bare = join(work, 'content-without-cache');
  await mkdir(bare);
  await writeFile(join(bare, SAVED_INVENTORY_FILE), graphText);
  // As `tierbook inventory` writes it beside graph.json.
  const contextText = guardContextText(graphText, VERSION, sha256);
  await writeFile(join(content, GUARD_CONTEXT_FILE), contextText);
  const mb = (text: string) => (Buffer.byteLength(text) / 1e6).toFixed(1);

  const analysis = await analyseCluster(cluster.graph, { now: NOW });
  const inventory = guardInventory(analysis);
  let level = '';
  const inProcess = best(() => {
    level = assessSteps(PURGE, recognise(PURGE, null, inventory), analysis, null).level;
  });

  // Taking turns, so a machine that slows down or speeds up colours each alike.
  const [nodeStart, help, harmless, fromContent, claim, namespace, fromGraph, destructive] = processes([
    ['-e', '0'],
    [CLI, '--help'],
    [CLI, 'guard', '--from', dump, '--', 'kubectl', 'get', 'pods', '-A'],
    [CLI, 'guard', '--content', content, '--now', NOW, '--', PURGE],
    [CLI, 'guard', '--content', content, '--now', NOW, '--', CLAIM],
    [CLI, 'guard', '--content', content, '--now', NOW, '--', NAMESPACE],
    [CLI, 'guard', '--content', bare, '--now', NOW, '--', PURGE],
    [CLI, 'guard', '--from', dump, '--now', NOW, '--', PURGE],
  ]) as [
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
    ProcessTime[],
  ];
  const wall = (t: ProcessTime[]) => median(t.map((x) => x.wall));
  const cpu = (t: ProcessTime[]) => median(t.map((x) => x.cpu ?? Number.NaN));
  const say = (label: string, t: ProcessTime[]) =>
    process.stdout.write(
      `${label.padEnd(52)} ${wall(t).toFixed(0).padStart(6)} ms  ${(wall(t) / wall(nodeStart)).toFixed(1).padStart(5)}× node -e 0  ${(wall(t) / wall(help)).toFixed(1).padStart(5)}× --help  CPU ${cpu(t).toFixed(0).padStart(5)} ms\n`,
    );
  process.stdout.write(
    `${pods} pods, ${analysis.workloads.length} workloads; graph.json ${mb(graphText)} MB, guard-context.json ${mb(contextText)} MB; processes (bin/tierbook.js): median of ${ROUNDS} (wall, and CPU user+sys where Linux says); the purge: ${level}\n\n`,
  );
  say('baseline: node -e 0', nodeStart);
  say('baseline: tierbook --help', help);
  say('guard, harmless (kubectl get pods -A; no read)', harmless);
  say('guard --content, destructive, its saved answer', fromContent);
  say("guard --content, a claim's saved answer", claim);
  say('guard --content, a namespace: on the saved analysis', namespace);
  say(`guard --content, destructive, graph.json analysed`, fromGraph);
  say(`guard --from dump, destructive (${PURGE.split(' --')[0]})`, destructive);
  process.stdout.write(
    `${'in process: recognise + blast (inventory analysed)'.padEnd(52)} ${inProcess.toFixed(0).padStart(6)} ms  (best of 5)\n`,
  );
  const met = (t: ProcessTime[]) => (wall(t) <= 300 ? 'met' : 'NOT met');
  process.stdout.write(
    `\ntarget 300 ms wall for a decision: harmless ${met(harmless)}, destructive from --content ${met(fromContent)} (CPU ${cpu(fromContent) <= 300 ? 'within' : 'over'} 300 ms), a claim ${met(claim)}, a namespace ${met(namespace)}, from a dump ${met(destructive)}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
