import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { MissingToolError } from '../core/errors.ts';

/**
 * Chromium for diagrams (and printing): found where it already is, else fetched once.
 * Looked for, in order: TIERBOOK_CHROMIUM, Playwright's browser cache
 * (PLAYWRIGHT_BROWSERS_PATH, default ~/.cache/ms-playwright), the system's chromium,
 * chromium-browser, google-chrome. When none is there it is fetched by Playwright's own
 * installer; where that cannot download and tierbook runs as root on Debian/Ubuntu, by
 * apt-get. TIERBOOK_NO_INSTALL=1 turns fetching off: the error then names the commands.
 */

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const APT_PACKAGES = ['chromium', 'fonts-dejavu-core'];
const PLAYWRIGHT_COMMAND = 'npx playwright-core install chromium';
const APT_COMMAND = `apt-get install -y ${APT_PACKAGES.join(' ')}`;

/** Playwright's browser cache: PLAYWRIGHT_BROWSERS_PATH, else its per-platform default. */
export function playwrightBrowsersDir(env: NodeJS.ProcessEnv = process.env): string {
  const set = env.PLAYWRIGHT_BROWSERS_PATH;
  if (set && set !== '0') return set;
  if (platform() === 'darwin') return join(homedir(), 'Library', 'Caches', 'ms-playwright');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ms-playwright');
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium builds in Playwright's cache, newest revision first. */
function playwrightChromiums(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const revision = (name: string) => Number(name.slice(name.lastIndexOf('-') + 1)) || 0;
  const found: string[] = [];
  for (const name of entries
    .filter((n) => /^chromium-\d+$/.test(n))
    .sort((a, b) => revision(b) - revision(a))) {
    found.push(
      join(dir, name, 'chrome-linux64', 'chrome'),
      join(dir, name, 'chrome-linux', 'chrome'),
      join(
        dir,
        name,
        'chrome-mac-arm64',
        'Google Chrome for Testing.app',
        'Contents',
        'MacOS',
        'Google Chrome for Testing',
      ),
      join(
        dir,
        name,
        'chrome-mac-x64',
        'Google Chrome for Testing.app',
        'Contents',
        'MacOS',
        'Google Chrome for Testing',
      ),
    );
  }
  return found;
}

/** Where tierbook looks, in order (TIERBOOK_CHROMIUM aside). */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...playwrightChromiums(playwrightBrowsersDir(env)), ...SYSTEM_CHROMIUMS];
}

/** The first Chromium that is there, or null. TIERBOOK_CHROMIUM, when set, is the only answer. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.TIERBOOK_CHROMIUM) return executable(env.TIERBOOK_CHROMIUM) ? env.TIERBOOK_CHROMIUM : null;
  return chromiumCandidates(env).find(executable) ?? null;
}

/** The Chromium to launch: the one found, else TIERBOOK_CHROMIUM or Debian's path (for messages). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return findChromium(env) ?? env.TIERBOOK_CHROMIUM ?? '/usr/bin/chromium';
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a program; the output is kept for the error message, not shown. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args, env) =>
  new Promise((done) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => done({ code: 127, output: error.message }));
    child.once('close', (code) => done({ code: code ?? 1, output }));
  });

export interface InstallOptions {
  env?: NodeJS.ProcessEnv;
  run?: CommandRunner;
  /** Where a Chromium is looked for (default: findChromium). */
  find?: (env: NodeJS.ProcessEnv) => string | null;
  /** One line per step (default: stderr). */
  progress?: (line: string) => void;
  /** Whether apt-get may be used (default: running as root on Debian or Ubuntu with apt-get). */
  apt?: boolean;
}

/** Whether this machine can install Debian's Chromium itself: root, Debian/Ubuntu, apt-get. */
export function aptAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  let release = '';
  try {
    release = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return false;
  }
  return /^ID(?:_LIKE)?=.*\b(?:debian|ubuntu)\b/m.test(release) && executable('/usr/bin/apt-get');
}

