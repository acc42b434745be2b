/**
 * The offline inventory at 500, 3,000 and 10,000 pods (issue 18, budgets 2 and 4), each size in
 * a child process of its own with a time limit, against baselines measured in the same child:
 *  - JSON: `tierbook inventory --from FILE --out DIR` (the command, in-process, without process
 *    start-up) against `JSON.parse` of the same file plus plain `writeFile` of the same pages
 *    (the least of three runs); budget 1.5×. Beside it, the floor (the least of three runs taken
 *    in turns with the baseline's): the file read as tierbook reads it, its graph and analysis,
 *    and the same pages written; what no faster rendering of the pages can take away. The same
 *    command run again into the content/ it wrote is reported too.
 *  - YAML: reading the same cluster as a `kubectl get -o yaml` List against reading it as JSON;
 *    budget 4×.
 *  - Scaling: the exponent fitted to inventory time and to blasting every failure domain over
 *    the sizes (the least of three calls on fresh analyses per size); budget 1.1.
 * Every time is CPU time (user + system, the whole process: the file system's threads and the
 * garbage collector's included), wall time beside it: on a shared machine wall time follows the
 * neighbours' load, CPU time much less; the ratios are of CPU time.
 * Exits 1 when a ratio is over its budget. `npm run bench -- inventory`;
 * TIERBOOK_BENCH_QUICK=1 leaves out the 10,000-pod size; TIERBOOK_BENCH_TIMEOUT (seconds, default
 * 600) bounds each child.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { inventoryCommand } from '../scripts/commands/inventory.ts';
import { failureDomains } from '../src/core/analysis/blast/failure-domains.ts';
import { analyseCluster, loadCluster } from '../src/core/index.ts';
import { readOffline } from '../src/io/read-offline.ts';
import { syntheticCluster } from './synthetic/index.ts';
import { type Time, timed } from './timed.ts';
import { readPages, writeAll } from './write-pages.ts';

const NOW = '2026-11-24T06:00:00Z';
const BUDGET = { json: 1.5, yaml: 4, exponent: 1.1 } as const;
/** Runs of the baseline and of the floor per size, in turns; the least of each is reported. */
const BASELINE_ROUNDS = 3;
/** Calls of the blast of every failure domain per size; the least is reported. */
const BLAST_ROUNDS = 3;

interface Measured {
  pods: number;
  objects: number;
  jsonBytes: number;
  yamlBytes: number;
  /** JSON.parse of the file plus writing the same pages with plain writeFile (least of the rounds). */
  baselineMs: Time;
  /** The file read as tierbook reads it, its graph and analysis, and the same pages written. */
  floorMs: Time;
  inventoryMs: Time;
  /** The same command again into the content/ it wrote: read for notes, compared before the swap. */
  againMs: Time;
  jsonReadMs: Time;
  yamlReadMs: Time;
  blastAllMs: Time;
  domains: number;
  pages: number;
  /** The child's peak before the run again (which shares its heap: its own peak is not told apart). */
  maxRssBytes: number;
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]), process.argv[4] as string);
else await parent();

