import { analyze } from '../../src/core/analysis/analyze.ts';
import {
  compareWithBaseline,
  FAIL_ON_VALUES,
  type FailOn,
  failsAt,
  findingsJson,
  findingsText,
  partialReadText,
  runChecks,
} from '../../src/core/analysis/checks/index.ts';
import { UsageError } from '../../src/core/errors.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { describeUnread, unreadOf } from '../../src/core/sources/unread.ts';
import { readBaseline } from '../../src/io/read-baseline.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { DRILLS_HELP, DRILLS_OPTION, drillsOf, warnIgnoredDrills } from '../cli/drills.ts';
import { warnLeftOut } from '../cli/left-out.ts';
import { partialReadFailsGate } from '../cli/partial-gate.ts';
import { readClusterAndConfig } from '../cli/read-cluster.ts';

export const HELP = `tierbook check [SOURCE] [--json] [--fail-on high|medium|low|none] [--baseline FILE]
                [--drills DIR] [--now ISO8601] [--config FILE] [--partial]
                [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

Checks the cluster for the risks that turn a routine change into an outage (docs/rules/):
volatile device names, low-redundancy pools, missing, stale or failing backups, backups in the
blast radius, single replicas of critical data… Findings are grouped by severity, each with the
object and field to change and how to fix it.
  --json           print {"findings": [...]} (rule, severity, object, field, message, fix),
                   and "notRead" when the read was partial
  --fail-on SEV    exit 1 if any finding is at or above SEV: high (default), medium, low, or
                   none (never fail); a partial read fails any gate but none
  --baseline FILE  a saved "tierbook check --json": findings already in it (same rule, object
                   and field) are accepted: listed apart, never failed on; CI fails on new ones
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml when present)
${DRILLS_HELP}
${READ_LIMITS_HELP}

A read with no Pod, workload, PVC or PV in it is no "No findings": exit 3 (live, naming each
kind it could not read and why) or 2 (--from). A partial read (a kind 403, a file skipped)
starts with a PARTIAL READ header naming what the findings do not cover.`;

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...SOURCE_OPTIONS,
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    ...DRILLS_OPTION,
  });
  const failOn = failOnFrom(values['fail-on']);
  const now = nowFrom(values.now);
  const baseline = values.baseline === undefined ? null : await readBaseline(values.baseline);
  const { read, config } = await readClusterAndConfig(values);
  for (const u of read.result.unreadable) {
    process.stderr.write(
      `tierbook: warning: could not read ${u.group || 'core'}/${u.kind} (${u.reason}): ${u.detail}; checks that need it may miss findings\n`,
    );
  }
  // What was not read: a header in text, `notRead` in JSON (only when something was not read).
  const missing = 'findings about what it holds are missing';
  const unread = unreadOf(read.result).map((u) => ({ ...u, message: describeUnread(u, missing) }));
  const notRead = unread.length > 0 ? { notRead: unread } : {};
  const header = partialReadText(unread.map((u) => u.message));
  const graph = buildGraph(read.result.items);
  warnLeftOut(graph);
  const analysis = analyze(graph, { config, now, drills: await drillsOf(values.drills, read.cluster) });
  warnIgnoredDrills(analysis);
  const findings = runChecks(analysis);
  if (!baseline) {
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ ...findingsJson(findings), ...notRead }, null, 2)}\n`
        : header + findingsText(findings),
    );
    const partial = partialReadFailsGate(unread.length, gateOf(failOn));
    return failsAt(findings, failOn) || partial ? 1 : 0;
  }
  const { fresh, known, gone } = compareWithBaseline(findings, baseline);
  if (values.json) {
    const json = { ...findingsJson(fresh), inBaseline: findingsJson(known).findings, ...notRead };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(header + findingsText(fresh));
    process.stdout.write(
      `${known.length} known finding${known.length === 1 ? '' : 's'} from the baseline ${baseline.file} not shown; ${gone} of its finding${gone === 1 ? '' : 's'} no longer found.\n`,
    );
  }
  const partial = partialReadFailsGate(unread.length, gateOf(failOn));
  return failsAt(fresh, failOn) || partial ? 1 : 0;
}

/** `--fail-on none` reports without gating. */
function gateOf(failOn: FailOn): string | null {
  return failOn === 'none' ? null : failOn;
}

function failOnFrom(value: string | undefined): FailOn {
  if (value === undefined) return 'high';
  if ((FAIL_ON_VALUES as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on expects one of ${FAIL_ON_VALUES.join(', ')}, got "${value}"`);
}
