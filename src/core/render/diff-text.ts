import type { Impact } from '../analysis/blast/model.ts';
import type { Finding } from '../analysis/checks/model.ts';
import type { DiffWorkload, DomainGrowth, InventoryDiff } from '../diff/inventory-diff.ts';

/**
 * The drift report as Markdown, for a pull request's body or a scheduled run's summary: what
 * needs review first (blast radius grown, backups lost, new findings), then the rest. Plain
 * GitHub/GitLab Markdown: tables and lists, no HTML.
 */
export function renderDiffMarkdown(diff: InventoryDiff): string {
  const out: string[] = [`# Inventory drift: ${cell(diff.new.cluster)}`, ''];
  out.push(`From the inventory taken ${diff.old.takenAt} to the one taken ${diff.new.takenAt}.`, '');
  const review = [
    count(
      diff.failureDomains.grown.length,
      'failure domain whose blast radius grew',
      'failure domains whose blast radius grew',
    ),
    count(diff.backups.lost.length, 'backup lost', 'backups lost'),
    count(diff.findings.new.length, 'new finding', 'new findings'),
    count(diff.tiers.length, 'tier change', 'tier changes'),
  ].filter((s) => s !== null);
  const anything =
    review.length > 0 ||
    diff.workloads.added.length + diff.workloads.removed.length + diff.findings.resolved.length > 0 ||
    diff.backups.gained.length + diff.failureDomains.shrunk.length > 0;
  if (!anything) return `${out.join('\n')}\nNo changes.\n`;
  out.push(review.length > 0 ? `**To review:** ${review.join(', ')}.` : 'Nothing grew worse.', '');
  section(out, 'Failure domains whose blast radius grew', domainTable(diff.failureDomains.grown));
  section(
    out,
    'Backups lost',
    diff.backups.lost.map((c) => `- ${workload(c.workload)}: ${cell(c.protection)}`),
  );
  section(out, 'New findings', diff.findings.new.map(finding));
  section(
    out,
    'Tier changes',
    diff.tiers.map((t) => `- ${cell(t.workload.title)}: tier ${t.from} → tier ${t.to}`),
  );
  section(
    out,
    'Workloads added',
    diff.workloads.added.map((w) => `- ${workload(w)}`),
  );
  section(
    out,
    'Workloads removed',
    diff.workloads.removed.map((w) => `- ${workload(w)}`),
  );
  section(out, 'Resolved findings', diff.findings.resolved.map(finding));
  section(
    out,
    'Backups gained',
    diff.backups.gained.map((c) => `- ${workload(c.workload)}: ${cell(c.protection)}`),
  );
  section(out, 'Failure domains whose blast radius shrank', domainTable(diff.failureDomains.shrunk));
  return `${out.join('\n').trimEnd()}\n`;
}

function section(out: string[], title: string, lines: string[]): void {
  if (lines.length === 0) return;
  out.push(`## ${title}`, '', ...lines, '');
}

function count(n: number, one: string, many: string): string | null {
  return n === 0 ? null : `${n} ${n === 1 ? one : many}`;
}

const IMPACTS: readonly Impact[] = ['data-loss', 'unavailable', 'degraded'];

function domainTable(rows: readonly DomainGrowth[]): string[] {
  if (rows.length === 0) return [];
  const change = (r: DomainGrowth, i: Impact) =>
    r.before === null
      ? `${r.after[i]} (new)`
      : r.before[i] === r.after[i]
        ? `${r.after[i]}`
        : `${r.before[i]} → ${r.after[i]}`;
  return [
    '| failure domain | lose data | go dark | degrade |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${cell(r.target)}\` | ${IMPACTS.map((i) => change(r, i)).join(' | ')} |`),
  ];
}

function workload(w: DiffWorkload): string {
  return `${cell(w.title)}${w.tier === null ? '' : ` (tier ${w.tier})`}`;
}

function finding(f: Finding): string {
  const { kind, namespace, name } = f.object;
  const object = namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
  return `- **${f.severity}** \`${f.rule}\` ${cell(object)}: ${cell(f.message)}`;
}

/** Names come from the cluster: keep them from breaking a table or starting Markdown syntax. */
function cell(text: string): string {
  return text.replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
