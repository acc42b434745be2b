import type { Heading, List, Paragraph, PhrasingContent, RootContent } from 'mdast';

/**
 * One top-level block as remark writes it with tierbook's settings, when that needs no escaping
 * at all; otherwise undefined and remark writes it. mdast-util-to-markdown tests every text
 * against some forty patterns to escape what could read as markup, which was most of an
 * inventory's time on a large cluster; most of tierbook's text is names, counts and reasons in
 * which no pattern can match. "Cannot match" is decided conservatively: only characters that no
 * pattern names (or that one names only at a line start or beside a line break, which a text
 * covered here never is), and a line that starts with a letter, a link, code or strong text.
 * tests/content/markdown-fast.test.ts holds this to remark's output.
 */
export function fastBlock(node: RootContent): string | undefined {
  if (node.type === 'heading') return heading(node);
  if (node.type === 'paragraph') return paragraph(node);
  if (node.type === 'list') return list(node);
  return undefined;
}

/**
 * Characters outside every escaping pattern of mdast-util-to-markdown (without GFM) in phrasing,
 * or named only at a line start (`-`, `.`, `)`, `+`, `=`, `#`, `>`, a digit before `.`/`)`) or
 * in link titles (quotes). Never `* & ! \` ~ #` or line breaks; `<` only where it cannot
 * start HTML, `_` only inside a word and `[ ]` only in running text (where remark escapes each
 * `[`), handled by their callers.
 */
const PLAIN = /^[A-Za-z0-9 /,;:?@$%^{}|.()'"+=>-]*$/;
/**
 * A `<` that cannot start HTML or an autolink: one followed, in the same text, by anything but
 * `! / ?` or a letter (`tierbook.io/tier=<0-4>`); remark leaves it as it is. A `<` at a text's
 * end is left to remark (what follows is another node's).
 */
const HARMLESS_LT = /<(?=[^!/?A-Za-z])/g;
/**
 * remark leaves an underscore run between two letters or digits as it is (`DB_HOST`), except
 * beside a text's first or last character, which could touch a `**`.
 */
const INTRAWORD_UNDERSCORES = /(?<=.[A-Za-z0-9])_+(?=[A-Za-z0-9].)/gs;
/** A letter, or a number not followed by `.` or `)` (which could start an ordered list). */
const LINE_START = /^(?:[A-Za-z]|[0-9]+(?![0-9.)]))/;
const URL = /^[A-Za-z0-9._/-]+$/;
const STRONG = /^[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?$/;

function plain(text: string): boolean {
  const words = text.includes('_') ? text.replace(INTRAWORD_UNDERSCORES, '') : text;
  return PLAIN.test(words.includes('<') ? words.replace(HARMLESS_LT, '') : words);
}

function heading(node: Heading): string | undefined {
  const [only, ...more] = node.children;
  if (more.length > 0 || only?.type !== 'text') return undefined;
  const text = only.value;
  if (!plain(text) || !LINE_START.test(text) || text.endsWith(' ') || text.includes('  ')) return undefined;
  return `${'#'.repeat(node.depth)} ${text}`;
}

function paragraph(node: Paragraph): string | undefined {
  let out = '';
  // The piece written last (never empty): asking `out` itself would flatten it at every piece.
  let last = '';
  const parts = node.children;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as PhrasingContent;
    const written = phrase(part, i === 0, parts[i + 1]);
    // A `(` right after a `]` is escaped by remark: left to it.
    if (written === undefined || (last.endsWith(']') && written.startsWith('('))) return undefined;
    out += written;
    last = written;
  }
  // Remark writes an empty paragraph as nothing; a text ending in a space would be encoded.
  if (out === '' || out.endsWith(' ')) return undefined;
  return out;
}

function phrase(
  part: PhrasingContent,
  first: boolean,
  next: PhrasingContent | undefined,
): string | undefined {
  switch (part.type) {
    case 'text': {
      const value = part.value;
      if (value === '' || (first && !LINE_START.test(value))) return undefined;
      if (plain(value)) return value;
      // remark escapes every `[` of running text and leaves `]` alone; `](` is left to it.
      if (value.includes('](') || !plain(value.replace(/[[\]]/g, ' '))) return undefined;
      return value.replaceAll('[', '\\[');
    }
    case 'inlineCode':
      // No backtick and no space at either end: one backtick each side, nothing escaped.
      if (!/^[^`\r\n ](?:[^`\r\n]*[^`\r\n ])?$/.test(part.value)) return undefined;
      return `\`${part.value}\``;
    case 'strong': {
      const [only, ...more] = part.children;
      // A letter or digit at both ends inside: remark encodes nothing around `**`.
      if (more.length > 0 || only?.type !== 'text' || !STRONG.test(only.value)) return undefined;
      // Two strong runs in a row: remark writes the second with underscores.
      if (next?.type === 'strong') return undefined;
      return `**${only.value}**`;
    }
    case 'link': {
      const [only, ...more] = part.children;
      if (more.length > 0 || only?.type !== 'text' || part.title) return undefined;
      if (!plain(only.value) || only.value === '' || !URL.test(part.url)) return undefined;
      // A `(` right after the link is left to remark (kept from covering `](` sequences).
      if (next?.type === 'text' && next.value.startsWith('(')) return undefined;
      return `[${only.value}](${part.url})`;
    }
    default:
      return undefined;
  }
}

function list(node: List): string | undefined {
  if (node.ordered || node.spread) return undefined;
  const lines: string[] = [];
  for (const item of node.children) {
    const [only, ...more] = item.children;
    if (item.spread || item.checked != null || more.length > 0 || only?.type !== 'paragraph')
      return undefined;
    const text = paragraph(only);
    if (text === undefined) return undefined;
    lines.push(`- ${text}`);
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}
