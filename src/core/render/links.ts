import type { PhrasingContent } from 'mdast';
import { link } from './markdown.ts';

/** Which graph node has which page, for links between pages. */
export type PageIndex = ReadonlyMap<string, string>;

/** A link from the page at `from` to the page of `id`, or plain text when it has none. */
export function linkTo(pages: PageIndex, from: string, id: string, text: string): PhrasingContent {
  const target = pages.get(id);
  if (!target) return { type: 'text', value: text };
  const up = from.split('/').length - 1;
  return link(`${'../'.repeat(up)}${target}`, text);
}
