/**
 * Building blocks of the runbook checklist's HTML. Every text that comes from a runbook or the
 * inventory goes through `text()` (or `attr()` in an attribute): nothing is markup unless this
 * code wrote it.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value (quotes escaped too). */
export function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A double-quoted attribute: ` name="value"`. */
export function attr(name: string, value: string): string {
  return ` ${name}="${text(value)}"`;
}

/** An empty line to write on (what goes there is its tooltip; the text beside it says so). */
export function blankLine(label: string): string {
  return `<span class="rb-line" aria-hidden="true"${attr('title', label)}></span>`;
}

/** A box to tick on paper. */
export const TICK_BOX = '<span class="rb-tick" aria-hidden="true"></span>';

/** `osd/3` as the place in a sentence; the cluster itself when the runbook is cluster-wide. */
export function targetName(target: string | null, cluster: string): string {
  return target ?? cluster;
}

/** Text with each `⟨fill-in⟩` left by the binder marked, so a blank to fill stands out. */
export function withFillIns(value: string): string {
  return value
    .split(/(⟨[^⟩]*⟩)/)
    .map((piece, i) => (i % 2 === 1 ? `<span class="rb-fill-mark">${text(piece)}</span>` : text(piece)))
    .join('');
}

/** One line of runbook text: `code` spans as code, fill-ins marked, everything else text. */
export function inline(value: string): string {
  return value
    .split(/`([^`]+)`/)
    .map((piece, i) => (i % 2 === 1 ? `<code>${withFillIns(piece)}</code>` : withFillIns(piece)))
    .join('');
}
