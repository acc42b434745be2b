import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError, UsageError } from '../../src/core/errors.ts';
import { keepDrill, readDrillFile } from '../../src/io/drills-dir.ts';
import { MARKER_FILE, ownedOutput } from '../../src/io/output-dir.ts';
import { lockOutput } from '../../src/io/output-lock.ts';
import { parse } from '../cli/args.ts';
import { drillPlan } from './drill-plan.ts';

export const HELP = `tierbook drill record FILE [--content DIR]
tierbook drill plan WORKLOAD [SOURCE|--content DIR] [-o json] [--incident ID]
                    [--runbook ID]

Records a restore drill people ran from a runbook. FILE is the timeline the
browser exports (JSON: runbook, target, incident, cluster, steps, startedAt,
finishedAt; docs/drills.md). It is kept as
DIR/drills/<day>-<runbook>-<target>.json, never overwritten and never removed
by "tierbook inventory", which reads it back as restore evidence for the
target workload: its page shows the restore and how long it took, and
restore-untested is cleared.
  --content DIR    the inventory folder (default: content)

drill plan prints the restore drill runbook for WORKLOAD
(workload/<namespace>/<Kind>/<name>): a restore into a scratch cluster or
namespace that touches nothing of the workload, bound like "tierbook runbook"
(runbooks/*-drill.md; --runbook ID when several apply).`;

export async function drillCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'plan') return drillPlan(rest);
  if (action !== 'record')
    throw new UsageError(
      action
        ? `unknown drill action "${action}": expected record or plan`
        : 'tierbook drill record FILE: FILE is missing',
    );
  const { values, positionals } = parse(
    rest,
    {
      content: { type: 'string' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new UsageError('tierbook drill record FILE: FILE is missing');
  const drill = await readDrillFile(file);
  const dir = values.content ?? 'content';
  await ownedOutput(dir, 'content', '--content');
  // Only into an inventory: a drill alone would make the folder one tierbook refuses to write.
  if (!existsSync(join(dir, MARKER_FILE.content)))
    throw new OutputError(`--content ${dir} holds no inventory: run "tierbook inventory --out ${dir}" first`);
  const lock = await lockOutput(dir, '--content');
  try {
    const path = await keepDrill(dir, drill);
    const minutes = Math.round((Date.parse(drill.finishedAt) - Date.parse(drill.startedAt)) / 60_000);
    process.stdout.write(
      `Recorded ${path}: ${drill.runbook} on ${drill.target}, ${drill.steps.length} steps, ${minutes} min, ${drill.result}.\nRun "tierbook inventory --out ${dir}" to show it on the pages.\n`,
    );
    return 0;
  } finally {
    await lock.release();
  }
}
