import { wrap } from '../render/blast-text.ts';
import { capItems, impactTally } from '../render/capped-list.ts';
import type { GuardAnswer, GuardImpact, GuardStep } from './model.ts';

/** `text` wrapped under `indent`, continuation lines two further in. */
function at(indent: string, text: string): string[] {
  return wrap(text, indent, `${indent}  `);
}

/** The guard's answer for people: one line when harmless, the blast radius when it blocks. */
export function renderGuardText(answer: GuardAnswer): string {
  if (answer.steps.length === 0 && answer.decision === 'pass') return `tierbook guard: ${answer.summary}\n`;
  const lines = [...at('', `tierbook guard: ${answer.summary}`), ''];
  for (const [n, s] of answer.steps.entries()) lines.push(...stepLines(s, n + 1));
  for (const p of answer.problems) lines.push(...at('  ', `! ${p}`));
  const groups: [GuardImpact['impact'], string][] = [
    ['data-loss', 'LOSES DATA (no surviving copy in the cluster)'],
    ['unavailable', 'GOES DARK (data survives, cannot serve)'],
    ['degraded', 'DEGRADED (keeps serving with less redundancy)'],
  ];
  const targets = blastTargets(answer);
  const whole = `tierbook blast ${targets.join(' ')}`;
  // As a page lists them (capped-list.ts): the first few of each impact and every workload of
  // the gate's tiers (0 and 1) that loses data, the rest counted by tier. A purge in a large
  // cluster degrades thousands, and an answer naming each buries its preconditions and runbook.
  for (const [impact, title] of groups) {
    const list = answer.impacts.filter((i) => i.impact === impact);
    if (list.length === 0) continue;
    lines.push('', `${title}: ${list.length}`);
    const { shown, rest } = capItems(list, (i) => i.impact === 'data-loss' && i.tier <= 1);
    for (const i of shown) lines.push(...impactLines(i, impact !== 'degraded'));
    if (rest.length > 0)
      lines.push(
        ...at(
          '  ',
          `… and ${impactTally(rest)} not listed here (${targets.length > 0 ? `${whole}, or --json,` : '--json'} names every one)`,
        ),
      );
  }
  if (answer.preconditions.length > 0) {
    lines.push('', 'Preconditions that fail or that tierbook cannot see:');
    const { shown, rest } = capItems(answer.preconditions);
    for (const p of shown) lines.push(...at('  ', `- ${p}`));
    if (rest.length > 0) lines.push(`  - … and ${rest.length} more (--json lists every one)`);
  }
  if (answer.runbooks.length > 0) {
    lines.push('', 'Instead, follow:');
    const { shown, rest } = capItems(answer.runbooks);
    for (const r of shown) lines.push(`  ${r}`);
    if (rest.length > 0) lines.push(`  … and ${rest.length} more runbooks (--json lists every one)`);
  }
  if (targets.length > 0) lines.push('', ...at('', `The whole blast radius: ${whole}`));
  if (answer.assumptions.length > 0) {
    lines.push('', 'Assumptions:');
    for (const a of answer.assumptions) lines.push(...at('  ', `- ${a}`));
  }
  return `${lines.join('\n')}\n`;
}

/** What the command hits for sure: the targets `tierbook blast` is pointed at for the whole list. */
function blastTargets(answer: GuardAnswer): string[] {
  return [
    ...new Set(answer.steps.flatMap((s) => s.targets.filter((t) => !t.alternative).map((t) => t.target))),
  ];
}

function stepLines(s: GuardStep, n: number): string[] {
  const out = at('', `step ${n}: ${s.command}  [${s.rule}]`);
  const effect = { lost: 'lost with its data', down: 'down, data intact' } as const;
  for (const t of s.targets.filter((x) => !x.alternative))
    out.push(...at('  ', `-> ${t.target}: ${effect[t.effect]}`));
  const alternatives = s.targets.filter((x) => x.alternative).map((x) => x.target);
  if (alternatives.length > 0)
    out.push(...at('  ', `-> may be any of (worst case): ${alternatives.join(', ')}`));
  for (const u of s.unknown) out.push(...at('  ', `? cannot tell: ${u}`));
  for (const r of s.review) out.push(...at('  ', `! review by hand: ${r}`));
  for (const note of s.notes) out.push(...at('  ', `note: ${note}`));
  return out;
}

function impactLines(i: GuardImpact, detail: boolean): string[] {
  const why = i.tierReason ? ` (${i.tierReason})` : '';
  const out = at(
    '  ',
    `tier ${i.tier}  ${i.workload.kind} ${i.workload.namespace}/${i.workload.name}${i.worstCase ? ' [worst case]' : ''}${detail ? why : ''}`,
  );
  if (!detail) return out;
  for (const w of i.why.slice(0, 4)) out.push(...at('      ', `- ${w}`));
  if (i.why.length > 4) out.push(`      - … ${i.why.length - 4} more (tierbook blast shows all)`);
  for (const b of i.backups)
    out.push(
      ...at(
        '      ',
        `* backup ${b.kind} (${b.system}): ${b.survives ? 'survives' : 'does NOT survive'}; ${b.why}`,
      ),
    );
  if (i.impact === 'data-loss' && i.backups.length === 0) out.push('      * no backup');
  return out;
}