function installAdvice(env: NodeJS.ProcessEnv): string {
  return [
    `  ${PLAYWRIGHT_COMMAND}   (Playwright's, into ${playwrightBrowsersDir(env)})`,
    `  ${APT_COMMAND}   (Debian/Ubuntu, as root)`,
    '  or set TIERBOOK_CHROMIUM to a Chromium or Chrome executable',
  ].join('\n');
}

/**
 * A Chromium to launch: found, or installed now with one progress line per step. Never
 * installs when TIERBOOK_CHROMIUM is set (that path is the user's choice) or
 * TIERBOOK_NO_INSTALL=1; the error then says what to run.
 */
export async function ensureChromium(options: InstallOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const find = options.find ?? findChromium;
  const found = find(env);
  if (found) return found;
  if (env.TIERBOOK_CHROMIUM) {
    throw new MissingToolError(
      `diagrams are drawn by Chromium, and TIERBOOK_CHROMIUM names ${env.TIERBOOK_CHROMIUM}, which is not an executable: point it at one, or unset it to let tierbook find or fetch one; to install one:\n${installAdvice(env)}`,
    );
  }
  if (env.TIERBOOK_NO_INSTALL === '1') {
    throw new MissingToolError(
      `diagrams are drawn by Chromium, and none was found (TIERBOOK_CHROMIUM, ${playwrightBrowsersDir(env)}, ${SYSTEM_CHROMIUMS.slice(0, 3).join(', ')}); TIERBOOK_NO_INSTALL=1, so nothing is fetched. Install one:\n${installAdvice(env)}`,
    );
  }
  const run = options.run ?? runCommand;
  const progress = options.progress ?? ((line: string) => process.stderr.write(`tierbook: ${line}\n`));
  progress(
    `no Chromium found; fetching Playwright's Chromium once (${PLAYWRIGHT_COMMAND}) into ${playwrightBrowsersDir(env)}`,
  );
  const playwright = await run(process.execPath, [playwrightCli(), 'install', 'chromium'], env);
  const fetched = playwright.code === 0 ? find(env) : null;
  if (fetched) return fetched;
  const why = lastLine(playwright.output) || `exit ${playwright.code}`;
  if (options.apt ?? aptAvailable()) {
    progress(`Playwright's download failed (${why}); installing Debian's instead: ${APT_COMMAND}`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    const aptArgs = ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES];
    let apt = await run('apt-get', aptArgs, aptEnv);
    // The package lists may be missing (a slim image) or stale: refresh them once and retry.
    if (apt.code !== 0 && (await run('apt-get', ['update', '-qq'], aptEnv)).code === 0) {
      apt = await run('apt-get', aptArgs, aptEnv);
    }
    const installed = apt.code === 0 ? find(env) : null;
    if (installed) return installed;
    const aptWhy =
      apt.code === 0
        ? `apt-get succeeded, yet no Chromium is where tierbook looks (${SYSTEM_CHROMIUMS.slice(0, 3).join(', ')})`
        : `apt-get failed (${lastLine(apt.output) || `exit ${apt.code}`})`;
    throw new MissingToolError(
      `diagrams are drawn by Chromium, and none could be installed: Playwright's download failed (${why}), and ${aptWhy}. Install one:\n${installAdvice(env)}`,
    );
  }
  throw new MissingToolError(
    `diagrams are drawn by Chromium, and none could be installed: Playwright's download failed (${why}). Install one:\n${installAdvice(env)}`,
  );
}

function playwrightCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
}

/** The line that says why: the first "Error:" line, else the last line. */
function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return (lines.find((l) => l.startsWith('Error:')) ?? lines.at(-1))?.slice(0, 200) ?? '';
}

/**
 * Chromium started headless for tierbook: found or installed first (ensureChromium), with
 * CHROMIUM_ARGS and then `args` (the diagram drawing's DRAWING_ARGS).
 */
export async function launchChromium(
  options: InstallOptions & { args?: readonly string[] } = {},
): Promise<Browser> {
  const executablePath = await ensureChromium(options);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
