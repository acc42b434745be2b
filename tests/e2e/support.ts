import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/io/mermaid-renderer.ts';
import { buildStaticSite } from '../../src/site/site-build.ts';
import { type StaticServer, serveStatic } from '../../src/site/static-server.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface BuiltSite {
  server: StaticServer;
  /** The built site's folder. */
  dir: string;
  close(): Promise<void>;
}

/** Builds a content dir into a temporary site and serves it on 127.0.0.1. */
export async function buildAndServe(contentDir: string): Promise<BuiltSite> {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-e2e-'));
  await buildStaticSite({ contentDir, outDir: join(dir, 'site') });
  const server = await serveStatic(join(dir, 'site'), { port: 0 });
  return {
    server,
    dir: join(dir, 'site'),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A browser context that lets requests reach 127.0.0.1 only: anything else is aborted and
 * recorded in `offsite`, and every dialog (alert, confirm) is recorded in `dialogs`.
 */
export async function guardedContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; offsite: string[]; dialogs: string[] }> {
  const context = await browser.newContext(options);
  const offsite: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
  return { context, offsite, dialogs };
}
