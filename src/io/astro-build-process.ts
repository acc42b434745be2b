/**
 * Runs one Astro build, in a process of its own: Astro keeps state between builds in one
 * process (its route cache holds the first build's pages), so a second build in the same
 * process would publish the first one's data. Called by site-build.ts with
 * `node astro-build-process.ts ROOT OUTDIR CACHEDIR`; the content dir and diagram cache come in
 * the environment (TIERBOOK_CONTENT_DIR, TIERBOOK_CACHE_DIR).
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
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { build } = await import('astro');
await build({ root, outDir, cacheDir, logLevel: 'error' });
