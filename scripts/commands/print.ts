import { resolve } from 'node:path';
import { UsageError } from '../../src/core/errors.ts';
import { bindRunbook } from '../../src/core/index.ts';
import { openPdfPrinter, readRunbookCss, refuseNonPdf, writePdfFile } from '../../src/site/runbook/pdf.ts';
import { incidentIdAt, printDocument } from '../../src/site/runbook/print-document.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_OPTION } from '../cli/load-inventory.ts';
import { readRunbookInputs } from '../cli/runbook-inputs.ts';
import { findRunbook } from './runbook.ts';

export const HELP = `tierbook print ID [TARGET] [SOURCE|--content DIR] --out FILE.pdf
               [--incident ID]
               [--now ISO8601] [--config FILE] [--partial]
               [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

Prints one runbook bound to TARGET as a PDF checklist (A4, black and white):
gates first, then each step with its command, the expected result, an empty
box for what was observed, UTC time and initials columns, abort criteria and
lines for what the inventory cannot know; each point of no return in a heavy
border with its time-out and two signature lines, on one page. Every page
carries the incident id, the runbook id and hash, the cluster, the inventory
time and "Page N of M". Needs Chromium (see README).
  ID               a runbook id (tierbook runbooks lists them and their targets)
  TARGET           what to bind to, as for tierbook runbook: osd/<id>,
                   node/<name>, pool/<namespace>/<name>,
                   workload/<namespace>/<Kind>/<name>; none for the cluster
  --out FILE.pdf   where to write it: written beside it, then renamed into
                   place; an existing file is replaced only if it is a PDF
  --incident ID    the incident or change id (default INC-YYYYMMDD-HHMM, UTC,
                   from --now or the current time)
  --content DIR    bind against a committed inventory (its graph.json), no
                   cluster access; the PDF shows that inventory's time
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml)
${READ_LIMITS_HELP}`;

export async function printCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...SOURCE_OPTIONS, ...CONTENT_OPTION, out: { type: 'string' }, incident: { type: 'string' } },
    2,
  );
  const [id, target] = positionals;
  if (!id) throw new UsageError('print needs an ID: tierbook print ID [TARGET] --out FILE.pdf');
  if (!values.out) throw new UsageError('print needs --out FILE.pdf: where to write the checklist');
  if (!values.out.toLowerCase().endsWith('.pdf')) {
    throw new UsageError(`--out names the PDF to write and ends in .pdf, got "${values.out}"`);
  }
  await refuseNonPdf(resolve(values.out));
  const now = nowFrom(values.now);
  const incident = incidentFrom(values.incident, now);
  const inputs = await readRunbookInputs(values, now);
  const bound = await bindRunbook(findRunbook(inputs.runbooks, id), inputs.analysis, target ?? null, {
    cluster: inputs.cluster,
    takenAt: inputs.takenAt,
    unread: inputs.unread,
  });
  const document = printDocument(bound, { incident, printedAt: now, css: await readRunbookCss() });
  const printer = await openPdfPrinter();
  try {
    await writePdfFile(resolve(values.out), await printer.pdf(document));
  } finally {
    await printer.close();
  }
  process.stderr.write(
    `tierbook: wrote ${values.out} (${bound.id} ${bound.target ?? 'cluster'}, incident ${incident}, hash ${bound.hash})\n`,
  );
  return 0;
}

/** `--incident ID`, printed on every page: one line of printable text; by default made from the time. */
function incidentFrom(value: string | undefined, now: string): string {
  if (value === undefined) return incidentIdAt(now);
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._:#/-]{0,63}$/u.test(value)) {
    throw new UsageError(
      `--incident expects an id of letters, digits and . _ : # / - (at most 64), got "${value.slice(0, 80)}"`,
    );
  }
  return value;
}
