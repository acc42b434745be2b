/**
 * A guard decision on the 10,000-pod synthetic cluster, as a process (what a hook or a wrapper
 * pays per command), against two baselines measured in the same run: `node -e 0` (a process
 * start) and `tierbook --help` (tierbook's own start). A harmless command is answered without
 * reading the inventory; a destructive one reads it, from a committed inventory (`--content`,
 * its graph.json, written here as `inventory` would) and from a `--from` dump, and computes the
 * blast radius. The in-process part (recognise + blast, the inventory already analysed) is
 * measured too. Target: a decision within 300 ms. `npm run bench -- guard`.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/core/analysis/analyze.ts';
import { DEFAULT_CONFIG } from '../src/core/config/index.ts';
import { buildGraph } from '../src/core/graph/build.ts';
import { SAVED_INVENTORY_FILE } from '../src/core/graph/saved-inventory.ts';
import { assessSteps } from '../src/core/guard/assess.ts';
import { guardInventory } from '../src/core/guard/inventory.ts';
import { recognise } from '../src/core/guard/recognise.ts';
import { assembleInventory } from '../src/core/inventory/assemble.ts';
import { savedInventoryText } from '../src/core/render/saved-inventory-file.ts';
import { best } from './best.ts';
import { syntheticCluster } from './synthetic/index.ts';

const PODS = 10_000;
const NOW = '2026-11-24T06:00:00Z';
const CLI = join(import.meta.dirname, '..', 'scripts', 'tierbook.ts');
const PURGE = 'ceph osd purge 0 --yes-i-really-mean-it';

/** A process whose exit code must be 0 or 1 (a decision), never 2 or 3 (an error). */
function spawn(args: string[]): () => void {
  return () => {
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  };
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
  const saved = assembleInventory({ items, unreadable: [], skipped: [] }, { cluster: 'synthetic', now: NOW });
  await writeFile(join(content, SAVED_INVENTORY_FILE), savedInventoryText(saved));

  const analysis = analyze(buildGraph(items), { config: DEFAULT_CONFIG, now: NOW });
  const inventory = guardInventory(analysis);
  let level = '';
  const inProcess = best(() => {
    level = assessSteps(PURGE, recognise(PURGE, null, inventory), analysis, null).level;
  });

  const nodeStart = best(spawn(['-e', '0']));
  const help = best(spawn([CLI, '--help']));
  const harmless = best(spawn([CLI, 'guard', '--from', dump, '--', 'kubectl', 'get', 'pods', '-A']));
  const fromContent = best(spawn([CLI, 'guard', '--content', content, '--now', NOW, '--', PURGE]));
  const destructive = best(spawn([CLI, 'guard', '--from', dump, '--now', NOW, '--', PURGE]));

  const say = (label: string, ms: number) =>
    process.stdout.write(
      `${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / nodeStart).toFixed(1).padStart(5)}× node -e 0  ${(ms / help).toFixed(1).padStart(5)}× --help\n`,
    );
  process.stdout.write(
    `${pods} pods, ${analysis.workloads.length} workloads; best of 5; the purge: ${level}\n\n`,
  );
  say('baseline: node -e 0', nodeStart);
  say('baseline: tierbook --help', help);
  say('guard, harmless (kubectl get pods -A; no read)', harmless);
  say(`guard --content, destructive (${PURGE.split(' --')[0]})`, fromContent);
  say(`guard --from dump, destructive (${PURGE.split(' --')[0]})`, destructive);
  say('in process: recognise + blast (inventory analysed)', inProcess);
  process.stdout.write(
    `\ntarget 300 ms for a decision: harmless ${harmless <= 300 ? 'met' : 'NOT met'}, destructive from --content ${fromContent <= 300 ? 'met' : 'NOT met'}, from a dump ${destructive <= 300 ? 'met' : 'NOT met'}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
