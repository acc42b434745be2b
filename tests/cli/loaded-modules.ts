import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CLI, ROOT } from '../reliability/support.ts';

/**
 * The modules one CLI run loads, as Node resolves them: a resolve hook registered before the
 * CLI starts writes each resolved URL to stderr, one `loaded:` line each (taken out of `stderr`).
 */
export function loaded(...args: string[]): {
  code: number | null;
  modules: string[];
  stdout: string;
  stderr: string;
} {
  const hook = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  const found = next(specifier, context);
  process.stderr.write('loaded: ' + found.url + '\\n');
  return found;
} });`;
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, CLI, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } },
  );
  const modules = [...run.stderr.matchAll(/^loaded: (.*)$/gm)].map((m) => m[1] as string);
  return { code: run.status, modules, stdout: run.stdout, stderr: run.stderr.replace(/^loaded: .*\n/gm, '') };
}

/** A module URL relative to the repository (`src/core/…`), for messages and patterns. */
export const relative = (url: string) => url.replace(pathToFileURL(ROOT).href, '');

/**
 * What computes the analysis (workloads, dependencies, tier rules, backup coverage, drill
 * evidence): not loaded when an answer comes from content/guard-context.json.
 */
export const ANALYSING =
  /\/src\/core\/(analysis\/(analyze|workloads|dependencies|tiers\/classify|backups\/coverage)\.ts|analysis\/tiers\/rules\/|analysis\/restores\/drill-evidence\.ts)/;

/** Whether the run analysed graph.json (the full path) rather than answer from a saved context. */
export const analysed = (run: { modules: string[] }) => run.modules.some((m) => ANALYSING.test(m));
