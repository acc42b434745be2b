import type { SiteBuildResult } from '../../src/io/site-build.ts';
import { parse } from '../cli/args.ts';
import { progressLine } from '../cli/progress.ts';

export const HELP = `tierbook build [--content DIR] [--out DIR] [--cache-dir DIR] [--quiet]

Builds the static site from an inventory: one page per workload and storage object, the tier
dashboard, blast-radius and findings pages, diagrams drawn as SVG, and a search index. The
result is plain files that work from any web server, with no request to another host.
  --content DIR   the inventory to build from (default: content)
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
    content: { type: 'string' },
    out: { type: 'string' },
    'cache-dir': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const { buildStaticSite } = await import('../../src/io/site-build.ts');
  const result = await buildStaticSite({
    contentDir: values.content ?? 'content',
    outDir: values.out ?? 'dist',
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    progress: progressLine(values.quiet ?? false),
  });
  process.stdout.write(describeBuild(result));
  return 0;
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
