/**
 * Runs one Astro build, in a process of its own: Astro keeps state between builds in one
 * process (its route cache holds the first build's pages), so a second build in the same
 * process would publish the first one's data. Called by site-build.ts with
 * `node astro-build-process.ts ROOT OUTDIR CACHEDIR` (ROOT: tierbook's folder, read only;
 * CACHEDIR: Astro's root and cache); the content dir and diagram cache come in
 * the environment (TIERBOOK_CONTENT_DIR, TIERBOOK_CACHE_DIR), and the pages to leave out
 * and where to list every page's digest (TIERBOOK_PAGES_KEEP, TIERBOOK_PAGES_OUT).
 */
const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  process.stderr.write('usage: astro-build-process.ts ROOT OUTDIR CACHEDIR\n');
  process.exit(2);
}
// Started with an IPC channel by site-build.ts: if that process dies (even by SIGKILL), the
// channel closes and this build stops rather than living on as an orphan.
process.on('disconnect', () => process.exit(1));
process.channel?.unref();
// The parent draws the diagrams while this build starts: load.ts holds every page until it
// says they are drawn (TIERBOOK_DIAGRAMS=drawing), the channel keeping this process alive
// while it waits.
(globalThis as { tierbookDiagramsDrawn?: Promise<void> }).tierbookDiagramsDrawn = new Promise((done) => {
  if (process.env.TIERBOOK_DIAGRAMS !== 'drawing') return done();
  process.channel?.ref();
  process.on('message', (message) => {
    if (message !== 'diagrams-drawn') return;
    process.channel?.unref();
    done();
  });
});
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { dirname, join, relative } = await import('node:path');
const { mkdir, rm, symlink } = await import('node:fs/promises');
const { createRequire } = await import('node:module');
// Run in the cache folder (Astro writes a temporary .astro/ into its working folder too), where
// Astro's own entry points are found through a link to the astro package tierbook uses.
const astroDir = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
// Made again each time (the folder is this build's, under its lock): another tierbook sharing
// the cache may use another astro.
const link = join(cacheDir, 'node_modules', 'astro');
await mkdir(dirname(link), { recursive: true });
await rm(link, { force: true });
await symlink(astroDir, link, 'dir');
process.chdir(cacheDir);
const { build } = await import('astro');
// Astro writes into its root (.astro/: generated types, the content store): the root is the
// cache folder, and the pages, public files and config are read from tierbook's own folder,
// which is never written (an installed package may be read-only).
await build({
  root: cacheDir,
  // Astro joins configFile to its root: a path relative to it.
  configFile: relative(cacheDir, join(root, 'astro.config.mjs')),
  srcDir: join(root, 'src'),
  publicDir: join(root, 'public'),
  outDir,
  cacheDir,
  logLevel: 'error',
});
