import { analyze } from '../../src/core/analysis/analyze.ts';
import { failureDomains } from '../../src/core/analysis/blast/index.ts';
import { applyAcceptances } from '../../src/core/analysis/checks/acceptance.ts';
import { RULES, runChecks } from '../../src/core/analysis/checks/index.ts';
import { renderMetrics } from '../../src/core/render/metrics.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_HELP, CONTENT_OPTION, loadInventory } from '../cli/load-inventory.ts';

export const HELP = `tierbook metrics [SOURCE|--content DIR] [--now ISO8601] [--config FILE]

Prints OpenMetrics text for node-exporter's textfile collector or a Pushgateway, so alerts
fire between inventories: findings by rule and severity, each workload's newest backup, its
age and its tier's RPO, and what each failure domain would take (data-loss, unavailable,
degraded). Every series carries cluster="NAME". docs/metrics.md has alert examples.
  --now ISO8601    measure backup ages against this time (default: now; with --content
                   the inventory's own time)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml when present)
${CONTENT_HELP}
${READ_LIMITS_HELP}`;

export async function metricsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { ...SOURCE_OPTIONS, ...CONTENT_OPTION });
  const loaded = await loadInventory(values, 'metrics about what it holds are missing');
  // A committed inventory's ages are as of when it was read, unless --now asks otherwise.
  const now = values.now === undefined && loaded.takenAt !== null ? loaded.takenAt : nowFrom(values.now);
  const analysis = analyze(loaded.graph, { config: loaded.config, now });
  process.stdout.write(
    renderMetrics({
      analysis,
      findings: applyAcceptances(runChecks(analysis), analysis).open,
      rules: RULES.map((r) => r.meta),
      domains: failureDomains(analysis),
      cluster: loaded.cluster,
      takenAt: loaded.takenAt ?? now,
    }),
  );
  return 0;
}
