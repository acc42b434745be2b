import { join } from 'node:path';
import { UsageError } from '../../src/core/errors.ts';
import type { SiteBuildResult } from '../../src/site/site-build.ts';
import { parse } from '../cli/args.ts';
import { progressLine } from '../cli/progress.ts';

export const HELP = `tierbook build [--content DIR | --content NAME=DIR...] [--out DIR]
               [--cache-dir DIR] [--quiet]

Builds the static site from an inventory: one page per workload and storage object, the tier
dashboard, blast-radius and findings pages, diagrams drawn as SVG, and a search index. The
result is plain files that work from any web server, with no request to another host.
  --content DIR   the inventory to build from (default: content)
  --content NAME=DIR, repeated
                  a fleet: each cluster's site in --out's NAME folder, with a
                  cluster switcher and search across the fleet, and a dashboard
                  at its top comparing them (docs/site.md)
  --out DIR       where to write the site (default: dist); replaced only when the build succeeds,
                  and only if it is new, empty or an earlier build's (it holds .tierbook-site);
                  it may not be, contain or sit inside --content
  --cache-dir DIR drawn diagrams, Astro's cache, temporary folders (default:
                  $XDG_CACHE_HOME/tierbook, else ~/.cache/tierbook; or TIERBOOK_CACHE_DIR)
  --quiet         no progress lines (they go to stderr, and only to a terminal)

Diagrams are drawn once by Chromium (found, or fetched once: README) and cached by
content: an unchanged diagram is never drawn again. Nothing is written inside tierbook's own
folder or the current one but --out.`;

export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    content: { type: 'string', multiple: true },
    out: { type: 'string' },
    'cache-dir': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const fleet = fleetOf(values.content ?? []);
  if (fleet !== null) {
    const { buildFleet } = await import('../../src/site/fleet-build.ts');
    const outDir = values.out ?? 'dist';
    const { sites } = await buildFleet({
      members: fleet,
      outDir,
      ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
      progress: progressLine(values.quiet ?? false),
    });
    for (const site of sites) process.stdout.write(describeBuild(site));
    process.stdout.write(`Fleet dashboard: ${join(outDir, 'index.html')} (${fleet.length} clusters).\n`);
    return 0;
  }
  const { buildStaticSite } = await import('../../src/site/site-build.ts');
  const result = await buildStaticSite({
    contentDir: values.content?.[0] ?? 'content',
    outDir: values.out ?? 'dist',
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    progress: progressLine(values.quiet ?? false),
  });
  process.stdout.write(describeBuild(result));
  return 0;
}

/** Several `--content NAME=DIR`: a fleet; one plain `--content DIR`: one site. */
function fleetOf(given: readonly string[]): { name: string; contentDir: string }[] | null {
  const named = given.filter((c) => /^[^/=]+=/.test(c));
  if (named.length === 0) {
    if (given.length > 1)
      throw new UsageError('several --content need names: --content prod=DIR --content lab=DIR');
    return null;
  }
  if (named.length !== given.length)
    throw new UsageError(
      'a fleet names every inventory: --content prod=DIR --content lab=DIR, not a bare DIR',
    );
  const members = named.map((c) => {
    const at = c.indexOf('=');
    return { name: c.slice(0, at), contentDir: c.slice(at + 1) };
  });
  for (const m of members) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(m.name))
      throw new UsageError(
        `--content ${m.name}=…: a cluster's name is its folder and URL: lower-case letters, digits, "-"`,
      );
  }
  const names = members.map((m) => m.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(`--content ${twice}= is given twice`);
  return members;
}

export function describeBuild(r: SiteBuildResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `Built ${r.outDir}: ${r.pages} pages (${r.workloads} workloads, ${r.storage} storage objects), ${r.indexedPages} indexed for search.`,
    `Diagrams: ${r.diagrams.rendered} drawn, ${r.diagrams.cached} from the cache.`,
    `Time: ${s(r.timings.total)} (check ${s(r.timings.check)}, diagrams ${s(r.timings.diagrams)}, pages ${s(r.timings.astro)}, search ${s(r.timings.search)}).`,
    '',
  ].join('\n');
}
