/**
 * The site on a 2,000-workload synthetic inventory: a full build (every diagram drawn, an
 * empty cache), then an incremental rebuild after one workload changed, against it in the same
 * run. Reports time per page, the ratio, diagram cache hits and the heaviest page.
 * `npm run bench -- site`. Needs Chromium (see README).
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleInventory } from '../src/core/inventory/assemble.ts';
import { renderContent } from '../src/core/render/content.ts';
import { writeContentDir } from '../src/io/content-dir.ts';
import { buildStaticSite, type SiteBuildResult } from '../src/io/site-build.ts';
import { syntheticCluster } from './synthetic/index.ts';

const WORKLOADS = 2_000;
const work = await mkdtemp(join(tmpdir(), 'tierbook-site-bench-'));
// A cache of its own: the full build really draws every diagram.
process.env.TIERBOOK_CACHE_DIR = join(work, 'cache');
const contentDir = join(work, 'content');
const outDir = join(work, 'site');

try {
  const items = syntheticCluster({ workloads: WORKLOADS });
  const inventory = assembleInventory(
    { items, unreadable: [], skipped: [] },
    { cluster: 'synthetic', now: '2026-11-24T06:00:00Z' },
  );
  await writeContentDir(contentDir, renderContent(inventory, new Map()));
  const say = (text: string) => process.stdout.write(`${text}\n`);
  say(`${inventory.workloads.length} workloads, ${inventory.storage.length} storage objects`);

  const full = await buildStaticSite({ contentDir, outDir });
  report('full build (empty cache)', full);

  const changed = await changeOneWorkload(contentDir);
  const incremental = await buildStaticSite({ contentDir, outDir });
  report(`after ${changed} changed`, incremental);
  say(
    `incremental / full: ${(incremental.timings.total / full.timings.total).toFixed(3)} ` +
      `(${(incremental.timings.total / 1000).toFixed(1)} s / ${(full.timings.total / 1000).toFixed(1)} s)`,
  );
  const heaviest = await largestPage(outDir);
  say(`largest page: ${heaviest.path} ${(heaviest.bytes / 1024).toFixed(0)} KiB`);

  function report(label: string, r: SiteBuildResult): void {
    const t = r.timings;
    say(
      `${label.padEnd(40)} ${(t.total / 1000).toFixed(1).padStart(6)} s total, ` +
        `${(t.total / r.pages).toFixed(1)} ms/page over ${r.pages} pages ` +
        `(check ${(t.check / 1000).toFixed(1)} s, diagrams ${(t.diagrams / 1000).toFixed(1)} s, ` +
        `pages ${(t.astro / 1000).toFixed(1)} s, search ${(t.search / 1000).toFixed(1)} s); ` +
        `diagrams drawn ${r.diagrams.rendered}, cache hits ${r.diagrams.cached}`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
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

async function largestPage(dir: string): Promise<{ path: string; bytes: number }> {
  let best = { path: '', bytes: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = (await stat(path)).size;
    if (bytes > best.bytes) best = { path: path.slice(dir.length + 1), bytes };
  }
  return best;
}
