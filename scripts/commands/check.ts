import { relative, sep } from 'node:path';
import type { AcceptedFinding } from '../../src/core/analysis/checks/acceptance.ts';
import {
  compareWithBaseline,
  FAIL_ON_VALUES,
  type FailOn,
  type Finding,
  failsAt,
  findingsJson,
  findingsText,
  partialReadText,
  RULES,
} from '../../src/core/analysis/checks/index.ts';
import { junitReport } from '../../src/core/analysis/checks/junit-report.ts';
import { sarifReport } from '../../src/core/analysis/checks/sarif-report.ts';
import { acceptedText } from '../../src/core/analysis/checks/text-report.ts';
import { UsageError } from '../../src/core/errors.ts';
import { analyseCluster, check } from '../../src/core/index.ts';
import { describeUnread } from '../../src/core/sources/unread.ts';
import { readBaseline } from '../../src/io/read-baseline.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { staleNotice } from '../cli/content-facts.ts';
import { DRILLS_HELP, DRILLS_OPTION, drillsOf, warnIgnoredDrills } from '../cli/drills.ts';
import { CONTENT_HELP, CONTENT_OPTION, loadInventory } from '../cli/load-inventory.ts';
import { partialReadFailsGate } from '../cli/partial-gate.ts';
import { RULE_DOCS, VERSION } from '../cli/version.ts';

export const HELP = `tierbook check [SOURCE|--content DIR] [--json] [--fail-on high|medium|low|none]
                [--baseline FILE]
                [--drills DIR] [--now ISO8601] [--config FILE] [--partial]
                [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

Checks the cluster for the risks that turn a routine change into an outage (docs/rules/):
volatile device names, low-redundancy pools, missing, stale or failing backups, backups in the
blast radius, single replicas of critical data… Findings are grouped by severity, each with the
object and field to change and how to fix it.
  --json           print {"findings": [...]} (rule, severity, object, field, message, fix),
                   and "notRead" when the read was partial (the same as -o json)
  -o, --output FMT text (default), json, sarif (SARIF 2.1.0: findings read from
                   files point at the manifest's line) or junit
  --fail-on SEV    exit 1 if any finding is at or above SEV: high (default), medium, low, or
                   none (never fail); a partial read fails any gate but none
  --baseline FILE  a saved "tierbook check --json": findings already in it (same rule, object
                   and field) are accepted: listed apart, never failed on; CI fails on new ones
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml when present)
${CONTENT_HELP}
${DRILLS_HELP}
${READ_LIMITS_HELP}

A read with no Pod, workload, PVC or PV in it is no "No findings": exit 3 (live, naming each
kind it could not read and why) or 2 (--from). A partial read (a kind 403, a file skipped)
starts with a PARTIAL READ header naming what the findings do not cover.`;

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...SOURCE_OPTIONS,
    ...CONTENT_OPTION,
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    ...DRILLS_OPTION,
  });
  const failOn = failOnFrom(values['fail-on']);
  const format = formatFrom(values.output, values.json);
  const now = nowFrom(values.now);
  const baseline = values.baseline === undefined ? null : await readBaseline(values.baseline);
  const loaded = await loadInventory(values, 'checks that need it may miss findings');
  const stale = staleNotice(loaded, now);
  if (stale) process.stderr.write(`tierbook: note: ${stale}\n`);
  // What was not read: a header in text, `notRead` in JSON (only when something was not read).
  const missing = 'findings about what it holds are missing';
  const unread = loaded.unread.map((u) => ({ ...u, message: describeUnread(u, missing) }));
  const notRead = {
    ...(unread.length > 0 ? { notRead: unread } : {}),
    ...(loaded.takenAt !== null ? { inventoryTakenAt: loaded.takenAt } : {}),
  };
  const header = partialReadText(unread.map((u) => u.message));
  const analysis = await analyseCluster(loaded.graph, {
    config: loaded.config,
    now,
    drills: await drillsOf(values, loaded.cluster),
  });
  warnIgnoredDrills(analysis);
  const { open: findings, accepted, expired } = await check(analysis);
  const compared = baseline ? compareWithBaseline(findings, baseline) : null;
  const fresh = compared?.fresh ?? findings;
  const fails = (f: Finding) => failsAt([f], failOn);
  if (format === 'sarif') {
    const report = sarifReport(findings, {
      version: VERSION,
      rules: RULES.map((r) => r.meta),
      provenance: loaded.provenance,
      uriOf: (file) => relative(process.cwd(), file).split(sep).join('/'),
      docsBase: RULE_DOCS,
      ...(compared ? { known: new Set(compared.known) } : {}),
      accepted,
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (format === 'junit') {
    process.stdout.write(
      junitReport(
        fresh,
        RULES.map((r) => r.meta),
        fails,
      ),
    );
  } else if (format === 'json') {
    const known = compared ? { inBaseline: findingsJson(compared.known).findings } : {};
    const acceptance = {
      ...(accepted.length > 0 ? { accepted: acceptedJson(accepted) } : {}),
      ...(expired.length > 0 ? { acceptanceEnded: acceptedJson(expired) } : {}),
    };
    process.stdout.write(
      `${JSON.stringify({ ...findingsJson(fresh), ...known, ...acceptance, ...notRead }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(header + findingsText(fresh) + acceptedText(accepted, expired));
    if (compared && baseline) {
      const { known, gone } = compared;
      process.stdout.write(
        `${known.length} known finding${known.length === 1 ? '' : 's'} from the baseline ${baseline.file} not shown; ${gone} of its finding${gone === 1 ? '' : 's'} no longer found.\n`,
      );
    }
  }
  const partial = partialReadFailsGate(unread.length, gateOf(failOn));
  return failsAt(fresh, failOn) || partial ? 1 : 0;
}

/** Accepted findings in JSON: the contract's finding plus who accepted it, why, until when. */
function acceptedJson(list: readonly AcceptedFinding[]) {
  return findingsJson(list).findings.map((f, i) => ({ ...f, accepted: list[i]?.accepted }));
}

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

/** `-o FORMAT`, with `--json` kept as the contract's spelling of `-o json`. */
function formatFrom(output: string | undefined, json: boolean | undefined): Format {
  if (output === undefined) return json ? 'json' : 'text';
  if (!(FORMATS as readonly string[]).includes(output))
    throw new UsageError(`-o expects one of ${FORMATS.join(', ')}, got "${output}"`);
  if (json && output !== 'json')
    throw new UsageError(`--json and -o ${output} ask for two formats; give one`);
  return output as Format;
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
