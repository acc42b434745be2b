import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runbook, RunbookProblem } from '../core/runbooks/model.ts';
import { parseRunbook } from '../core/runbooks/parse.ts';
import { PACKAGE_ROOT } from './package-root.ts';

/** The built-in runbooks: runbooks/ at the top of the package. */
export const BUILT_IN_RUNBOOKS = join(PACKAGE_ROOT, 'runbooks');

/**
 * Every `<id>.md` in `dir`, parsed (docs/runbooks.md), sorted by id. A runbook with problems
 * is left out and its problems returned (file, line, what is wrong); so is one whose id is not
 * its file name, or an id used twice.
 */
export async function readRunbooks(
  dir: string = BUILT_IN_RUNBOOKS,
): Promise<{ runbooks: Runbook[]; problems: RunbookProblem[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const runbooks: Runbook[] = [];
  const problems: RunbookProblem[] = [];
  for (const name of names) {
    const file = `runbooks/${name}`;
    const result = parseRunbook(file, await readFile(join(dir, name), 'utf8'));
    problems.push(...result.problems);
    const runbook = result.runbook;
    if (!runbook) continue;
    if (`${runbook.meta.id}.md` !== name) {
      problems.push({
        file,
        line: 2,
        message: `id "${runbook.meta.id}" must be the file name (${runbook.meta.id}.md)`,
      });
      continue;
    }
    runbooks.push(runbook);
  }
  return { runbooks: runbooks.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)), problems };
}
