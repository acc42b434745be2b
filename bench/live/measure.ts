import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface Measured {
  /** Process start to exit, ms. */
  wallMs: number;
  /** Peak resident set size, bytes; undefined when it could not be measured. */
  maxRssBytes: number | undefined;
  /** The file its standard output went to (in `scratch`; the caller removes it). */
  stdoutFile: string;
}

const TIME = '/usr/bin/time';
const MAX_RSS_PRELOAD = join(import.meta.dirname, 'max-rss.ts');

/**
 * Runs one command to completion, asynchronously (the API server it reads lives in this
 * process), and measures its wall time and peak RSS. A Node script (`node: true`) reports its
 * own ru_maxrss through the max-rss.ts preload; any other program is run under /usr/bin/time,
 * and has no RSS when that is not installed. A non-zero exit throws with its stderr.
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; node: boolean; scratch: string; timeoutMs: number },
): Promise<Measured> {
  const rssFile = join(options.scratch, `rss-${process.hrtime.bigint()}`);
  const env = { ...options.env, BENCH_MAXRSS_FILE: rssFile };
  let argv: string[];
  if (options.node) argv = [process.execPath, '--import', MAX_RSS_PRELOAD, command, ...args];
  else if (existsSync(TIME)) argv = [TIME, '-o', rssFile, '-f', '%M', command, ...args];
  else argv = [command, ...args];
  const stdoutFile = join(options.scratch, `stdout-${process.hrtime.bigint()}`);
  const out = await open(stdoutFile, 'w');
  const started = performance.now();
  const { code, stderr } = await run(argv, env, out.fd, options.timeoutMs).finally(() => out.close());
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${[command, ...args].join(' ')}: exit ${code}\n${stderr.slice(-4000)}`);
  const text = await readFile(rssFile, 'utf8').catch(() => '');
  await rm(rssFile, { force: true });
  const kib = Number.parseInt(text.trim().split('\n').pop() ?? '', 10);
  return { wallMs, maxRssBytes: Number.isFinite(kib) ? kib * 1024 : undefined, stdoutFile };
}

/** Standard output straight to a file, so a large one (kubectl's List) costs this process nothing. */
function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdout: number,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = argv as [string, ...string[]];
    const child = spawn(file, args, { env, stdio: ['ignore', stdout, 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-16_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
