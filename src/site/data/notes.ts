import type { Element, Root as HastRoot, Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { remark } from 'remark';
import { DEFAULT_NOTES } from '../../core/render/notes.ts';

const parser = remark();

/**
 * The operators' notes (Markdown) as HTML. Raw HTML in the notes is dropped, not passed
 * through, and only http(s), mailto and relative links are kept: the notes are shown to
 * everyone who opens the page, in the middle of an outage.
 */
export function notesToHtml(notes: string | null): string | null {
  if (notes === null || notes === DEFAULT_NOTES || notes.trim() === '') return null;
  const hast = toHast(parser.parse(notes)) as HastRoot;
  sanitise(hast);
  return toHtml(hast);
}

const SAFE_URL = /^(?:https?:|mailto:|[^:]*$)/i;

function sanitise(node: Nodes): void {
  if (node.type === 'element') dropUnsafeUrls(node);
  if ('children' in node) for (const child of node.children) sanitise(child as Nodes);
}

function dropUnsafeUrls(element: Element): void {
  for (const key of ['href', 'src'] as const) {
    const value = element.properties[key];
    if (value === undefined) continue;
    // Control characters and spaces can hide a scheme ("java\tscript:").
    const url = [...String(value)].filter((c) => c.charCodeAt(0) > 0x20).join('');
    if (!SAFE_URL.test(url)) delete element.properties[key];
  }
  // The site loads nothing from another host: a picture hosted elsewhere becomes a link to it.
  const src = String(element.properties.src ?? '');
  if (element.tagName === 'img' && (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))) {
    const alt = String(element.properties.alt ?? src);
    element.tagName = 'a';
    element.properties = { href: src };
    element.children = [{ type: 'text', value: alt }];
  }
  if (element.tagName === 'a' && /^(?:https?:)?\/\//i.test(String(element.properties.href ?? ''))) {
    element.properties.rel = ['noopener', 'noreferrer'];
  }
}
