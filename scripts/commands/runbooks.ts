import { applicableRunbooks } from '../../src/core/index.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_HELP, CONTENT_OPTION } from '../cli/load-inventory.ts';
import { OUTPUT_HELP, OUTPUT_OPTIONS, outputFormat, structured } from '../cli/output.ts';
import { readRunbookInputs } from '../cli/runbook-inputs.ts';

export const HELP = `tierbook runbooks [SOURCE|--content DIR] [-o json|yaml] [--now ISO8601]
                  [--config FILE]
                  [--partial] [--timeout DUR] [--request-timeout DUR]
                  [--max-bytes SIZE]

Lists every built-in runbook that applies to something in the cluster: per
failure domain (OSD, disk, node, pool), per workload, and cluster-wide ones.
Print one with: tierbook runbook ID TARGET. See docs/runbooks.md.
  --json           print {runbooks: [{id, title, version, tier, rto,
                   appliesTo, targets}]}; a cluster-wide runbook's target
                   is null
${OUTPUT_HELP}
  --now ISO8601    measure backup ages at this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml)
${CONTENT_HELP}
${READ_LIMITS_HELP}`;

export async function runbooksCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...SOURCE_OPTIONS,
    ...CONTENT_OPTION,
    ...OUTPUT_OPTIONS,
  });
  const format = outputFormat(values);
  const inputs = await readRunbookInputs(values, nowFrom(values.now));
  const applicable = await applicableRunbooks(inputs.runbooks, inputs.analysis);
  const rows = inputs.runbooks.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    version: r.meta.version,
    tier: r.meta.tier,
    rto: r.meta.rto,
    appliesTo: r.meta.appliesTo,
    targets: applicable.filter((a) => a.runbook === r).map((a) => a.target),
  }));
  if (format !== 'text') {
    process.stdout.write(structured({ runbooks: rows }, format));
    return 0;
  }
  const lines: string[] = [];
  for (const [heading, types] of GROUPS) {
    const here = applicable.filter((a) => types.includes(a.type));
    if (here.length === 0) continue;
    lines.push(`${heading}:`);
    const byTarget = new Map<string, string[]>();
    for (const a of here) {
      const key = a.target ?? '(cluster)';
      byTarget.set(key, [...(byTarget.get(key) ?? []), a.runbook.meta.id]);
    }
    const width = Math.min(40, Math.max(...[...byTarget.keys()].map((t) => t.length)));
    for (const [target, ids] of byTarget)
      lines.push(
        target.length > width
          ? `  ${target}\n  ${' '.repeat(width)}  ${ids.join(', ')}`
          : `  ${target.padEnd(width)}  ${ids.join(', ')}`,
      );
    lines.push('');
  }
  const unused = rows.filter((r) => r.targets.length === 0).map((r) => r.id);
  if (applicable.length === 0) lines.push('No built-in runbook applies to anything in this cluster.', '');
  if (unused.length > 0) lines.push(`Not applicable here: ${unused.join(', ')}.`, '');
  lines.push('Print one: tierbook runbook ID TARGET [SOURCE] (-o json for JSON).');
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

const GROUPS: readonly [string, readonly string[]][] = [
  ['Failure domains', ['osd', 'device', 'node', 'pool']],
  ['Workloads', ['workload']],
  ['Cluster-wide', ['cluster']],
];
