import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Impact } from '../../src/core/analysis/blast/model.ts';
import { UsageError } from '../../src/core/errors.ts';
import { blast, failureDomains } from '../../src/core/index.ts';
import { describeUnread } from '../../src/core/sources/unread.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { staleNotice } from '../cli/content-facts.ts';
import { CONTENT_HELP, CONTENT_OPTION } from '../cli/content-option.ts';
import { DRILLS_HELP, DRILLS_OPTION } from '../cli/drills-option.ts';
import { OUTPUT_HELP, OUTPUT_OPTIONS, outputFormat, structured } from '../cli/output.ts';
import { partialReadFailsGate } from '../cli/partial-gate.ts';

export const HELP = `tierbook blast [TARGET...] [SOURCE|--content DIR] [--json] [--outage]
               [--fail-on IMPACT]
               [--drills DIR] [--now ISO8601] [--config FILE] [--partial]
               [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

What loses data, what goes dark and what merely degrades if TARGET is lost with its data
(a purge, a wipe). Several targets are lost together. With no target, lists every failure
domain (OSDs, disks, nodes, pools, classes) with what it would take, worst first.
  TARGET           osd/<id> (or Ceph's osd.<id>), device/<node>/<path> (by-id path or
                   kernel name: sdc, dev/sdc), node/<name>, pool/<namespace>/<name>,
                   storageclass/<name>, pvc/<namespace>/<name>,
                   workload/<namespace>/<Kind>/<name> (down, data intact)
  --outage         the target is down but its data survives: nothing becomes data-loss
  --fail-on IMPACT exit 1 if some workload's impact is IMPACT or worse: data-loss,
                   unavailable or degraded (with no target: if some failure domain's is),
                   or if the read was partial (what was not seen cannot pass a gate)
  --json           print the contract's JSON (target, assumptions, impacts)
${OUTPUT_HELP}
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml when present)
${CONTENT_HELP}
${DRILLS_HELP}
${READ_LIMITS_HELP}

A read with no Pod, workload, PVC or PV in it answers nothing: exit 3 (live, naming each
kind it could not read and why) or 2 (--from). Kinds the cluster would not list (403) and
files skipped with --partial are in the answer's assumptions: what they hold is not in it.
See docs/blast.md for how it reasons.`;

/** The blast command's options (one call, so its values' type is read from here). */
function parseBlast(args: string[]) {
  return parse(
    args,
    {
      ...SOURCE_OPTIONS,
      ...CONTENT_OPTION,
      ...OUTPUT_OPTIONS,
      outage: { type: 'boolean' },
      'fail-on': { type: 'string' },
      ...DRILLS_OPTION,
    },
    64,
  );
}

export async function blastCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseBlast(args);
  const failOn = await failOnFrom(values['fail-on']);
  const format = outputFormat(values);
  const now = nowFrom(values.now);
  const { loaded, analysis, dangling } = await analysedInventory(values, now);
  const unread = loaded.unread.map((u) => describeUnread(u, 'what it holds is not in this answer'));
  // From a committed inventory: the cluster as it was then; said with every answer, never a gate.
  const stale = staleNotice(loaded, now);
  if (positionals.length === 0) {
    const domains = await failureDomains(analysis);
    process.stdout.write(
      format !== 'text'
        ? structured(
            {
              failureDomains: domains,
              ...(unread.length + (stale ? 1 : 0) > 0
                ? { assumptions: [...unread, ...(stale ? [stale] : [])] }
                : {}),
            },
            format,
          )
        : (await blastText()).renderFailureDomainsText(domains, [...unread, ...(stale ? [stale] : [])]),
    );
    const partial = partialReadFailsGate(unread.length, failOn);
    if (failOn && (await gate()).failureDomainsFailAt(domains, failOn))
      return gateFailed(failOn, 'some failure domain');
    return partial ? 1 : 0;
  }
  // Kinds the cluster would not list, input --partial skipped, an old inventory, an object left
  // out for a wrong-typed field: said where the answer is read.
  const result = await blast(analysis, positionals, {
    outage: values.outage ?? false,
    assumptions: [...unread, ...(stale ? [stale] : [])],
    dangling,
  });
  process.stdout.write(
    format !== 'text'
      ? structured((await import('../../src/core/analysis/blast/json.ts')).blastJson(result), format)
      : (await blastText()).renderBlastText(result),
  );
  const partial = partialReadFailsGate(unread.length, failOn);
  if (failOn && (await gate()).impactsFailAt(result.impacts, failOn))
    return gateFailed(failOn, result.target);
  return partial ? 1 : 0;
}

type Values = ReturnType<typeof parseBlast>['values'];

/**
 * The inventory, its analysis and its dangling references. From a committed content/ with
 * nothing that changes the analysis (no --config, no --drills, no drills recorded in
 * DIR/drills) and no object left out for a field's type (said in the answer from graph.json's
 * dangling references, which the saved context does not keep): the analysis saved beside
 * graph.json (guard-context.json, as the guard reads it), when it was made from exactly that
 * graph.json by this tierbook. Anything else analyses graph.json, and the answer is the same,
 * only slower (tests/cli/blast-saved-context.test.ts).
 */
async function analysedInventory(values: Values, now: string) {
  if (values.content !== undefined && values.drills === undefined && !(await holdsDrills(values.content))) {
    const { savedContentAnalysis } = await import('../cli/saved-analysis.ts');
    const saved = await savedContentAnalysis(values, now);
    if (saved !== null && saved.leftOut.length === 0) return { ...saved, dangling: [] };
  }
  const [{ loadInventory }, { analyseCluster }, { drillsOf, warnIgnoredDrills }] = await Promise.all([
    import('../cli/load-inventory.ts'),
    import('../../src/core/index.ts'),
    import('../cli/drills.ts'),
  ]);
  const loaded = await loadInventory(values, 'the blast radius may miss what depends on it');
  const analysis = await analyseCluster(loaded.graph, {
    config: loaded.config,
    now,
    drills: await drillsOf(values, loaded.cluster),
  });
  warnIgnoredDrills(analysis);
  return { loaded, analysis, dangling: loaded.graph.dangling };
}

/** Whether DIR/drills (DRILLS_DIR) holds a drill file (or cannot be listed): the full path reads and counts them. */
async function holdsDrills(dir: string): Promise<boolean> {
  try {
    return (await readdir(join(dir, 'drills'))).some((name) => name.endsWith('.json'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

// Each loaded only by the runs that use it (start-up counts): the text renderer, the JSON
// shape, the gate.
const blastText = () => import('../../src/core/render/blast-text.ts');
const gate = () => import('../../src/core/analysis/blast/gate.ts');

/** `--fail-on`: unset means never fail; a wrong value is a usage error naming the allowed ones. */
async function failOnFrom(value: string | undefined): Promise<Impact | null> {
  if (value === undefined) return null;
  const { BLAST_FAIL_ON_VALUES } = await gate();
  if ((BLAST_FAIL_ON_VALUES as readonly string[]).includes(value)) return value as Impact;
  throw new UsageError(`--fail-on expects one of ${BLAST_FAIL_ON_VALUES.join(', ')}, got "${value}"`);
}

function gateFailed(failOn: Impact, what: string): number {
  process.stderr.write(`tierbook: ${what}: an impact at or above ${failOn} (--fail-on ${failOn})\n`);
  return 1;
}
