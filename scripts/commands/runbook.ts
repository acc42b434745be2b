import { closestNames } from '../../src/core/analysis/blast/index.ts';
import { UsageError } from '../../src/core/errors.ts';
import { bindRunbook } from '../../src/core/index.ts';
import { renderRunbookMarkdown } from '../../src/core/render/runbook-markdown.ts';
import type { Runbook } from '../../src/core/runbooks/model.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_HELP, CONTENT_OPTION } from '../cli/load-inventory.ts';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type OutputFormat, outputFormat, structured } from '../cli/output.ts';
import { type RunbookInputs, readRunbookInputs } from '../cli/runbook-inputs.ts';

export const HELP = `tierbook runbook ID [TARGET] [SOURCE|--content DIR] [-o json|yaml]
                 [--incident ID] [--now ISO8601] [--config FILE] [--partial]
                 [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

Prints one built-in runbook bound to TARGET: the cluster's names filled in, the
gates (data loss, backups, what the read could not see) before any step, the
restore order for restore runbooks, and every field the inventory cannot know
as "fill in: ..." (never a guess). See docs/runbooks.md.
  ID               a runbook id (tierbook runbooks lists them and their targets)
  TARGET           what to bind to, written as for tierbook blast: osd/<id>,
                   device/<node>/<path>, node/<name>, pool/<namespace>/<name>,
                   workload/<namespace>/<Kind>/<name>; none for a cluster-wide
                   runbook
  --json           print the bound runbook as JSON (BoundRunbook)
${OUTPUT_HELP}
  --incident ID    the incident or change id, printed at the top
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml)
${CONTENT_HELP}
${READ_LIMITS_HELP}`;

export async function runbookCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...SOURCE_OPTIONS,
      ...CONTENT_OPTION,
      ...OUTPUT_OPTIONS,
      incident: { type: 'string' },
    },
    2,
  );
  const format = outputFormat(values);
  const [id, target] = positionals;
  if (!id)
    throw new UsageError('runbook needs an ID: tierbook runbook ID [TARGET]; tierbook runbooks lists them');
  const now = nowFrom(values.now);
  const inputs = await readRunbookInputs(values, now);
  const runbook = findRunbook(inputs.runbooks, id);
  await printBoundRunbook(runbook, inputs, target ?? null, { format, incident: values.incident, now });
  return 0;
}

/** Binds one runbook to a target and prints it: JSON (BoundRunbook) or the Markdown text. */
export async function printBoundRunbook(
  runbook: Runbook,
  inputs: RunbookInputs,
  target: string | null,
  out: { format: OutputFormat; incident: string | undefined; now: string },
): Promise<void> {
  const bound = await bindRunbook(runbook, inputs.analysis, target, {
    cluster: inputs.cluster,
    takenAt: inputs.takenAt,
    unread: inputs.unread,
  });
  process.stdout.write(
    out.format === 'text'
      ? renderRunbookMarkdown(bound, { incident: out.incident, printedAt: out.now })
      : structured(bound, out.format),
  );
}

/** The runbook with this id; an unknown id names the closest ones. */
export function findRunbook(runbooks: readonly Runbook[], id: string): Runbook {
  const found = runbooks.find((r) => r.meta.id === id);
  if (found) return found;
  const closest = closestNames(
    id,
    runbooks.map((r) => r.meta.id),
    3,
  );
  throw new UsageError(
    `no runbook "${id}"${closest.length > 0 ? `; did you mean ${closest.join(', ')}?` : ''} (tierbook runbooks lists them)`,
  );
}
