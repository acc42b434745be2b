import type { BoundCommand, BoundStep, FillIn, PauseKind } from '../../core/runbooks/model.ts';
import { notesToHtml } from '../data/notes.ts';
import { attr, blankLine, inline, TICK_BOX, text, withFillIns } from './html.ts';

/**
 * The steps of a bound runbook as the checklist prints them: one block per step that the
 * printer does not split, pause points as lists of boxes, and each point of no return inside a
 * heavy border together with the time-out before it and two signature lines.
 */
export function stepsHtml(steps: readonly BoundStep[]): string {
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as BoundStep;
    const next = steps[i + 1];
    if (step.pause === 'time-out' && next?.pointOfNoReturn) {
      out.push(pointOfNoReturnHtml(next, step));
      i++;
    } else if (step.pointOfNoReturn) {
      out.push(pointOfNoReturnHtml(step, null));
    } else {
      out.push(stepHtml(step));
    }
  }
  return out.join('\n');
}

const PAUSE_LABEL: Readonly<Record<PauseKind, string>> = {
  'sign-in': 'Sign-in',
  'time-out': 'Time-out',
  'sign-out': 'Sign-out',
};

function pointOfNoReturnHtml(step: BoundStep, timeOut: BoundStep | null): string {
  const pause = timeOut
    ? stepHtml(timeOut)
    : `<p class="rb-timeout-missing">Time-out: read the target, this command and the last verify result aloud before going on.</p>`;
  return `<div class="rb-ponr"${attr('data-ponr', step.id)}>
<p class="rb-ponr-label">POINT OF NO RETURN</p>
<p class="rb-ponr-why">${inline(step.pointOfNoReturn ?? '')}</p>
${pause}
${stepHtml(step)}
<div class="rb-signatures">
<p class="rb-signature">${blankLine('signature of the person doing it')}<span>Done by: name, signature, UTC time</span></p>
<p class="rb-signature">${blankLine('signature of the second person')}<span>Checked by: name, signature, UTC time</span></p>
</div>
</div>`;
}

function stepHtml(step: BoundStep): string {
  const kind = step.pause ? 'pause' : 'work';
  // "Time-out before purging" says it already; "Before you start" gets its label.
  const word = step.pause ? PAUSE_LABEL[step.pause] : null;
  const label =
    word && !step.title.toLowerCase().includes(word.toLowerCase())
      ? `<span class="rb-kind">${word}</span> `
      : '';
  const data =
    attr('data-step', step.id) +
    attr('data-number', String(step.number)) +
    attr('data-title', step.title) +
    attr('data-kind', kind) +
    (step.pointOfNoReturn ? attr('data-point-of-no-return', '') : '');
  const body = step.pause ? pauseBody(step) : workBody(step);
  return `<section class="rb-step rb-${kind}"${attr('id', `step-${step.id}`)}${data}>
<div class="rb-step-head">
<h3><span class="rb-num">${step.number}</span> ${label}${text(step.title)}</h3>
${signTable()}
</div>
${prose(step.text)}${body}${citesHtml(step.cites)}
</section>`;
}

function signTable(): string {
  return `<table class="rb-sign"><thead><tr><th scope="col">UTC time</th><th scope="col">Doer</th><th scope="col">Verifier</th></tr></thead><tbody><tr><td data-field="time"></td><td data-field="doer"></td><td data-field="verifier"></td></tr></tbody></table>`;
}

function pauseBody(step: BoundStep): string {
  const items = step.checks
    .map(
      (c, i) =>
        `<li${attr('data-check', String(i))}>${TICK_BOX}<span class="rb-check-text">${inline(c)}</span></li>`,
    )
    .join('');
  return `<ul class="rb-checks">${items}</ul>\n`;
}

function workBody(step: BoundStep): string {
  const parts: string[] = [];
  if (step.action) parts.push(part('Action', commandHtml(step.action)));
  if (step.verify) {
    const look = step.verify.look
      ? `Look at: ${inline(step.verify.look)}`
      : 'Nothing to run: look, and compare with the expected result.';
    const how = step.verify.command ? commandHtml(step.verify.command) : `<p>${look}</p>`;
    parts.push(part('Verify', how));
    parts.push(`<div class="rb-results">
<div class="rb-expect"><h4>Expected</h4><p class="rb-expected">${inline(step.verify.expect)}</p></div>
<div class="rb-observed"><h4>Observed</h4><div class="rb-box" data-field="observed"></div></div>
</div>`);
  }
  if (step.abort.length > 0) {
    parts.push(
      part('Abort if', `<ul>${step.abort.map((a) => `<li>${inline(a)}</li>`).join('')}</ul>`, 'rb-abort'),
    );
  }
  const fillIns = uniqueFillIns([step.action, step.verify?.command ?? null]);
  if (fillIns.length > 0) parts.push(part('Fill in', fillInList(fillIns)));
  return `${parts.join('\n')}\n`;
}

function part(title: string, body: string, extra = ''): string {
  return `<div class="rb-part${extra ? ` ${extra}` : ''}"><h4>${title}</h4>${body}</div>`;
}

function commandHtml(command: BoundCommand): string {
  return `<pre class="rb-command"${attr('data-lang', command.lang)}><code>${withFillIns(command.text)}</code></pre>`;
}

/** Fill-ins as labelled blank lines to write on. */
export function fillInList(fillIns: readonly FillIn[]): string {
  const items = fillIns.map(
    (f) => `<li><span class="rb-prompt">${text(f.prompt)}</span>${blankLine(f.prompt)}</li>`,
  );
  return `<ul class="rb-fill">${items.join('')}</ul>`;
}

function uniqueFillIns(commands: readonly (BoundCommand | null)[]): FillIn[] {
  const seen = new Map<string, FillIn>();
  for (const c of commands) for (const f of c?.fillIns ?? []) if (!seen.has(f.name)) seen.set(f.name, f);
  return [...seen.values()];
}

/** Runbook prose (Markdown) as HTML: raw HTML dropped, only safe links kept (as operators' notes). */
export function prose(markdown: string): string {
  const html = notesToHtml(markdown);
  return html ? `<div class="rb-prose">${html}</div>\n` : '';
}

function citesHtml(cites: readonly string[]): string {
  return cites.length > 0 ? `<p class="rb-cites">Source: ${text(cites.join(', '))}</p>\n` : '';
}
