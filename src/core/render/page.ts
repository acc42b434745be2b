import type { RootContent } from 'mdast';
import type { Dangling } from '../graph/model.ts';
import type { Json } from '../model.ts';
import { frontMatterPieces, type PageText } from './front-matter.ts';
import { heading, list, toMarkdown } from './markdown.ts';
import { neutralizeMarkers, notesBlock } from './notes.ts';

/**
 * Every generated page ends the same way: problems found (if any), then the operators' notes.
 * The text as the pieces it is made in (front-matter.ts `frontMatterPieces`).
 */
export function finishPage(
  data: Record<string, Json>,
  body: RootContent[],
  problems: { items: Dangling[]; withObject: boolean },
  notes: string | undefined,
): PageText {
  if (problems.items.length > 0) {
    body.push(heading(2, 'Problems found'));
    body.push(
      list(
        problems.items.map((p) =>
          problems.withObject
            ? [{ type: 'inlineCode', value: p.object }, ` ${p.field}: ${p.message}`]
            : [`${p.field}: ${p.message}`],
        ),
      ),
    );
  }
  body.push(heading(2, 'Notes'));
  return frontMatterPieces(data, `${neutralizeMarkers(toMarkdown(body))}\n${notesBlock(notes)}`);
}