async function parent(): Promise<void> {
  const sizes = process.env.TIERBOOK_BENCH_QUICK ? [500, 3_000] : [500, 3_000, 10_000];
  const limitMs = Number(process.env.TIERBOOK_BENCH_TIMEOUT ?? 600) * 1000;
  const work = mkdtempSync(join(tmpdir(), 'tierbook-inventory-bench-'));
  const rows: Measured[] = [];
  let failed = false;
  try {
    for (const pods of sizes) {
      const run = spawnSync(process.execPath, [import.meta.filename, '--child', String(pods), work], {
        encoding: 'utf8',
        timeout: limitMs,
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 2 ** 20,
      });
      const last = run.stdout?.trim().split('\n').at(-1) ?? '';
      if (run.status !== 0 || !last.startsWith('{')) {
        say(
          `${pods} pods: ${run.error ? `stopped after ${limitMs / 1000} s` : `failed (exit ${run.status})`}`,
        );
        failed = true;
        continue;
      }
      rows.push(JSON.parse(last) as Measured);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  say('## Offline inventory (bench/inventory.bench.ts)\n');
  say(
    'Issue 18, budgets 2 and 4. Each size in a child process of its own; CPU time is user + system of the whole process.\n',
  );
  say(
    table(
      [
        'pods',
        'objects',
        'JSON',
        'baseline: parse + write, CPU (wall)',
        'inventory, CPU (wall)',
        '× baseline',
        'floor: read, graph, analysis + write, CPU (wall)',
        '× baseline',
        'again, into its content/, CPU (wall)',
        'YAML',
        'read JSON, CPU (wall)',
        'read YAML, CPU (wall)',
        '× JSON read',
        `blast all domains, CPU (wall), least of ${BLAST_ROUNDS}`,
        'pages',
        'peak RSS',
      ],
      rows.map((r) => [
        r.pods.toLocaleString('en-US'),
        r.objects.toLocaleString('en-US'),
        mb(r.jsonBytes),
        both(r.baselineMs),
        both(r.inventoryMs),
        times(r.inventoryMs.cpu / r.baselineMs.cpu),
        both(r.floorMs),
        times(r.floorMs.cpu / r.baselineMs.cpu),
        both(r.againMs),
        mb(r.yamlBytes),
        both(r.jsonReadMs),
        both(r.yamlReadMs),
        times(r.yamlReadMs.cpu / r.jsonReadMs.cpu),
        `${both(r.blastAllMs)}, ${r.domains} domains`,
        r.pages.toLocaleString('en-US'),
        mb(r.maxRssBytes),
      ]),
    ),
  );
  const verdicts: [string, number, number][] = [];
  for (const r of rows) {
    verdicts.push([
      `${r.pods} pods: inventory / (parse + write), CPU`,
      r.inventoryMs.cpu / r.baselineMs.cpu,
      BUDGET.json,
    ]);
    verdicts.push([
      `${r.pods} pods: YAML read / JSON read, CPU`,
      r.yamlReadMs.cpu / r.jsonReadMs.cpu,
      BUDGET.yaml,
    ]);
  }
  if (rows.length >= 2) {
    const pods = rows.map((r) => r.pods);
    verdicts.push([
      'scaling exponent: inventory, CPU',
      exponent(
        pods,
        rows.map((r) => r.inventoryMs.cpu),
      ),
      BUDGET.exponent,
    ]);
    verdicts.push([
      'scaling exponent: blast every failure domain, CPU',
      exponent(
        pods,
        rows.map((r) => r.blastAllMs.cpu),
      ),
      BUDGET.exponent,
    ]);
  }
  say('');
  say(
    table(
      ['measure', 'value', 'budget', ''],
      verdicts.map(([label, value, budget]) => [
        label,
        value.toFixed(2),
        budget.toFixed(2),
        value <= budget ? 'ok' : 'OVER',
      ]),
    ),
  );
  const largest = rows.at(-1);
  if (largest) {
    const floor = largest.floorMs.cpu / largest.baselineMs.cpu;
    say('');
    say(
      `The floor at ${largest.pods.toLocaleString('en-US')} pods (the file read as tierbook reads it, its graph and analysis, the same pages written; no page made) is ${times(floor)} the baseline's CPU: ` +
        (floor > BUDGET.json
          ? `over the ${BUDGET.json}× budget before any page is made, so no faster rendering meets it while the read, the graph and the analysis cost what they do.`
          : `under the ${BUDGET.json}× budget, which leaves ${times(BUDGET.json - floor)} of the baseline for making the pages, the blast of every failure domain and the runbooks.`),
    );
  }
  if (verdicts.some(([, value, budget]) => value > budget)) failed = true;
  process.exitCode = failed ? 1 : 0;
}

/** One size: writes the cluster as JSON and YAML, then times each reading and the inventory. */
async function child(pods: number, work: string): Promise<void> {
  const objects = syntheticCluster({ workloads: pods / 2, podsPerWorkload: 2 }).map((i) => i.object);
  const jsonFile = join(work, `${pods}.json`);
  const yamlFile = join(work, `${pods}.yaml`);
  writeFileSync(jsonFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  writeFileSync(
    yamlFile,
    stringify(
      { apiVersion: 'v1', kind: 'List', items: objects },
      { lineWidth: 0, aliasDuplicateObjects: false },
    ),
  );

  const jsonReadMs = await timed(() => readOffline([jsonFile]));
  const yamlReadMs = await timed(() => readOffline([yamlFile]));

  const out = join(work, `content-${pods}`);
  const inventoryMs = await timed(() =>
    quietly(() =>
      inventoryCommand(['--from', jsonFile, '--out', out, '--now', NOW, '--cluster', 'synthetic']),
    ),
  );

  // The baseline: parse the same file, write the same pages (no atomic rename, no marker).
  // The floor: what no inventory writing these pages can skip, with today's code. The file read
  // as tierbook reads it, the graph and the analysis the pages are made from, and the same
  // pages written as the baseline writes them; no page made, no blast of the failure domains,
  // no notes compared, no runbooks read. Warm (the inventory above ran the same code), so it is
  // a floor: if it is over a budget, no faster rendering meets that budget.
  // Each timed BASELINE_ROUNDS times, in turns, and taken at the least: one write of hundreds of
  // MB moved by a factor of two between runs (the kernel's writeback of the run before).
  const pages = readPages(out);
  const baselineRuns: Time[] = [];
  const floorRuns: Time[] = [];
  const plain = join(work, `plain-${pods}`);
  for (let round = 0; round < BASELINE_ROUNDS; round++) {
    baselineRuns.push(
      await timed(async () => {
        JSON.parse(readFileSync(jsonFile, 'utf8'));
        await writeAll(plain, pages);
      }),
    );
    rmSync(plain, { recursive: true });
    floorRuns.push(
      await timed(async () => {
        await analyseCluster((await loadCluster(await readOffline([jsonFile]))).graph, { now: NOW });
        await writeAll(plain, pages);
      }),
    );
    rmSync(plain, { recursive: true });
  }
  const baselineMs = least(baselineRuns);
  const floorMs = least(floorRuns);

  // The blast of every failure domain, timed on fresh analyses (its tables are made once per
  // analysis) and taken at the least of several calls: one call's time moves with the
  // neighbours' load, and the exponent fitted over three sizes moves with it.
  let domains = 0;
  const blastRuns: Time[] = [];
  for (let round = 0; round < BLAST_ROUNDS; round++) {
    const analysis = await analyseCluster((await loadCluster(await readOffline([jsonFile]))).graph, {
      now: NOW,
    });
    blastRuns.push(
      await timed(() => {
        domains = failureDomains(analysis).length;
      }),
    );
  }
  const blastAllMs = least(blastRuns);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;

  // As an operator runs it every day: into the content/ it wrote, whose pages are read for
  // their notes and read again before the swap (decision 101). Reported, not budgeted; last,
  // so that it warms nothing measured above nor adds to the peak reported.
  const againMs = await timed(() =>
    quietly(() =>
      inventoryCommand(['--from', jsonFile, '--out', out, '--now', NOW, '--cluster', 'synthetic']),
    ),
  );

  const measured: Measured = {
    pods,
    objects: objects.length,
    jsonBytes: statSync(jsonFile).size,
    yamlBytes: statSync(yamlFile).size,
    baselineMs,
    floorMs,
    inventoryMs,
    againMs,
    jsonReadMs,
    yamlReadMs,
    blastAllMs,
    domains,
    pages: pages.length,
    maxRssBytes,
  };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}

/** The run of least CPU time. */
function least(runs: readonly Time[]): Time {
  return runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
}

/** The command's own report lines would interleave with the table: keep them out. */
async function quietly(run: () => Promise<number>): Promise<void> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const code = await run();
    if (code !== 0) throw new Error(`tierbook inventory exited ${code}`);
  } finally {
    process.stdout.write = write;
  }
}

/** Least-squares slope of log(time) over log(size): 1 is linear, 2 quadratic. */
function exponent(sizes: readonly number[], ms: readonly number[]): number {
  const xs = sizes.map(Math.log);
  const ys = ms.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
function both(time: Time): string {
  return `${seconds(time.cpu)} (${seconds(time.wall)})`;
}
function times(value: number): string {
  return `${value.toFixed(2)}×`;
}
function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
