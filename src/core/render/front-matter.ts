import matter from 'gray-matter';
import type { Json } from '../model.ts';
import { yamlBlock } from './yaml-block.ts';

const OPTIONS = { lineWidth: -1, noRefs: true } as Parameters<typeof matter.stringify>[2];
/** Strings whose YAML form js-yaml chose (non-ASCII, a leading digit or indicator), by text. */
const scalars = new Map<string, string>();
const MAX_SCALARS = 50_000;

/**
 * YAML front matter as gray-matter writes it: no line folding and no anchors, so the same data
 * always gives the same bytes and diffs show only what changed. `yamlBlock` writes the same
 * bytes as gray-matter's js-yaml, faster; what it does not cover goes to gray-matter.
 */
export function withFrontMatter(data: Record<string, Json>, body: string): string {
  const yaml = body.startsWith('---') || body.startsWith('\uFEFF') ? undefined : yamlBlock(data, scalarOf);
  if (yaml === undefined) return matter.stringify(body, data, OPTIONS);
  const head = yaml === '{}' ? '' : `---\n${yaml}\n---\n`;
  return `${head}${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** One string's YAML form, asked of js-yaml through gray-matter: `---\nk: FORM\n---\n\n`. */
function scalarOf(text: string): string {
  let form = scalars.get(text);
  if (form === undefined) {
    form = matter.stringify('', { k: text }, OPTIONS).slice('---\nk: '.length, -'\n---\n\n'.length);
    if (scalars.size >= MAX_SCALARS) scalars.clear();
    scalars.set(text, form);
  }
  return form;
}

/** Drops `undefined` (YAML would print it as null or fail) and keeps the rest JSON-safe. */
export function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
