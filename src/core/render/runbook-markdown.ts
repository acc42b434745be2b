import type { BoundCommand, BoundRunbook, BoundStep, GateStatus } from '../runbooks/model.ts';

const STATUS: Record<GateStatus, string> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN' };

/** Header facts printed above a bound runbook: who runs it and when. */
export interface RunbookHeader {
  incident?: string | undefined;
  /** When it was printed (ISO 8601). */
  printedAt?: string | undefined;
}

/**
 * A bound runbook as Markdown (`tierbook runbook ID TARGET`, the content page body): the facts
 * that identify it, the gates before any step, the restore order, the fields to fill in, then
 * the steps with their commands, expected results and points of no return.
 */
export function renderRunbookMarkdown(r: BoundRunbook, header: RunbookHeader = {}): string {
  const out: string[] = [];
  out.push(`# ${r.title}${r.target ? `: ${r.target}` : ''}`, '');
  const facts = [
    header.incident ? `Incident ${header.incident}` : null,
    `cluster ${r.cluster}`,
    `inventory read ${r.inventoryTakenAt}`,
    header.printedAt ? `printed ${header.printedAt}` : null,
    `runbook ${r.id} version ${r.version}, hash ${r.hash}`,
    `written for tier ${r.tier ?? 'any'}, RTO ${r.rto}`,
  ].filter((f): f is string => f !== null);
  out.push(`${facts.join('; ')}.`, '');
  out.push('## Gates', '');
  out.push('Read before any step. UNKNOWN is not PASS: decide it in writing.', '');
  for (const g of r.gates) out.push(`- **${STATUS[g.status]}** ${g.id}: ${g.message}`);
  out.push('');
  if (r.order.length > 0) {
    out.push('## Restore order', '', 'Dependencies first.', '');
    r.order.forEach((o, i) => {
      out.push(`${i + 1}. tier ${o.tier} ${o.workload}: ${o.why}`);
    });
    out.push('');
  }
  if (r.fillIns.length > 0) {
    out.push(
      '## To fill in',
      '',
      'The inventory does not hold these: find them at the time, never guess.',
      '',
    );
    for (const f of r.fillIns) out.push(`- ${f.prompt}`);
    out.push('');
  }
  if (r.intro) out.push(r.intro, '');
  for (const s of r.steps) out.push(...renderStep(s));
  const keys = Object.keys(r.sources);
  if (keys.length > 0) {
    out.push('## Sources', '');
    for (const k of keys) out.push(`- ${k}: ${r.sources[k]}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderStep(s: BoundStep): string[] {
  const out = [`## ${s.number}. ${s.title}`, ''];
  if (s.pointOfNoReturn) out.push(`**Point of no return:** ${s.pointOfNoReturn}`, '');
  if (s.pause) out.push(`**Pause: ${s.pause}**`, '');
  if (s.text) out.push(s.text, '');
  if (s.checks.length > 0) {
    for (const c of s.checks) out.push(`- [ ] ${c}`);
    out.push('');
  }
  if (s.action) out.push('Action:', '', ...fence(s.action), '');
  if (s.verify) {
    if (s.verify.command) out.push('Verify:', '', ...fence(s.verify.command), '');
    else if (s.verify.look) out.push(`Verify: ${s.verify.look}`, '');
    out.push(`Expect: ${s.verify.expect}`, '');
  }
  if (s.abort.length > 0) {
    out.push('Abort if:', '');
    for (const a of s.abort) out.push(`- ${a}`);
    out.push('');
  }
  if (s.cites.length > 0) out.push(`Source: ${s.cites.join(', ')}`, '');
  return out;
}

function fence(c: BoundCommand): string[] {
  const ticks = c.text.includes('```') ? '````' : '```';
  return [`${ticks}${c.lang}`, c.text, ticks];
}
