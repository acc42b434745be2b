import { createHash } from 'node:crypto';
import { readAppliesTo } from './applies-to.ts';
import { readFrontMatter, splitFrontMatter } from './front-matter.ts';
import type { Runbook, RunbookProblem, RunbookStep, RunbookTargetType } from './model.ts';
import { fillPrompt, placeholderProblem, placeholderUses } from './placeholders.ts';
import { readSteps } from './steps.ts';

/**
 * Parses one runbook file (docs/runbooks.md, Format) into a Runbook, or null with every
 * problem found: file, line and what is wrong. A runbook with any problem is not returned:
 * a half-read procedure is not one to follow.
 */
export function parseRunbook(
  file: string,
  text: string,
): { runbook: Runbook | null; problems: RunbookProblem[] } {
  const problems: RunbookProblem[] = [];
  const split = splitFrontMatter(text);
  const meta = readFrontMatter(file, split.yaml, problems);
  const { intro, steps } = readSteps(file, split.body, split.bodyLine, problems, meta?.sources ?? null);
  checkSteps(file, steps, problems);
  if (meta) {
    const types = [
      ...new Set(meta.appliesTo.map((a) => readAppliesTo(a)?.type).filter((t) => !!t)),
    ] as RunbookTargetType[];
    checkPlaceholders(file, split.body, split.bodyLine, types, problems);
  }
  if (!meta || problems.length > 0) return { runbook: null, problems: sortProblems(problems) };
  const placeholders = [
    ...new Set(
      placeholderUses(split.body)
        .map((u) => u.name)
        .filter((n) => fillPrompt(n) === null),
    ),
  ].sort();
  return {
    runbook: {
      meta,
      file,
      intro,
      steps,
      placeholders,
      digest: createHash('sha256').update(text).digest('hex'),
    },
    problems: [],
  };
}

/** Commands that destroy what is on a disk. */
const WIPE = /\b(sgdisk\s+--zap|wipefs|blkdiscard|dd\s[^\n]*of=|ceph-volume\s+lvm\s+zap|shred|mkfs)/;
/** A disk named so it may be another disk after a reboot: a kernel name, or the recorded path. */
const KERNEL_NAME = /\/dev\/(sd[a-z]|nvme\d|vd[a-z]|hd[a-z]|xvd[a-z])|\{\{\s*(osd\.)?device\.path\s*\}\}/;

function checkSteps(file: string, steps: RunbookStep[], problems: RunbookProblem[]): void {
  const at = (s: RunbookStep, message: string) => problems.push({ file, line: s.position.line, message });
  if (steps.length === 0) {
    problems.push({
      file,
      line: 1,
      message: 'no steps: every runbook has ## steps, from a sign-in to a sign-out',
    });
    return;
  }
  const first = steps[0] as RunbookStep;
  const last = steps[steps.length - 1] as RunbookStep;
  if (first.pause !== 'sign-in') at(first, `the first step "${first.id}" must be a Pause: sign-in`);
  if (last.pause !== 'sign-out') at(last, `the last step "${last.id}" must be a Pause: sign-out`);
  steps.forEach((s, i) => {
    if (s.pause) {
      if (s.checks.length === 0) at(s, `pause step "${s.id}" has no - [ ] items to confirm`);
      if (s.action || s.verify) at(s, `pause step "${s.id}" has an Action: or Verify:; a pause only checks`);
      if (s.pointOfNoReturn) at(s, `pause step "${s.id}" cannot be a point of no return`);
      return;
    }
    if (s.action && WIPE.test(s.action.text) && KERNEL_NAME.test(s.action.text))
      at(
        s,
        `step "${s.id}" wipes a disk named by a kernel name or {{…device.path}}: wipe by {{osd.device.byId}} / {{device.byId}} only`,
      );
    if (!s.verify) at(s, `work step "${s.id}" has no Verify: (how do you know it worked?)`);
    else if (s.verify.expect === '') at(s, `work step "${s.id}" has no Expect: (the exact result to see)`);
    if (!s.action && !s.verify)
      at(s, `step "${s.id}" is neither a pause (Pause:) nor a work step (Action:, Verify:)`);
    if (s.pointOfNoReturn !== null) {
      const before = steps[i - 1];
      if (before?.pause !== 'time-out')
        at(s, `point of no return "${s.id}" needs a Pause: time-out step right before it`);
      const verified = steps
        .slice(0, Math.max(0, i - 1))
        .reverse()
        .find((p) => !p.pause);
      if (!verified?.verify)
        at(s, `point of no return "${s.id}" needs a verified work step before its time-out`);
    }
  });
}

function checkPlaceholders(
  file: string,
  body: string,
  bodyLine: number,
  types: RunbookTargetType[],
  problems: RunbookProblem[],
): void {
  for (const use of placeholderUses(body)) {
    const message = placeholderProblem(use.name, types);
    if (message) problems.push({ file, line: bodyLine + use.line, message });
  }
}

function sortProblems(problems: RunbookProblem[]): RunbookProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}
