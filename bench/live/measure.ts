import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface Measured {
  /** Process start to exit, ms. */
  wallMs: number;
  /** Peak resident set size, bytes; undefined when it could not be measured. */
  maxRssBytes: number | undefined;
  /**
   * CPU time, user and system, ms; undefined when it could not be measured. Unlike wall time it
   * hardly moves when other work shares the machine, so CI gates on its ratios.
   */
  cpuMs: number | undefined;
  /** The file its standard output went to (in `scratch`; the caller removes it). */
  stdoutFile: string;
}

const TIME = '/usr/bin/time';
const USAGE_PRELOAD = join(import.meta.dirname, 'usage.ts');

/**
 * Runs one command to completion, asynchronously (the API server it reads lives in this
 * process), and measures its wall time, CPU time and peak RSS. A Node script (`node: true`)
 * reports its own getrusage through the usage.ts preload; any other program is run under
 * /usr/bin/time, and has neither when that is not installed. A non-zero exit throws.
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; node: boolean; scratch: string; timeoutMs: number },
): Promise<Measured> {
  const usageFile = join(options.scratch, `usage-${process.hrtime.bigint()}`);
  const env = { ...options.env, BENCH_USAGE_FILE: usageFile };
  let argv: string[];
  if (options.node) argv = [process.execPath, '--import', USAGE_PRELOAD, command, ...args];
  else if (existsSync(TIME)) argv = [TIME, '-o', usageFile, '-f', '%M %U %S', command, ...args];
  else argv = [command, ...args];
  const stdoutFile = join(options.scratch, `stdout-${process.hrtime.bigint()}`);
  const out = await open(stdoutFile, 'w');
  const started = performance.now();
  const { code, stderr } = await run(argv, env, out.fd, options.timeoutMs).finally(() => out.close());
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${[command, ...args].join(' ')}: exit ${code}\n${stderr.slice(-4000)}`);
  const text = await readFile(usageFile, 'utf8').catch(() => '');
  await rm(usageFile, { force: true });
  // The last line: /usr/bin/time puts a note about a signal or exit code before it.
  const last = text.trim().split('\n').pop() ?? '';
  const [kib, user, system] = last === '' ? [] : last.split(' ').map(Number);
  return {
    wallMs,
    maxRssBytes: kib !== undefined && Number.isFinite(kib) ? kib * 1024 : undefined,
    cpuMs:
      user !== undefined && system !== undefined && Number.isFinite(user + system)
        ? (user + system) * 1000
        : undefined,
    stdoutFile,
  };
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
