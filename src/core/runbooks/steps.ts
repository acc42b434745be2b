import type { List, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import type { PauseKind, RunbookCommand, RunbookProblem, RunbookStep } from './model.ts';

const PAUSES: readonly PauseKind[] = ['sign-in', 'time-out', 'sign-out'];
const LABEL =
  /^\*{0,2}(Pause|Action|Verify|Expect|Abort if|Source|Point of no return):\*{0,2}[ \t]*([\s\S]*)$/;
const HEADING = /^##[ \t]+(.*?)[ \t]*\{#([^}]*)\}[ \t]*#*[ \t]*$/;
const STEP_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The body read into the intro and the steps as written, with problems found on the way. */
export interface ReadSteps {
  intro: string;
  steps: RunbookStep[];
}

/**
 * Reads the body (docs/runbooks.md, Format) with remark: every `##` heading starts a step,
 * labelled paragraphs (`Action:`, `Verify:`, …) fill its parts, anything else is its prose.
 * `bodyLine` is the file line the body starts on, so problems name file lines.
 */
export function readSteps(
  file: string,
  body: string,
  bodyLine: number,
  problems: RunbookProblem[],
  /** The front matter's sources, to check `Source:` keys against; null when it did not parse. */
  sources: Readonly<Record<string, string>> | null,
): ReadSteps {
  const tree = remark().parse(body) as Root;
  const raw = (n: RootContent) => body.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
  const lineOf = (n: RootContent) => (n.position?.start.line ?? 1) + bodyLine - 1;
  const problem = (line: number, message: string) => problems.push({ file, line, message });

  const intro: string[] = [];
  const steps: RunbookStep[] = [];
  let step: RunbookStep | null = null;
  let prose: string[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    const line = lineOf(node);
    if (node.type === 'heading' && node.depth <= 2) {
      if (step) step.text = prose.join('\n\n');
      prose = [];
      const source = raw(node);
      const m = HEADING.exec(source);
      if (node.depth === 1 || !m) {
        problem(
          line,
          `heading "${source}" ${node.depth === 1 ? 'is level 1: steps are ## headings, the title is in the front matter' : 'has no {#step-id}: every ## heading is a step and ends in {#id}'}`,
        );
        step = null;
        continue;
      }
      const id = m[2] ?? '';
      if (!STEP_ID.test(id)) problem(line, `step id "${id}" must match [a-z0-9-]+`);
      if (steps.some((s) => s.id === id)) problem(line, `duplicate step id "${id}"`);
      step = {
        id,
        title: m[1] ?? '',
        position: { file, line },
        text: '',
        pause: null,
        checks: [],
        action: null,
        verify: null,
        abort: [],
        pointOfNoReturn: null,
        cites: [],
      };
      steps.push(step);
      continue;
    }
    if (!step) {
      intro.push(raw(node));
      continue;
    }
    const label = node.type === 'paragraph' ? LABEL.exec(raw(node)) : null;
    if (!label) {
      if (node.type === 'list' && step.pause) step.checks.push(...listItems(node, body));
      else prose.push(raw(node));
      continue;
    }
    const name = label[1] ?? '';
    const rest = (label[2] ?? '').trim();
    const next = nodes[i + 1];
    const codeAfter = (): RunbookCommand | null => {
      if (next?.type !== 'code') return null;
      i++;
      return { lang: next.lang || 'sh', text: next.value };
    };
    const once = (taken: boolean) => {
      if (taken) problem(line, `step "${step?.id}" has a second ${name}:`);
    };
    switch (name) {
      case 'Pause':
        once(step.pause !== null);
        if ((PAUSES as readonly string[]).includes(rest)) step.pause = rest as PauseKind;
        else problem(line, `Pause: must be one of ${PAUSES.join(', ')}, got "${rest}"`);
        break;
      case 'Action': {
        once(step.action !== null);
        const command = rest === '' ? codeAfter() : null;
        if (!command) problem(line, 'Action: must be followed by a fenced code block');
        step.action = command;
        break;
      }
      case 'Verify': {
        once(step.verify !== null);
        const command = rest === '' ? codeAfter() : null;
        if (rest === '' && !command)
          problem(line, 'Verify: needs a fenced code block after it, or words saying what to look at');
        step.verify = { command, expect: step.verify?.expect ?? '', ...(rest ? { look: rest } : {}) };
        break;
      }
      case 'Expect': {
        const expect = rest !== '' ? rest : (codeAfter()?.text ?? '');
        if (expect === '') problem(line, 'Expect: is empty: write the exact result to see');
        if (!step.verify) problem(line, 'Expect: comes before any Verify: in this step');
        else if (step.verify.expect !== '') problem(line, `step "${step.id}" has a second Expect:`);
        else step.verify.expect = expect;
        break;
      }
      case 'Abort if':
        if (next?.type === 'list') {
          step.abort.push(...listItems(next, body));
          i++;
        } else if (rest) step.abort.push(rest);
        else problem(line, 'Abort if: must be followed by a list');
        break;
      case 'Source': {
        const cites = rest
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');
        step.cites.push(...cites);
        if (cites.length === 0) problem(line, 'Source: names no source key');
        for (const cite of cites) {
          const key = cite.split(/[\s§]/)[0] ?? '';
          if (sources && !(key in sources))
            problem(
              line,
              `step "${step.id}": Source: ${key} is not a key of the front matter's sources (${Object.keys(sources).join(', ') || 'none'})`,
            );
        }
        break;
      }
      case 'Point of no return':
        once(step.pointOfNoReturn !== null);
        if (rest === '') problem(line, 'Point of no return: must say why it cannot be undone');
        step.pointOfNoReturn = rest;
        break;
    }
  }
  if (step) step.text = prose.join('\n\n');
  return { intro: intro.join('\n\n'), steps };
}

/** List items as written, without the bullet and without a `[ ]` / `[x]` check box. */
function listItems(list: List, body: string): string[] {
  return list.children.map((item) =>
    item.children
      .map((c) => body.slice(c.position?.start.offset ?? 0, c.position?.end.offset ?? 0))
      .join('\n')
      .replace(/^\[[ xX]\][ \t]*/, '')
      .trim(),
  );
}
