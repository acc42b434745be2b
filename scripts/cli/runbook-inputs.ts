import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { InputError } from '../../src/core/errors.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import type { Runbook } from '../../src/core/runbooks/model.ts';
import { describeUnread, unreadOf } from '../../src/core/sources/unread.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { warnLeftOut } from './left-out.ts';
import { readClusterAndConfig, type SourceValues } from './read-cluster.ts';

/** What the runbook commands bind against: the analysis, the runbooks and what the read missed. */
export interface RunbookInputs {
  analysis: Analysis;
  runbooks: Runbook[];
  cluster: string;
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
 * not parse is not printed), then the cluster read and analysed like `tierbook blast` does.
 */
export async function readRunbookInputs(values: SourceValues, now: string): Promise<RunbookInputs> {
  const runbooks = await readBuiltInRunbooks();
  const { read, config } = await readClusterAndConfig(values);
  const unread = unreadOf(read.result).map((u) => describeUnread(u, 'what it holds is not in these gates'));
  const graph = buildGraph(read.result.items);
  warnLeftOut(graph);
  return { analysis: analyze(graph, { config, now }), runbooks, cluster: read.cluster, unread };
}
