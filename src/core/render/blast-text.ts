import type {
  BlastResult,
  FailureDomainSummary,
  LastRestore,
  WorkloadImpact,
} from '../analysis/blast/model.ts';
import { IMPACT_ORDER, type Impact } from '../analysis/blast/model.ts';
import { formatAge } from '../analysis/checks/age.ts';
import { blastVerdict, verdictSentences } from './blast-verdict.ts';

const WIDTH = 80;

const HEADINGS: Record<Impact, string> = {
  'data-loss': 'LOSE DATA (no surviving copy in the cluster)',
  unavailable: 'UNAVAILABLE (data survives, cannot serve)',
  degraded: 'DEGRADED (keeps serving with less redundancy)',
};

/**
 * `tierbook blast TARGET` for a terminal: the verdict first (what loses data and goes dark, by
 * name, whether backups survive, the runbook), then grouped by impact, tier first on each line, the
 * reasons indented under it, each backup with whether it survives, the assumptions last.
 * Fits 80 columns.
 */
export function renderBlastText(result: BlastResult): string {
  const out: string[] = [];
  const what = result.outage ? 'down, its data intact (--outage)' : 'lost with its data';
  out.push(...wrap(`Blast radius of ${result.target}: ${what}.`, '', ''));
  const verdict = blastVerdict(
    result.target,
    result.impacts.map((i) => ({ ...i, name: workloadName(i), backups: i.backups })),
  );
  for (const sentence of verdictSentences(verdict)) out.push(...wrap(sentence, '  ', '    '));
  if (result.impacts.length === 0) return `${out.join('\n')}\n`;
  for (const impact of IMPACT_ORDER) {
    const group = result.impacts.filter((i) => i.impact === impact);
    if (group.length === 0) continue;
    out.push('', `${HEADINGS[impact]}: ${group.length}`);
    for (const item of group) out.push(...renderImpact(item));
  }
  if (result.assumptions.length > 0) {
    out.push('', 'Assumptions:');
    for (const line of result.assumptions) out.push(...wrap(line, '  - ', '    '));
  }
  return `${out.join('\n')}\n`;
}

function workloadName(item: WorkloadImpact): string {
  const { kind, namespace, name } = item.workload;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

function renderImpact(item: WorkloadImpact): string[] {
  const lines = [`  tier ${item.tier}  ${workloadName(item)}`];
  for (const why of item.why) lines.push(...wrap(why, '      - ', '        '));
  for (const b of item.backups) {
    const when = b.last_success ? `last success ${b.last_success}` : 'never succeeded';
    const head = `backup ${b.kind} (${b.system}), ${when}: ${b.survives ? 'survives' : 'DOES NOT survive'}${restoredText(b.last_restore)}`;
    lines.push(...wrap(`${head}; ${b.why}`, '      * ', '        '));
  }
  return lines;
}

/** "; last restored 12 d ago in 23 min": a proven restore from that backup, when there is one. */
function restoredText(restore: LastRestore | undefined): string {
  if (!restore) return '';
  const ago = restore.age_seconds === null ? '' : ` ${formatAge(restore.age_seconds)} ago`;
  const took = restore.duration_seconds === null ? '' : ` in ${formatAge(restore.duration_seconds)}`;
  return `; last restored${ago}${took}`;
}

/**
 * `tierbook blast` with no target: one line per failure domain, worst first, then the
 * assumptions (what the read could not see), as a target's answer ends.
 */
export function renderFailureDomainsText(
  domains: readonly FailureDomainSummary[],
  assumptions: readonly string[] = [],
): string {
  const tail = assumptions.length === 0 ? [] : ['', 'Assumptions:'];
  for (const line of assumptions) tail.push(...wrap(line, '  - ', '    '));
  if (domains.length === 0)
    return `${['The inventory holds no failure domain (no OSD, disk, node, pool or class).', ...tail].join('\n')}\n`;
  const out = ['Failure domains, worst first ("tierbook blast TARGET" explains one):', ''];
  const column = Math.min(24, Math.max(...domains.map((d) => d.target.length)) + 2);
  for (const d of domains) {
    if (d.target.length + 2 <= column)
      out.push(...wrap(`${d.target.padEnd(column)}${d.summary}`, '  ', ' '.repeat(column + 2)));
    else out.push(`  ${d.target}`, ...wrap(d.summary, ' '.repeat(column + 2), ' '.repeat(column + 2)));
  }
  return `${[...out, ...tail].join('\n')}\n`;
}

/** Word-wraps one line to WIDTH; a word longer than the line stays whole. */
export function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
