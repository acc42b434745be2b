import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../../src/core/errors.ts';
import { assessSteps, type GuardGate } from '../../src/core/guard/assess.ts';
import { manifestDiffSteps } from '../../src/core/guard/manifest-diff.ts';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { analyseCluster } from '../../src/core/index.ts';
import { gitTree } from '../../src/io/git-tree.ts';
import { nowFrom } from '../cli/args.ts';
import { loadInventory } from '../cli/load-inventory.ts';
import type { SourceValues } from '../cli/read-cluster.ts';

/** The guard's options a diff uses: where to read, and when now is. */
export type DiffValues = SourceValues & { content?: string | undefined; now?: string | undefined };

/**
 * `guard --diff BASE..HEAD` (git revisions of the repository here) or `--diff OLD --diff NEW`
 * (two folders, or two revisions): the change read as destructive steps, judged on BASE.
 */
export async function guardDiff(specs: string[], values: DiffValues, gate: GuardGate): Promise<GuardAnswer> {
  const [old, neu] = sides(specs);
  if (values.content !== undefined || (values.from ?? []).length > 0)
    throw new UsageError('--diff reads its two sides; it does not mix with --content or --from');
  const [base, head] = await Promise.all([folderOf(old), folderOf(neu)]);
  const now = nowFrom(values.now);
  const before = await loadInventory({ ...values, from: [base] }, 'the guard may miss what depends on it');
  const after = await loadInventory({ ...values, from: [head] }, 'the guard may miss what depends on it');
  const analysis = await analyseCluster(before.graph, { config: before.config, now });
  const spec = specs.length === 2 ? `${old} → ${neu}` : `${old}..${neu}`;
  return assessSteps(
    spec,
    { steps: manifestDiffSteps(spec, analysis, after.graph), problems: [] },
    analysis,
    gate,
  );
}

function sides(specs: string[]): [string, string] {
  if (specs.length === 2) return [specs[0] ?? '', specs[1] ?? ''];
  const range = /^(.+?)\.\.(.+)$/.exec(specs[0] ?? '');
  if (specs.length === 1 && range?.[1] && range[2] && !specs[0]?.includes('/')) return [range[1], range[2]];
  throw new UsageError(
    '--diff expects BASE..HEAD (git revisions) or --diff OLD --diff NEW (folders or revisions)',
  );
}

async function folderOf(side: string): Promise<string> {
  return existsSync(side) && statSync(side).isDirectory() ? side : gitTree(side, process.cwd());
}
