/**
 * One size of the offline benchmark (bench/inventory.bench.ts), measured in the process that
 * calls it: the synthetic cluster written as JSON and YAML, each read, the inventory, the
 * baseline and the floor in turns, the blast of every failure domain, and the inventory again
 * into the content/ it wrote. Times are CPU and wall milliseconds (bench/timed.ts).
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { inventoryCommand } from '../../scripts/commands/inventory.ts';
import { failureDomains } from '../../src/core/analysis/blast/failure-domains.ts';
import { analyseCluster, loadCluster } from '../../src/core/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { syntheticCluster } from '../synthetic/index.ts';
import { type Time, timed } from '../timed.ts';
import { readPages, writeAll } from '../write-pages.ts';

const NOW = '2026-11-24T06:00:00Z';
/** Runs of the baseline and of the floor per size, in turns; the least of each is reported. */
const BASELINE_ROUNDS = 3;
/** Calls of the blast of every failure domain per size; the least is reported. */
export const BLAST_ROUNDS = 3;

export interface Measured {
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

/** One size: writes the cluster as JSON and YAML, then times each reading and the inventory. */
export async function measureSize(pods: number, work: string): Promise<Measured> {
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
  return measured;
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
