import type { RunbookTargetType } from './model.ts';
import { PLACEHOLDERS } from './vocabulary.ts';

/** `{{name}}` or `{{fill: prompt}}`; `name` is dotted words. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface PlaceholderUse {
  /** The name, or `fill: prompt` for a field always filled in at the time. */
  name: string;
  /** 0-based line within the scanned text. */
  line: number;
}

/** Every placeholder in a text, with the line it is on. */
export function placeholderUses(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER)) uses.push({ name: m[1] ?? '', line: i });
  });
  return uses;
}

/** `fill: prompt` → the prompt; null for a vocabulary name. */
export function fillPrompt(name: string): string | null {
  const m = /^fill\s*:\s*(.+)$/.exec(name);
  return m?.[1] ? m[1].trim() : null;
}

/** What is wrong with a placeholder for these target types, or null when it binds for all. */
export function placeholderProblem(name: string, types: readonly RunbookTargetType[]): string | null {
  if (fillPrompt(name) !== null) return null;
  if (/^fill\s*:?\s*$/.test(name)) return 'a {{fill: …}} needs a prompt saying what to write';
  const row = PLACEHOLDERS.get(name);
  if (!row) return `unknown placeholder {{${name}}} (see docs/runbooks.md, Placeholders)`;
  const missing = types.filter((t) => !row.for.includes(t));
  if (missing.length > 0)
    return `placeholder {{${name}}} is not bound for ${missing.join(', ')} targets (it is for ${row.for.join(', ')})`;
  return null;
}
