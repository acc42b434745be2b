import { resolveTarget } from '../../src/core/analysis/blast/index.ts';
import { UsageError } from '../../src/core/errors.ts';
import { appliesTo } from '../../src/core/runbooks/applies.ts';
import { nowFrom, parse, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_OPTION } from '../cli/load-inventory.ts';
import { OUTPUT_OPTIONS, outputFormat } from '../cli/output.ts';
import { readRunbookInputs } from '../cli/runbook-inputs.ts';
import { printBoundRunbook } from './runbook.ts';

/** Drill runbooks are the built-in runbooks whose id ends so: restores that touch nothing. */
const DRILL_SUFFIX = '-drill';

/**
 * `tierbook drill plan WORKLOAD`: the non-destructive restore drill runbook for a workload,
 * bound like `tierbook runbook` (the first drill runbook that applies, or `--runbook ID`).
 */
export async function drillPlan(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...SOURCE_OPTIONS,
      ...CONTENT_OPTION,
      ...OUTPUT_OPTIONS,
      incident: { type: 'string' },
      runbook: { type: 'string' },
    },
    1,
  );
  const format = outputFormat(values);
  const text = positionals[0];
  if (!text)
    throw new UsageError(
      'tierbook drill plan WORKLOAD: WORKLOAD is missing (workload/<namespace>/<Kind>/<name>)',
    );
  const now = nowFrom(values.now);
  const inputs = await readRunbookInputs(values, now);
  const target = resolveTarget(inputs.analysis, text);
  if (target.type !== 'workload')
    throw new UsageError(
      `a drill is planned for a workload (workload/<namespace>/<Kind>/<name>), not ${text}`,
    );
  const drills = inputs.runbooks.filter((r) => r.meta.id.endsWith(DRILL_SUFFIX));
  const fitting = drills.filter((r) => appliesTo(r, inputs.analysis, target));
  const chosen = values.runbook ? fitting.find((r) => r.meta.id === values.runbook) : fitting[0];
  if (!chosen)
    throw new UsageError(
      values.runbook
        ? `drill runbook "${values.runbook}" does not apply to ${target.text}${fitting.length > 0 ? `; these do: ${fitting.map((r) => r.meta.id).join(', ')}` : ''}`
        : `no drill runbook applies to ${target.text}: the drills are ${drills.map((r) => `${r.meta.id} (${r.meta.appliesTo.join(', ')})`).join('; ')}`,
    );
  if (fitting.length > 1 && !values.runbook)
    process.stderr.write(
      `tierbook: note: other drills apply too: ${fitting
        .filter((r) => r !== chosen)
        .map((r) => r.meta.id)
        .join(', ')} (--runbook ID)\n`,
    );
  await printBoundRunbook(chosen, inputs, target.text, { format, incident: values.incident, now });
  return 0;
}
