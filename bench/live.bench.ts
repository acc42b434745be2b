/**
 * The live inventory against its baselines, measured in one run against one server: the
 * synthetic cluster (5,000 workloads, 10,002 pods) served over HTTPS by the tests' local API
 * server, read (a) raw, `fetch` + `JSON.parse`, 500 a page, four kinds at a time; (b) by the
 * real `kubectl get <the same kinds> -A -o json --chunk-size=500` (skipped, and said, when
 * /usr/bin/kubectl is absent); (c) by tierbook's live read alone; (d) by `tierbook inventory
 * --kubeconfig …` into a new folder; (e) by the floor, what no inventory writing the same content/
 * can skip (decision 102). The readers are in bench/live/readers.ts. Every reader is its own
 * process: wall time from spawn to exit, peak RSS (ru_maxrss), best of the rounds. Prints a Markdown section for bench/RESULTS.md.
 * `npm run bench -- live`; `--ci` runs the smallest size and exits 1 when a ratio exceeds its
 * ceiling in bench/ci-thresholds.json (ratios, never wall times); `--workloads N` picks a size.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KUBECTL, type Reader, type ReaderId, readersFor } from './live/readers.ts';
import { type ServedCluster, serveSyntheticCluster } from './live/served-cluster.ts';
import { markdownTable, megabytes, ratio, seconds } from './report.ts';

const ROOT = join(import.meta.dirname, '..');

interface Best {
  wallMs: number;
  /** The floor's: its read, graph and analysis alone, before any page is written. */
  analysedWallMs?: number | undefined;
  cpuMs: number | undefined;
  maxRssBytes: number | undefined;
}

/** bench/ci-thresholds.json's `live`: the CI size and rounds, and the ceiling of each ratio. */
interface Thresholds {
  workloads: number;
  rounds: number;
  /**
   * Ceilings of `<reader>/raw cpu` (CPU time) and `<reader>/raw rss` (peak RSS). Never wall
   * time: on a shared runner it follows the neighbours' load, CPU time and memory do not.
   */
  maxRatio: Record<string, number>;
}

const { values } = parseArgs({
  options: { ci: { type: 'boolean' }, workloads: { type: 'string' }, rounds: { type: 'string' } },
});
const thresholdsFile = join(import.meta.dirname, 'ci-thresholds.json');
const thresholds = (JSON.parse(await readFile(thresholdsFile, 'utf8')) as { live: Thresholds }).live;
const workloads = Number(values.workloads ?? (values.ci ? thresholds.workloads : 5_000));
const rounds = Number(values.rounds ?? (values.ci ? thresholds.rounds : workloads <= 1_000 ? 3 : 1));
const say = (text = '') => process.stdout.write(`${text}\n`);

const scratch = await mkdtemp(join(tmpdir(), 'tierbook-live-bench-'));
let cluster: ServedCluster | undefined;
try {
  cluster = await serveSyntheticCluster(scratch, workloads);
  const readers = readersFor(cluster, scratch);
  const best = new Map<ReaderId, Best>();
  // Round-robin, so a burst of load from other work on the machine spreads over every reader.
  for (let round = 1; round <= rounds; round++) {
    for (const reader of readers) {
      const measured = await reader.run(round);
      await reader.verify(measured, round);
      await rm(measured.stdoutFile, { force: true });
      const seen = best.get(reader.id);
      best.set(reader.id, {
        wallMs: Math.min(seen?.wallMs ?? Number.POSITIVE_INFINITY, measured.wallMs),
        cpuMs: minOf(seen?.cpuMs, measured.cpuMs),
        maxRssBytes: minOf(seen?.maxRssBytes, measured.maxRssBytes),
        analysedWallMs: minOf(seen?.analysedWallMs, measured.analysedWallMs),
      });
    }
  }
  report(cluster, readers, best);
  if (values.ci) process.exitCode = gate(readers, best);
} finally {
  await cluster?.server.close();
  await rm(scratch, { recursive: true, force: true });
}

