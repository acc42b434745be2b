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
import { fastBlock } from './markdown-fast.ts';

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

/**
 * The page body. Blocks that need no escaping are written by `fastBlock` (the same bytes, far
 * faster on a large cluster), the others by remark one at a time: top-level blocks are written
 * independently, with a blank line between them, except two lists in a row (remark changes the
 * second one's bullet), where remark writes the whole body.
 */
export function toMarkdown(children: RootContent[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as RootContent;
    if (node.type === 'list' && children[i - 1]?.type === 'list') return remarkMarkdown(children);
    const text = fastBlock(node) ?? remarkBlock(node);
    if (text === '' || text === null) return remarkMarkdown(children);
    blocks.push(text);
  }
  if (blocks.length === 0) return '';
  // As remark ends a document: with a line ending, unless its text already ends with one.
  const body = blocks.join('\n\n');
  return /[\n\r]$/.test(body) ? body : `${body}\n`;
}

/**
 * One block as remark writes it among others. Written alone, its end is ambiguous: remark adds
 * a final line ending only when the text does not already end with one, so a paragraph whose
 * text ends with a line ending (`a` then a newline, then an empty strong) would lose it. A
 * paragraph written after it marks where the block ends; null when remark joined them
 * otherwise (the caller then writes the whole body with remark).
 */
function remarkBlock(node: RootContent): string | null {
  const written = remarkMarkdown([node, END_MARK]);
  return written.endsWith(END_TEXT) ? written.slice(0, -END_TEXT.length) : null;
}

const END_MARK: RootContent = { type: 'paragraph', children: [{ type: 'text', value: 'end' }] };
const END_TEXT = '\n\nend\n';

function remarkMarkdown(children: RootContent[]): string {
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

/** A sentence written with `backticks` as text and code spans (a text node would escape them). */
export function withCode(sentence: string): (PhrasingContent | string)[] {
  return sentence
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? code(part) : part))
    .filter((part) => part !== '');
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
