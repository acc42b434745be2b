import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../src/core/errors.ts';
import { tempDirOf, usableCacheDir } from '../../src/io/cache-dir.ts';
import { removeDeadTempDirs } from '../../src/io/output-lock.ts';
import { PACKAGE_ROOT } from '../../src/io/package-root.ts';
import { parse } from '../cli/args.ts';
import { describeBuild } from './build.ts';
import { inventoryCommand } from './inventory.ts';

export const SAMPLE_CLUSTER = join(PACKAGE_ROOT, 'src', 'sample', 'cluster');
/** The sample is a snapshot: its inventory is always taken at the same moment. */
export const SAMPLE_NOW = '2026-11-24T06:00:00Z';
export const SAMPLE_NAME = 'sample-homelab';

export const HELP = `tierbook demo [--out DIR] [--site DIR] [--port N] [--no-serve] [--no-build] [--check]
             [--cache-dir DIR]

Inventories the built-in sample cluster (a Rook-Ceph homelab, see src/sample/README.md),
builds its site and serves it on 127.0.0.1 until interrupted.
  --out DIR     where the sample's inventory goes (default: a temporary directory)
  --site DIR    where the site goes (default: a temporary directory)
  --cache-dir DIR  diagrams, Astro's cache and the temporary directories (default:
                $XDG_CACHE_HOME/tierbook, else ~/.cache/tierbook)
  --port N      the port to serve on (default: 4321; 0 picks a free one)
  --no-serve    build only, and say where
  --no-build    inventory only (what "npm run inventory:sample" does)
  --check       write nothing; exit 1 if the inventory in --out (default: content) is not current`;

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    out: { type: 'string' },
    site: { type: 'string' },
    port: { type: 'string' },
    'no-serve': { type: 'boolean' },
    'no-build': { type: 'boolean' },
    check: { type: 'boolean' },
    'cache-dir': { type: 'string' },
  });
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port expects a port number (0 for any free one), got "${values.port}"`);
  }
  if (values.check) return inventorySample(values.out ?? 'content', true);
  const needsTemp = values.out === undefined || (values.site === undefined && !values['no-build']);
  const cache = needsTemp || !values['no-build'] ? await usableCacheDir(values['cache-dir']) : undefined;
  // Named with the pid, so the next demo removes what a killed one left behind.
  const temp = cache && needsTemp ? await demoTempDir(cache) : null;
  // With --no-serve the built files are the point: they stay where they were written.
  const keep = values['no-serve'] === true || values['no-build'] === true;
  try {
    const contentDir = values.out ?? join(temp as string, 'content');
    const status = await inventorySample(contentDir, false);
    if (status !== 0 || values['no-build']) return status;
    const siteDir = values.site ?? join(temp as string, 'site');
    const { buildStaticSite } = await import('../../src/site/site-build.ts');
    process.stdout.write(
      describeBuild(await buildStaticSite({ contentDir, outDir: siteDir, cacheDir: cache })),
    );
    if (values['no-serve']) return 0;
    await serveUntilInterrupted(siteDir, port);
    return 0;
  } finally {
    if (temp && !keep) await rm(temp, { recursive: true, force: true });
  }
}

async function demoTempDir(cache: string): Promise<string> {
  const parent = tempDirOf(cache);
  await mkdir(parent, { recursive: true });
  await removeDeadTempDirs('tierbook-demo-', parent);
  return mkdtemp(join(parent, `tierbook-demo-${process.pid}-`));
}

function inventorySample(outDir: string, check: boolean): Promise<number> {
  return inventoryCommand([
    '--from',
    SAMPLE_CLUSTER,
    '--now',
    SAMPLE_NOW,
    '--cluster',
    SAMPLE_NAME,
    '--out',
    outDir,
    ...(check ? ['--check'] : []),
  ]);
}

async function serveUntilInterrupted(siteDir: string, port: number): Promise<void> {
  const { serveStatic } = await import('../../src/site/static-server.ts');
  const server = await serveStatic(siteDir, { port });
  process.stdout.write(`Serving the sample's site at ${server.url} (Ctrl-C to stop).\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}
