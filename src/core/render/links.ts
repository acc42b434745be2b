import type { PhrasingContent } from 'mdast';
import { link } from './markdown.ts';

/** Which graph node has which page, for links between pages. */
export type PageIndex = ReadonlyMap<string, string>;

/** A link from the page at `from` to the page of `id`, or plain text when it has none. */
export function linkTo(pages: PageIndex, from: string, id: string, text: string): PhrasingContent {
  const target = pages.get(id);
  if (!target) return { type: 'text', value: text };
  return link(`${upFrom(from)}${target}`, text);
}

/** `../` once per folder `from` is in (a page links to thousands: counted, not split). */
function upFrom(from: string): string {
  let up = 0;
  for (let at = from.indexOf('/'); at >= 0; at = from.indexOf('/', at + 1)) up++;
  return UPS[up] ?? '../'.repeat(up);
}

const UPS = Array.from({ length: 8 }, (_, up) => '../'.repeat(up));
