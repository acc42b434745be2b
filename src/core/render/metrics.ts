import type { FailureDomainSummary, Impact } from '../analysis/blast/model.ts';
import type { Finding, RuleMeta, Severity } from '../analysis/checks/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { TIERS } from '../analysis/tiers/model.ts';
import { parseDuration } from '../config/duration.ts';

export interface MetricsInput {
  analysis: Analysis;
  findings: readonly Finding[];
  rules: readonly RuleMeta[];
  domains: readonly FailureDomainSummary[];
  cluster: string;
  /** When the inventory was read (ISO 8601). */
  takenAt: string;
}

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
const IMPACTS: readonly Impact[] = ['data-loss', 'unavailable', 'degraded'];

/**
 * `tierbook metrics`: OpenMetrics text for node-exporter's textfile collector or a Pushgateway,
 * so alerts fire between inventories: findings by rule and severity (zeros included, so a rule
 * that stops firing is a falling series, not a vanished one), backup age against the tier's
 * RPO per workload, and what each failure domain would take. Every series carries `cluster`.
 */
export function renderMetrics(input: MetricsInput): string {
  const { analysis, cluster } = input;
  const out: string[] = [];
  const family = (name: string, help: string, unit?: string) => {
    out.push(`# TYPE ${name} gauge`);
    if (unit) out.push(`# UNIT ${name} ${unit}`);
    out.push(`# HELP ${name} ${help}`);
  };
  const sample = (name: string, labels: Record<string, string>, value: number) => {
    const text = Object.entries({ cluster, ...labels })
      .map(([k, v]) => `${k}="${labelValue(v)}"`)
      .join(',');
    out.push(`${name}{${text}} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
  };
  const now = Date.parse(analysis.now) / 1000;

  family('tierbook_inventory_timestamp_seconds', 'When the inventory was read.', 'seconds');
  sample('tierbook_inventory_timestamp_seconds', {}, Date.parse(input.takenAt) / 1000);

  family('tierbook_workloads', 'Workloads by tier.');
  for (const tier of TIERS) {
    const n = analysis.workloads.filter((w) => analysis.tiers.get(w.id)?.tier === tier).length;
    sample('tierbook_workloads', { tier: String(tier) }, n);
  }

  family('tierbook_findings', 'Risk findings by rule and severity.');
  for (const rule of input.rules)
    for (const severity of SEVERITIES) {
      const n = input.findings.filter((f) => f.rule === rule.id && f.severity === severity).length;
      sample('tierbook_findings', { rule: rule.id, severity }, n);
    }

  const backed = analysis.workloads.map((w) => {
    const newest = (analysis.protections.get(w.id) ?? [])
      .map((p) => (p.lastSuccess ? Date.parse(p.lastSuccess) / 1000 : Number.NaN))
      .filter((t) => !Number.isNaN(t))
      .sort((a, b) => b - a)[0];
    const tier = analysis.tiers.get(w.id)?.tier;
    const labels = {
      namespace: w.node.namespace,
      kind: w.node.kind,
      name: w.node.name,
      tier: tier === undefined ? 'unknown' : String(tier),
    };
    const rpo = tier === undefined ? null : parseDuration(analysis.config.tiers[tier].rpo);
    return { labels, newest, rpo, count: (analysis.protections.get(w.id) ?? []).length };
  });
  family('tierbook_backup_protections', 'Backup policies covering each workload (0: none).');
  for (const b of backed) sample('tierbook_backup_protections', b.labels, b.count);
  family(
    'tierbook_backup_last_success_timestamp_seconds',
    "The workload's newest successful backup.",
    'seconds',
  );
  for (const b of backed)
    if (b.newest !== undefined) sample('tierbook_backup_last_success_timestamp_seconds', b.labels, b.newest);
  family(
    'tierbook_backup_age_seconds',
    "Age of the workload's newest successful backup at the inventory's time.",
    'seconds',
  );
  for (const b of backed)
    if (b.newest !== undefined) sample('tierbook_backup_age_seconds', b.labels, Math.max(0, now - b.newest));
  family('tierbook_backup_rpo_seconds', "The workload's tier RPO (absent for best-effort tiers).", 'seconds');
  for (const b of backed) if (b.rpo !== null) sample('tierbook_backup_rpo_seconds', b.labels, b.rpo);

  family('tierbook_blast_workloads', 'Workloads a failure domain would take with it, by impact.');
  for (const d of input.domains)
    for (const impact of IMPACTS)
      sample('tierbook_blast_workloads', { target: d.target, type: d.type, impact }, d.counts[impact]);

  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

/** OpenMetrics label values: backslash, double quote and newline escaped. */
function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
