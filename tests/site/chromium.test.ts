import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MissingToolError } from '../../src/core/errors.ts';
import {
  aptAvailable,
  type CommandRunner,
  ensureChromium,
  findChromium,
  launchChromium,
  playwrightBrowsersDir,
  runCommand,
} from '../../src/io/chromium.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
// What Playwright's installer prints here when its CDN cannot be reached (captured 2026-12-02).
const DOWNLOAD_FAILED = [
  'Downloading Chrome for Testing 159.0.8154.6 (playwright chromium v1255) from https://cdn.playwright.dev/builds/cft/159.0.8154.6/linux64/chrome-linux64.zip',
  'Error: getaddrinfo ENOTFOUND cdn.playwright.dev',
  '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:internal/dns/promises:102:17) {',
].join('\n');

/** Runs nothing: records each command and answers as Playwright's installer does offline. */
function offlineRunner(calls: string[][]): CommandRunner {
  return async (command, args) => {
    calls.push([command, ...args]);
    return { code: 1, output: DOWNLOAD_FAILED };
  };
}

const noChromium = () => null;

test("a Chromium in Playwright's browser cache is found before the system's, and launches", {
  skip: !existsSync(DEBIAN_CHROMIUM) && 'needs /usr/bin/chromium to stand in for a Playwright build',
}, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierbook-pw-'));
  try {
    // Playwright's layout: <browsers>/chromium-<revision>/chrome-linux64/chrome; newest first.
    for (const revision of ['1200', '1255']) {
      await mkdir(path.join(dir, `chromium-${revision}`, 'chrome-linux64'), { recursive: true });
      await symlink(DEBIAN_CHROMIUM, path.join(dir, `chromium-${revision}`, 'chrome-linux64', 'chrome'));
    }
    const env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: dir, TIERBOOK_CHROMIUM: '' };
    assert.equal(findChromium(env), path.join(dir, 'chromium-1255', 'chrome-linux64', 'chrome'));
    const browser = await launchChromium({ env, run: offlineRunner([]) });
    try {
      const page = await browser.newPage();
      assert.equal(await page.evaluate(() => 1 + 1), 2);
    } finally {
      await browser.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("with none found, Playwright's own installer is what runs, aimed at the cache tierbook reads", async () => {
  const calls: string[][] = [];
  const lines: string[] = [];
  const env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: path.join(tmpdir(), 'tierbook-pw-none') };
  await assert.rejects(
    ensureChromium({
      env,
      run: offlineRunner(calls),
      find: noChromium,
      apt: false,
      progress: (l) => lines.push(l),
    }),
  );
  assert.equal(calls.length, 1);
  const [command, ...args] = calls[0] as string[];
  assert.equal(command, process.execPath);
  assert.match(args[0] as string, /playwright-core[/\\]cli\.js$/);
  assert.deepEqual(args.slice(1), ['install', 'chromium']);
  // The real installer, asked what it would do: Chromium into the directory tierbook looks in.
  const dry = await runCommand(command as string, [...args, '--dry-run'], env);
  assert.equal(dry.code, 0, dry.output);
  assert.ok(dry.output.includes(path.join(playwrightBrowsersDir(env), 'chromium-')), dry.output);
  assert.equal(lines.length, 1, 'one progress line');
  assert.match(
    lines[0] as string,
    /no Chromium found; fetching Playwright's Chromium once \(npx playwright-core install chromium\)/,
  );
});

test("when Playwright's download fails and apt-get is not an option, the error says why and what to run", async () => {
  const calls: string[][] = [];
  const lines: string[] = [];
  await assert.rejects(
    ensureChromium({
      env: { ...process.env },
      run: offlineRunner(calls),
      find: noChromium,
      apt: false,
      progress: (l) => lines.push(l),
    }),
    (error: unknown) => {
      assert.ok(error instanceof MissingToolError);
      assert.match(
        error.message,
        /Playwright's download failed \(Error: getaddrinfo ENOTFOUND cdn\.playwright\.dev\)/,
      );
      assert.match(error.message, /npx playwright-core install chromium/);
      assert.match(error.message, /apt-get install -y chromium fonts-dejavu-core/);
      assert.match(error.message, /TIERBOOK_CHROMIUM/);
      assert.doesNotMatch(error.message, /\bat GetAddrInfoReqWrap/);
      return true;
    },
  );
  assert.equal(calls.length, 1);
  assert.equal(lines.length, 1);
});

test("when Playwright's download fails as root on Debian, apt-get installs chromium and fonts; if that fails too, both reasons are given", async () => {
  const calls: string[][] = [];
  const lines: string[] = [];
  await assert.rejects(
    ensureChromium({
      env: { ...process.env },
      run: offlineRunner(calls),
      find: noChromium,
      apt: true,
      progress: (l) => lines.push(l),
    }),
    (error: unknown) => {
      assert.ok(error instanceof MissingToolError);
      assert.match(error.message, /Playwright's download failed .* and apt-get failed/);
      return true;
    },
  );
  const apt = calls.slice(1).map((c) => c.join(' '));
  assert.deepEqual(apt, [
    'apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core',
    'apt-get update -qq',
  ]);
  assert.match(
    lines[1] as string,
    /installing Debian's instead: apt-get install -y chromium fonts-dejavu-core/,
  );
});

test("apt path run for real: Playwright's download made to fail, then the real apt-get (root on Debian, chromium already installed, so apt-get has nothing to fetch)", {
  skip:
    !(aptAvailable() && existsSync(DEBIAN_CHROMIUM)) && 'needs root on Debian/Ubuntu with chromium installed',
}, async () => {
  const calls: string[][] = [];
  const run: CommandRunner = (command, args, env) => {
    calls.push([command, ...args]);
    return command === 'apt-get' ? runCommand(command, args, env) : offlineRunner([])(command, args, env);
  };
  let looked = 0;
  // None at first (as on a machine without it); after apt-get, the real search.
  const find = (env: NodeJS.ProcessEnv) => (looked++ === 0 ? null : findChromium(env));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLAYWRIGHT_BROWSERS_PATH: path.join(tmpdir(), 'tierbook-pw-none'),
  };
  delete env.TIERBOOK_CHROMIUM;
  const found = await ensureChromium({ env, run, find, apt: true, progress: () => {} });
  assert.equal(found, DEBIAN_CHROMIUM);
  assert.equal(calls[1]?.[0], 'apt-get');
});

test('TIERBOOK_NO_INSTALL=1 fetches nothing and prints the exact commands', async () => {
  const calls: string[][] = [];
  await assert.rejects(
    ensureChromium({
      env: { ...process.env, TIERBOOK_NO_INSTALL: '1' },
      run: offlineRunner(calls),
      find: noChromium,
      apt: true,
    }),
    (error: unknown) => {
      assert.ok(error instanceof MissingToolError);
      assert.match(error.message, /TIERBOOK_NO_INSTALL=1, so nothing is fetched/);
      assert.match(error.message, /^ {2}npx playwright-core install chromium/m);
      assert.match(error.message, /^ {2}apt-get install -y chromium fonts-dejavu-core/m);
      return true;
    },
  );
  assert.deepEqual(calls, []);
});

test('a TIERBOOK_CHROMIUM that is not there is an error, never replaced by a download', async () => {
  const calls: string[][] = [];
  const env = { ...process.env, TIERBOOK_CHROMIUM: path.join(tmpdir(), 'tierbook-no-such-chromium') };
  await assert.rejects(
    ensureChromium({ env, run: offlineRunner(calls), apt: true }),
    /TIERBOOK_CHROMIUM names .*not an executable/,
  );
  assert.deepEqual(calls, []);
});
