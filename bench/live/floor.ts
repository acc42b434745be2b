/**
 * The live floor, as its own process: what no `tierbook inventory --kubeconfig` writing the same
 * content/ can skip with today's code. tierbook's live read (`readSource`), the graph and the
 * analysis the pages are made from, then the pages an inventory of the same cluster wrote
 * (PAGESDIR, read into memory between the two timed spans) written into OUTDIR as the offline
 * baseline writes them. No page is made, no failure domain blasted, no runbook read.
 * argv: KUBECONFIG PAGESDIR OUTDIR. Prints one JSON line: the objects read, the two spans' wall
 * and CPU time together (ms), the first span's wall time alone (no write: free of the kernel's
 * writeback, which moves the second), and the peak RSS when the analysis was done (bytes,
 * before the pages were read in): each below what the inventory itself needs, so a budget the
 * floor is over cannot be met by making the pages faster.
 */
import { analyseCluster, loadCluster } from '../../src/core/index.ts';
import { readSource } from '../../src/io/read-source.ts';
import { timed } from '../timed.ts';
import { readPages, writeAll } from '../write-pages.ts';

const [kubeconfig, pagesDir, outDir] = process.argv.slice(2);
if (!kubeconfig || !pagesDir || !outDir) throw new Error('usage: floor.ts KUBECONFIG PAGESDIR OUTDIR');
const NOW = '2026-11-24T06:00:00Z';

let items = -1;
const analysed = await timed(async () => {
  const { result } = await readSource({ from: [], kubeconfig });
  items = result.items.length;
  await analyseCluster((await loadCluster(result)).graph, { now: NOW });
});
const rssBytes = process.resourceUsage().maxRSS * 1024;
const pages = readPages(pagesDir);
const written = await timed(() => writeAll(outDir, pages));
process.stdout.write(
  `${JSON.stringify({
    items,
    pages: pages.length,
    wallMs: analysed.wall + written.wall,
    cpuMs: analysed.cpu + written.cpu,
    analysedWallMs: analysed.wall,
    rssBytes,
  })}\n`,
);
