import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { remark } from 'remark';

/**
 * Bodies are built as mdast trees and serialised by remark, so every name from the cluster is
 * escaped as text: a label like `*[x](javascript:…)*` renders literally, never as markup.
 */
const processor = remark().data('settings', {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
});

export function toMarkdown(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return processor.stringify(root);
}

export function heading(depth: 1 | 2 | 3, text: string): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }] };
}

export function paragraph(...children: (PhrasingContent | string)[]): Paragraph {
  return { type: 'paragraph', children: children.map(phrase) };
}

export function list(items: (PhrasingContent | string)[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map(
      (parts): ListItem => ({
        type: 'listItem',
        spread: false,
        children: [paragraph(...parts) as BlockContent],
      }),
    ),
  };
}

export function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

export function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [{ type: 'text', value }] };
}

export function link(url: string, text: string): PhrasingContent {
  return { type: 'link', url, children: [{ type: 'text', value: text }] };
}

function phrase(part: PhrasingContent | string): PhrasingContent {
  return typeof part === 'string' ? { type: 'text', value: part } : part;
}

/** A level-2 section: a list of items, or a sentence saying there are none. */
export function section(
  title: string,
  items: (PhrasingContent | string)[][],
  whenEmpty: string,
): RootContent[] {
  return [heading(2, title), items.length === 0 ? paragraph(whenEmpty) : list(items)];
}
