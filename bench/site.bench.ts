/**
 * The site on a 2,000-workload synthetic inventory (and, with TIERBOOK_BENCH_SITE_LARGE=1, the
 * 10,000-pod one: 5,000 workloads; =only for it alone): a cold build (every diagram drawn, an empty cache), then a
 * rebuild after one workload changed (into the same folder: only the pages whose data changed
 * are rendered), and one after an operator's note was added to another (nothing to draw),
 * measured against the cold build in the same run. Prints
 * Markdown: raw times, the ratio, diagrams drawn, page sizes, each against its budget (issue
 * 18, item 5); exits 1 when one is over. `npm run bench -- site`. Needs Chromium (see README).
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInventory, loadCluster } from '../src/core/index.ts';
import { renderContent } from '../src/core/render/content.ts';
import { readContentDir, writeContentDir } from '../src/io/content-dir.ts';
import { readContent } from '../src/site/data/read-content.ts';
import { buildSite, siteDiagrams } from '../src/site/data/site.ts';
import { buildStaticSite, type SiteBuildResult } from '../src/site/site-build.ts';
import { syntheticCluster } from './synthetic/index.ts';

const BUDGET = {
  /** Cold build of 2,000 workloads on 2 cores, seconds (larger sizes are reported, not judged). */
  coldSeconds: 90,
  msPerDiagram: 35,
  rebuildRatio: 0.1,
  largestPageKiB: 500,
  medianWorkloadPageKiB: 150,
};

// TIERBOOK_BENCH_SITE_LARGE=1 adds the 10,000-pod size; =only runs it alone.
const LARGE = process.env.TIERBOOK_BENCH_SITE_LARGE;
const SIZES = [
  ...(LARGE === 'only' ? [] : [{ label: '2,000 workloads', workloads: 2_000, judgeCold: true }]),
  ...(LARGE === '1' || LARGE === 'only'
    ? [{ label: '10,000 pods (5,000 workloads)', workloads: 5_000, judgeCold: false }]
    : []),
];

const say = (text: string) => process.stdout.write(`${text}\n`);
let over = 0;

say('## Site build (issue 18, item 5)\n');
for (const size of SIZES) await benchSize(size);
if (LARGE !== '1' && LARGE !== 'only')
  say('\n(The 10,000-pod size runs with `TIERBOOK_BENCH_SITE_LARGE=1`, or alone with `=only`.)');
process.exitCode = over > 0 ? 1 : 0;

