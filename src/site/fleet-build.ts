import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { analyseCluster, check, failureDomains } from '../core/index.ts';
import { TIERS, type Tier } from '../core/tier.ts';
import { MARKER_FILE, MARKER_TEXT, outputError, ownedOutput } from '../io/output-dir.ts';
import { lockOutput } from '../io/output-lock.ts';
import { readContentInventory } from '../io/read-saved-inventory.ts';
import { SWITCHER_CSS, SWITCHER_CSS_FILE, withClusterSwitcher } from './cluster-switcher.ts';
import { FLEET_CSS, type FleetCluster, renderFleetPage } from './fleet-page.ts';
import { buildStaticSite, type SiteBuildResult } from './site-build.ts';
import { PAGES_FILE } from './site-pages.ts';

export interface FleetMember {
  name: string;
  contentDir: string;
}

/**
 * `tierbook build --content prod=DIR --content lab=DIR --out site`: each cluster's own site in
 * `site/<name>/` (built as usual, so its permalinks never move), then the fleet dashboard at
 * `site/index.html` summarising each from its saved graph. Each inventory is made on its own
 * (its cluster's CronJob, a CI matrix job); this only puts them side by side.
 */
export async function buildFleet(options: {
  members: readonly FleetMember[];
  outDir: string;
  cacheDir?: string;
  progress?: (step: string) => void;
}): Promise<{ sites: SiteBuildResult[]; clusters: FleetCluster[] }> {
  await ownedOutput(options.outDir, 'site');
  const lock = await lockOutput(options.outDir);
  try {
    // Marked first: a run that fails half-way leaves a folder the next run may replace.
    try {
      await mkdir(options.outDir, { recursive: true });
      await writeAtomically(join(options.outDir, MARKER_FILE.site), MARKER_TEXT.site);
    } catch (error) {
      throw outputError(error, options.outDir);
    }
    const sites: SiteBuildResult[] = [];
    const clusters: FleetCluster[] = [];
    for (const member of options.members) {
      options.progress?.(`building ${member.name} from ${member.contentDir}`);
      sites.push(
        await buildStaticSite({
          contentDir: member.contentDir,
          outDir: join(options.outDir, member.name),
          // The switcher is added to every page below: no page is kept from the last build.
          reuse: false,
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
          ...(options.progress ? { progress: options.progress } : {}),
        }),
      );
      clusters.push(await summarize(member));
    }
    try {
      options.progress?.('adding the cluster switcher to every page');
      await addClusterSwitchers(options.outDir, options.members);
      // The pages are no longer what their digests describe: no later build may keep them.
      for (const { name } of options.members)
        await rm(join(options.outDir, name, PAGES_FILE), { force: true });
      await writeAtomically(join(options.outDir, SWITCHER_CSS_FILE), SWITCHER_CSS);
      await writeAtomically(join(options.outDir, 'fleet.css'), FLEET_CSS);
      await writeAtomically(join(options.outDir, 'index.html'), renderFleetPage(clusters));
    } catch (error) {
      throw outputError(error, options.outDir);
    }
    return { sites, clusters };
  } finally {
    await lock.release();
  }
}

async function writeAtomically(target: string, text: string): Promise<void> {
  await writeFile(`${target}.tmp-${process.pid}`, text, 'utf8');
  await rename(`${target}.tmp-${process.pid}`, target);
}

/**
 * Every page of every cluster gets the switcher, once all are built: it links to the same page
 * in another cluster only when that cluster has it, which only the built sites can say. The
 * 404 page is left alone: it is served at any depth, where relative links would not resolve.
 */
async function addClusterSwitchers(outDir: string, members: readonly FleetMember[]): Promise<void> {
  const pages = new Map<string, Map<string, string>>();
  for (const { name } of members) pages.set(name, await pagesOf(join(outDir, name)));
  const clusters = members.map((m) => m.name);
  for (const [current, files] of pages) {
    for (const [url, file] of files) {
      const html = await readFile(file, 'utf8');
      const has = (cluster: string, at: string) => pages.get(cluster)?.has(at) ?? false;
      await writeAtomically(file, withClusterSwitcher(html, { clusters, current, url, has }, file));
    }
  }
}

/** A built site's pages: URL from its root (`workloads/x/`, '' for home) → its index.html. */
async function pagesOf(siteDir: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const entry of await readdir(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const dir = relative(siteDir, entry.parentPath).split(sep).join('/');
    pages.set(dir === '' ? '' : `${dir}/`, join(entry.parentPath, entry.name));
  }
  return pages;
}

/** One cluster's dashboard row, from the graph its inventory saved, at the inventory's time. */
async function summarize(member: FleetMember): Promise<FleetCluster> {
  const saved = await readContentInventory(member.contentDir);
  const analysis = await analyseCluster(saved.graph, { config: saved.config, now: saved.takenAt });
  const findings = (await check(analysis)).open;
  const workloads = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  for (const w of analysis.workloads) {
    const tier = analysis.tiers.get(w.id)?.tier;
    if (tier !== undefined) workloads[tier]++;
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const unprotected = new Set(
    findings
      .filter((f) => f.rule === 'backup-missing' && (analysis.tiers.get(f.id)?.tier ?? 4) <= 1)
      .map((f) => f.id),
  ).size;
  const worst = (await failureDomains(analysis))
    .filter((d) => d.counts['data-loss'] + d.counts.unavailable > 0)
    .slice(0, 3);
  return {
    name: member.name,
    cluster: saved.cluster,
    takenAt: saved.takenAt,
    ...(saved.tierbook === undefined ? {} : { tierbook: saved.tierbook }),
    workloads,
    findings: { high: count('high'), medium: count('medium'), low: count('low') },
    unprotected,
    worst,
    partial: saved.unread.length > 0,
  };
}
