import type { Acceptance, AcceptedFinding } from './acceptance.ts';
import type { Finding, Severity } from './model.ts';
import { SEVERITY_ORDER } from './model.ts';

/**
 * `tierbook check` without --json: findings grouped by severity (high first), each with its
 * object, field, message and fix, wrapped to `width` columns, then a one-line count.
 */
export function findingsText(findings: readonly Finding[], width = 80): string {
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const mine = findings.filter((f) => f.severity === severity);
    if (mine.length === 0) continue;
    lines.push(`${severity.toUpperCase()} (${mine.length})`, '');
    for (const f of mine) {
      const { apiVersion, kind, namespace, name } = f.object;
      lines.push(`  ${f.rule}`);
      lines.push(
        ...wrap(
          `object: ${apiVersion} ${kind} ${namespace ? `${namespace}/` : ''}${name}`,
          width,
          '    ',
          '      ',
        ),
      );
      lines.push(...wrap(`field: ${f.field}`, width, '    ', '      '));
      lines.push(...wrap(f.message, width, '    ', '    '));
      lines.push(...wrap(`fix: ${f.fix}`, width, '    ', '         '));
      lines.push('');
    }
  }
  lines.push(summaryLine(findings));
  return `${lines.join('\n')}\n`;
}

/**
 * The header of `tierbook check` on a partial read: findings cover only what was read, so "No
 * findings" must not read as "nothing wrong". `unread` holds one sentence per kind or input.
 */
export function partialReadText(unread: readonly string[], width = 80): string {
  if (unread.length === 0) return '';
  const lines = wrap(
    `PARTIAL READ: ${unread.length} kind(s) or input(s) could not be read; the findings below cover only what was read.`,
    width,
    '',
    '',
  );
  for (const line of unread) lines.push(...wrap(line, width, '  - ', '    '));
  return `${lines.join('\n')}\n\n`;
}

/** "3 high, 1 medium, 0 low: 4 findings." */
export function summaryLine(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = SEVERITY_ORDER.map((s) => `${count(s)} ${s}`).join(', ');
  const total = findings.length;
  return total === 0 ? 'No findings.' : `${parts}: ${total} finding${total === 1 ? '' : 's'}.`;
}

/** Greedy word wrap; a word longer than the line (a long field path) gets a line of its own. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = rest + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  out.push(line);
  return out;
}

/**
 * Accepted findings after the open ones: listed with who accepted them, why and until when,
 * never hidden; and the acceptances that ended (their findings are open again, above).
 */
export function acceptedText(
  accepted: readonly AcceptedFinding[],
  expired: readonly AcceptedFinding[],
  width = 80,
): string {
  const lines: string[] = [];
  const by = (a: Acceptance) =>
    [
      a.source === 'config' ? 'tierbook.config.yaml' : 'annotation',
      a.who,
      a.until ? `until ${a.until}` : null,
    ]
      .filter(Boolean)
      .join(', ');
  const name = (f: Finding) =>
    `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}`;
  if (accepted.length > 0) {
    lines.push(`ACCEPTED (${accepted.length}): shown, not failing a gate`, '');
    for (const f of accepted) {
      lines.push(...wrap(`${f.rule} ${f.severity} ${name(f)}`, width, '  ', '    '));
      lines.push(...wrap(`accepted (${by(f.accepted)}): ${f.accepted.reason}`, width, '    ', '      '), '');
    }
  }
  if (expired.length > 0) {
    lines.push(`ACCEPTANCE ENDED (${expired.length}): counted again above`, '');
    for (const f of expired) {
      lines.push(...wrap(`${f.rule} ${f.severity} ${name(f)}`, width, '  ', '    '));
      lines.push(
        ...wrap(
          `ended ${f.accepted.until} (${by(f.accepted)}): ${f.accepted.reason}`,
          width,
          '    ',
          '      ',
        ),
        '',
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