async function benchSize(size: (typeof SIZES)[number]): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'tierbook-site-bench-'));
  // A cache of its own: the cold build really draws every diagram.
  process.env.TIERBOOK_CACHE_DIR = join(work, 'cache');
  const contentDir = join(work, 'content');
  const outDir = join(work, 'site');
  try {
    const items = syntheticCluster({ workloads: size.workloads });
    const inventory = await buildInventory(await loadCluster({ items, unreadable: [], skipped: [] }), {
      cluster: 'synthetic',
      now: '2026-11-24T06:00:00Z',
    });
    await writeContentDir(contentDir, renderContent(inventory, new Map()));
    const before = await diagramSources(contentDir);

    const cold = await buildStaticSite({ contentDir, outDir, notify: () => {} });
    const changed = await changeOneWorkload(contentDir);
    const after = await diagramSources(contentDir);
    const newSources = [...after].filter((s) => !before.has(s)).length;
    const rebuild = await buildStaticSite({ contentDir, outDir, notify: () => {} });
    const pages = await pageSizes(outDir);
    // An operator's note: a page changes and no diagram does. What a rebuild costs when nothing
    // is drawn: its check, Astro and the search index.
    const noted = await noteOneWorkload(contentDir, changed);
    const notedRebuild = await buildStaticSite({ contentDir, outDir, notify: () => {} });

    say(
      `\n### ${size.label}: ${cold.workloads} workloads, ${cold.storage} storage objects, ${cold.pages} pages\n`,
    );
    say('| build | total | check | diagrams | pages (Astro) | search | drawn | cached |');
    say('|---|---|---|---|---|---|---|---|');
    say(row('cold (empty cache)', cold));
    say(row(`rebuild (${changed} changed)`, rebuild));
    say(row(`rebuild (a note added to ${noted})`, notedRebuild));
    say(
      `\nThe rebuild kept ${rebuild.keptPages} unchanged pages' files from the previous site and rendered the rest (decision 83). "pages (Astro)" is the time after the diagrams were drawn: Astro starts while they are. The note's rebuild draws nothing: what any rebuild costs while Pagefind indexes every page and Astro starts and bundles (kept ${notedRebuild.keptPages}).\n`,
    );
    const perDiagram = cold.diagrams.rendered > 0 ? cold.timings.diagrams / cold.diagrams.rendered : 0;
    const ratio = rebuild.timings.total / cold.timings.total;
    const largest = pages.all[0] ?? { path: '', bytes: 0 };
    const median = medianOf(pages.workloads.map((p) => p.bytes));
    say('| measure | value | budget | |');
    say('|---|---|---|---|');
    if (size.judgeCold) check('cold build', cold.timings.total / 1000, BUDGET.coldSeconds, 's');
    else say(`| cold build | ${(cold.timings.total / 1000).toFixed(1)} s | (reported) | |`);
    check('diagram, amortised (cold)', perDiagram, BUDGET.msPerDiagram, 'ms');
    check('rebuild / cold', ratio, BUDGET.rebuildRatio, '', 3);
    const notedRatio = notedRebuild.timings.total / cold.timings.total;
    say(
      `| rebuild with nothing to draw / cold (reported) | ${notedRatio.toFixed(3)} (search ${(notedRebuild.timings.search / cold.timings.total).toFixed(3)} of it) | | |`,
    );
    check("diagrams drawn by the note's rebuild", notedRebuild.diagrams.rendered, 0, 'new', 0);
    // Only the diagrams whose text changed are drawn again; every other one comes from the cache.
    check('diagrams drawn by the rebuild', rebuild.diagrams.rendered, newSources, 'new', 0);
    check(`largest page (${largest.path})`, largest.bytes / 1024, BUDGET.largestPageKiB, 'KiB', 0);
    check('median workload page', median / 1024, BUDGET.medianWorkloadPageKiB, 'KiB', 0);
    say(
      `\nPages over ${BUDGET.largestPageKiB} KiB: ${pages.all.filter((p) => p.bytes > BUDGET.largestPageKiB * 1024).length}. The largest: ${pages.all
        .slice(0, 5)
        .map((p) => `${p.path} ${(p.bytes / 1024).toFixed(0)} KiB`)
        .join(', ')}; median workload page ${(median / 1024).toFixed(1)} KiB of ${pages.workloads.length}.`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function row(label: string, r: SiteBuildResult): string {
  const t = r.timings;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `| ${label} | ${s(t.total)} | ${s(t.check)} | ${s(t.diagrams)} | ${s(t.astro)} | ${s(t.search)} | ${r.diagrams.rendered} | ${r.diagrams.cached} |`;
}

function check(label: string, value: number, budget: number, unit: string, digits = 1): void {
  const ok = value <= budget;
  if (!ok) over++;
  say(`| ${label} | ${value.toFixed(digits)} ${unit} | ≤ ${budget} ${unit} | ${ok ? 'ok' : '**over**'} |`);
}

async function diagramSources(dir: string): Promise<Set<string>> {
  const site = buildSite(readContent(await readContentDir(dir)));
  return new Set(siteDiagrams(site).map((d) => d.source));
}

/** Grows the first volume of the first workload with one: its page and storage picture change. */
async function changeOneWorkload(dir: string): Promise<string> {
  const names = (await readdir(join(dir, 'workloads'))).sort();
  for (const name of names) {
    const path = join(dir, 'workloads', name);
    const text = await readFile(path, 'utf8');
    if (!/^ {4}capacity: \S+$/m.test(text)) continue;
    await writeFile(path, text.replace(/^( {4}capacity: )\S+$/m, '$1999Gi'));
    return name;
  }
  throw new Error('no workload with a volume to change');
}

/** Writes an operator's note into the first workload page after `after`, between its markers. */
async function noteOneWorkload(dir: string, after: string): Promise<string> {
  const names = (await readdir(join(dir, 'workloads'))).sort().filter((name) => name > after);
  const end = '<!-- tierbook:notes:end -->';
  for (const name of names) {
    const path = join(dir, 'workloads', name);
    const text = await readFile(path, 'utf8');
    if (!text.includes(end)) continue;
    await writeFile(path, text.replace(end, `Restore rehearsed by hand on 2026-11-30 (bench note).\n${end}`));
    return name;
  }
  throw new Error(`no workload page after ${after} with a notes section`);
}

interface PageSize {
  path: string;
  bytes: number;
}

/** Every HTML page, largest first, and the workload pages among them. */
async function pageSizes(dir: string): Promise<{ all: PageSize[]; workloads: PageSize[] }> {
  const all: PageSize[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    all.push({ path: path.slice(dir.length + 1), bytes: (await stat(path)).size });
  }
  all.sort((a, b) => b.bytes - a.bytes);
  return { all, workloads: all.filter((p) => /^workloads\/[^/]+\/index\.html$/.test(p.path)) };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
