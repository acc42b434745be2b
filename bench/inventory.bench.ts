/**
 * The offline inventory at 500, 3,000 and 10,000 pods (issue 18, budgets 2 and 4), each size in
 * a child process of its own with a time limit (bench/inventory/measure-size.ts measures it),
 * against baselines measured in the same child:
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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLAST_ROUNDS, type Measured, measureSize } from './inventory/measure-size.ts';
import { markdownTable, ratio, seconds } from './report.ts';
import type { Time } from './timed.ts';

const BUDGET = { json: 1.5, yaml: 4, exponent: 1.1 } as const;

if (process.argv[2] === '--child') {
  const measured = await measureSize(Number(process.argv[3]), process.argv[4] as string);
  process.stdout.write(`${JSON.stringify(measured)}\n`);
} else await parent();

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
    markdownTable(
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
        ratio(r.inventoryMs.cpu / r.baselineMs.cpu),
        both(r.floorMs),
        ratio(r.floorMs.cpu / r.baselineMs.cpu),
        both(r.againMs),
        mb(r.yamlBytes),
        both(r.jsonReadMs),
        both(r.yamlReadMs),
        ratio(r.yamlReadMs.cpu / r.jsonReadMs.cpu),
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
    markdownTable(
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
      `The floor at ${largest.pods.toLocaleString('en-US')} pods (the file read as tierbook reads it, its graph and analysis, the same pages written; no page made) is ${ratio(floor)} the baseline's CPU: ` +
        (floor > BUDGET.json
          ? `over the ${BUDGET.json}× budget before any page is made, so no faster rendering meets it while the read, the graph and the analysis cost what they do.`
          : `under the ${BUDGET.json}× budget, which leaves ${ratio(BUDGET.json - floor)} of the baseline for making the pages, the blast of every failure domain and the runbooks.`),
    );
  }
  if (verdicts.some(([, value, budget]) => value > budget)) failed = true;
  process.exitCode = failed ? 1 : 0;
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

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
function both(time: Time): string {
  return `${seconds(time.cpu)} (${seconds(time.wall)})`;
}
function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
