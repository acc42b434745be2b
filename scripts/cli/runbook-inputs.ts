import type { Analysis } from '../../src/core/analysis/model.ts';
import { InputError } from '../../src/core/errors.ts';
import { analyseCluster } from '../../src/core/index.ts';
import type { Runbook } from '../../src/core/runbooks/model.ts';
import { describeUnread } from '../../src/core/sources/unread.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { staleNotice } from './content-facts.ts';
import { loadInventory } from './load-inventory.ts';
import type { SourceValues } from './read-cluster.ts';

/** What the runbook commands bind against: the analysis, the runbooks and what the read missed. */
export interface RunbookInputs {
  analysis: Analysis;
  runbooks: Runbook[];
  cluster: string;
  /** When the inventory was read: now, or the committed inventory's time with --content. */
  takenAt: string;
  unread: string[];
}

/** The built-in runbooks; one that does not parse is bad input naming its file and line. */
export async function readBuiltInRunbooks(): Promise<Runbook[]> {
  const { runbooks, problems } = await readRunbooks();
  if (problems.length > 0) {
    throw new InputError(
      `${problems.length} problem(s) in the runbooks:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
  }
  return runbooks;
}

/**
 * The built-in runbooks (a broken one is bad input naming file and line: a procedure that does
 * not parse is not printed), then the inventory: the cluster or --from read and analysed like
 * `tierbook blast` does, or with `--content DIR` the graph a committed inventory saved.
 */
export async function readRunbookInputs(
  values: SourceValues & { content?: string | undefined },
  now: string,
): Promise<RunbookInputs> {
  const runbooks = await readBuiltInRunbooks();
  const loaded = await loadInventory(values, 'the runbook gates may miss what depends on it');
  const stale = staleNotice(loaded, now);
  if (stale) process.stderr.write(`tierbook: note: ${stale}\n`);
  return {
    analysis: await analyseCluster(loaded.graph, { config: loaded.config, now }),
    runbooks,
    cluster: loaded.cluster,
    takenAt: loaded.takenAt ?? now,
    unread: loaded.unread.map((u) => describeUnread(u, 'what it holds is not in these gates')),
  };
}