function report(cluster: ServedCluster, readers: readonly Reader[], best: ReadonlyMap<ReaderId, Best>): void {
  const raw = best.get('raw') as Best;
  const rows = readers.map((reader) => {
    const m = best.get(reader.id) as Best;
    return [
      reader.label,
      seconds(m.wallMs),
      ratio(m.wallMs / raw.wallMs),
      m.cpuMs === undefined ? 'n/a' : seconds(m.cpuMs),
      ratio(cpuRatio(m, raw)),
      megabytes(m.maxRssBytes),
      ratio(rssRatio(m, raw)),
    ];
  });
  const count = (n: number) => n.toLocaleString('en-US');
  say('## Live inventory (bench/live.bench.ts)');
  say();
  say(`Load average ${loadavg()[0]?.toFixed(1)} at the end of the run.`);
  say();
  say(
    `${count(workloads)} workloads, ${count(cluster.pods)} pods, ${count(cluster.objects)} objects in ` +
      `${cluster.served.length} kinds, served by tests/support/apiserver.ts on 127.0.0.1 ` +
      `(${cluster.caFile ? 'HTTPS, a bearer token' : 'plain HTTP: openssl is not installed'}). Each reader is ` +
      `its own process (wall time from spawn to exit, CPU time user + system, peak RSS), every one ` +
      `read every object; ${rounds === 1 ? 'one round' : `the least of ${rounds} rounds for each`}.`,
  );
  say();
  say(markdownTable(['reader', 'wall', '× raw', 'CPU', '× raw CPU', 'peak RSS', '× raw RSS'], rows));
  say();
  if (!best.has('kubectl')) say(`kubectl skipped: ${KUBECTL} is not installed.\n`);
  const inventory = best.get('inventory') as Best;
  const kubectl = best.get('kubectl');
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const lines = [
    `inventory ≤ 2× raw (goal 1.5×): ${verdict(inventory.wallMs <= 2 * raw.wallMs)} (${ratio(inventory.wallMs / raw.wallMs)})`,
    kubectl
      ? `inventory ≥ 3× faster than kubectl: ${verdict(kubectl.wallMs >= 3 * inventory.wallMs)} (kubectl / inventory ${ratio(kubectl.wallMs / inventory.wallMs)})`
      : 'inventory ≥ 3× faster than kubectl: not measured (no kubectl)',
    `inventory peak RSS ≤ 3× raw's: ${rssRatio(inventory, raw) === undefined ? 'not measured' : `${verdict((rssRatio(inventory, raw) as number) <= 3)} (${ratio(rssRatio(inventory, raw))})`}`,
  ];
  say(`Budgets (issue 18, item 1, for the 10,002-pod size): ${lines.join('; ')}.`);
  const floor = best.get('floor');
  if (floor) {
    const analysed = floor.analysedWallMs ?? floor.wallMs;
    say();
    say(
      `The floor (what no inventory writing the same content/ can skip with today's read, graph and analysis): ` +
        [
          `${ratio(floor.wallMs / raw.wallMs)} raw (budget 2×), of which the read, graph and analysis alone, before any page is written, ${ratio(analysed / raw.wallMs)}`,
          kubectl
            ? `kubectl / floor ${ratio(kubectl.wallMs / floor.wallMs)} (budget 3×; kubectl / the read, graph and analysis alone ${ratio(kubectl.wallMs / analysed)})`
            : 'kubectl not measured',
          `peak RSS ${rssRatio(floor, raw) === undefined ? 'not measured' : ratio(rssRatio(floor, raw))} raw's (budget 3×)`,
        ].join('; ') +
        '. A budget the floor is over cannot be met by making the pages faster.',
    );
  }
}

/** Exit code: 1 when a CPU or RSS ratio against raw exceeds its committed ceiling. */
function gate(readers: readonly Reader[], best: ReadonlyMap<ReaderId, Best>): number {
  const raw = best.get('raw') as Best;
  const rows: string[][] = [];
  let failed = 0;
  for (const reader of readers) {
    const m = best.get(reader.id) as Best;
    for (const [key, value] of [
      [`${reader.id}/raw cpu`, cpuRatio(m, raw)],
      [`${reader.id}/raw rss`, rssRatio(m, raw)],
    ] as const) {
      const ceiling = thresholds.maxRatio[key];
      if (ceiling === undefined) continue;
      const over = value !== undefined && value > ceiling;
      if (over) failed++;
      rows.push([
        key,
        ratio(value),
        ratio(ceiling),
        value === undefined ? 'not measured' : over ? '**REGRESSED**' : 'ok',
      ]);
    }
  }
  say();
  say(`CI gate (${thresholdsFile.slice(ROOT.length + 1)}, ${workloads} workloads):`);
  say();
  say(markdownTable(['ratio', 'now', 'ceiling', ''], rows));
  return failed > 0 ? 1 : 0;
}

function cpuRatio(m: Best, raw: Best): number | undefined {
  return m.cpuMs !== undefined && raw.cpuMs ? m.cpuMs / raw.cpuMs : undefined;
}

function rssRatio(m: Best, raw: Best): number | undefined {
  return m.maxRssBytes !== undefined && raw.maxRssBytes ? m.maxRssBytes / raw.maxRssBytes : undefined;
}

function minOf(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
