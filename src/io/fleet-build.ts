import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../core/analysis/analyze.ts';
import { failureDomains } from '../core/analysis/blast/index.ts';
import { applyAcceptances } from '../core/analysis/checks/acceptance.ts';
import { runChecks } from '../core/analysis/checks/index.ts';
import { TIERS, type Tier } from '../core/tier.ts';
import { FLEET_CSS, type FleetCluster, renderFleetPage } from '../site/fleet-page.ts';
import { MARKER_FILE, MARKER_TEXT, outputError, ownedOutput } from './output-dir.ts';
import { lockOutput } from './output-lock.ts';
import { readContentInventory } from './read-saved-inventory.ts';
import { buildStaticSite, type SiteBuildResult } from './site-build.ts';

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
    const sites: SiteBuildResult[] = [];
    const clusters: FleetCluster[] = [];
    for (const member of options.members) {
      options.progress?.(`building ${member.name} from ${member.contentDir}`);
      sites.push(
        await buildStaticSite({
          contentDir: member.contentDir,
          outDir: join(options.outDir, member.name),
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
          ...(options.progress ? { progress: options.progress } : {}),
        }),
      );
      clusters.push(await summarize(member));
    }
    const write = async (name: string, text: string) => {
      const target = join(options.outDir, name);
      await writeFile(`${target}.tmp-${process.pid}`, text, 'utf8');
      await rename(`${target}.tmp-${process.pid}`, target);
    };
    try {
      await write(MARKER_FILE.site, MARKER_TEXT.site);
      await write('fleet.css', FLEET_CSS);
      await write('index.html', renderFleetPage(clusters));
    } catch (error) {
      throw outputError(error, options.outDir);
    }
    return { sites, clusters };
  } finally {
    await lock.release();
  }
}

/** One cluster's dashboard row, from the graph its inventory saved, at the inventory's time. */
async function summarize(member: FleetMember): Promise<FleetCluster> {
  const saved = await readContentInventory(member.contentDir);
  const analysis = analyze(saved.graph, { config: saved.config, now: saved.takenAt });
  const findings = applyAcceptances(runChecks(analysis), analysis).open;
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
  const worst = failureDomains(analysis)
    .filter((d) => d.counts['data-loss'] + d.counts.unavailable > 0)
    .slice(0, 3);
  return {
    name: member.name,
    cluster: saved.cluster,
    takenAt: saved.takenAt,
    workloads,
    findings: { high: count('high'), medium: count('medium'), low: count('low') },
    unprotected,
    worst,
    partial: saved.unread.length > 0,
  };
}
