import { RULES } from '../../src/core/analysis/checks/index.ts';
import { analyseCluster, check, failureDomains } from '../../src/core/index.ts';
import { renderMetrics } from '../../src/core/render/metrics.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { CONTENT_HELP, CONTENT_OPTION, loadInventory } from '../cli/load-inventory.ts';

export const HELP = `tierbook metrics [SOURCE|--content DIR] [--now ISO8601] [--config FILE]

Prints OpenMetrics text for node-exporter's textfile collector or a Pushgateway,
so alerts fire between inventories: findings by rule and severity, each
workload's newest backup, its age and its tier's RPO, and what each failure
domain would take (data-loss, unavailable, degraded). Every series carries
cluster="NAME". docs/metrics.md has alert rules.
  --now ISO8601    measure backup ages at this time (default: now; with
                   --content, the inventory's own time)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml)
${CONTENT_HELP}
${READ_LIMITS_HELP}`;

export async function metricsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { ...SOURCE_OPTIONS, ...CONTENT_OPTION });
  const loaded = await loadInventory(values, 'metrics about what it holds are missing');
  // A committed inventory's ages are as of when it was read, unless --now asks otherwise.
  const now = values.now === undefined && loaded.takenAt !== null ? loaded.takenAt : nowFrom(values.now);
  const analysis = await analyseCluster(loaded.graph, { config: loaded.config, now });
  process.stdout.write(
    renderMetrics({
      analysis,
      findings: (await check(analysis)).open,
      rules: RULES.map((r) => r.meta),
      domains: await failureDomains(analysis),
      cluster: loaded.cluster,
      takenAt: loaded.takenAt ?? now,
    }),
  );
  return 0;
}
