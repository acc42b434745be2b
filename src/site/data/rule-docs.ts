import type { Element, Root as HastRoot, Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { remark } from 'remark';

/** A rule's doc (docs/rules/<id>.md) as a page of the site, at `rules/<id>/`. */
export interface RuleDoc {
  id: string;
  title: string;
  url: string;
  html: string;
}

const parser = remark();

/**
 * tierbook's own rule docs as HTML. A link to another rule's doc becomes its page here; a link
 * to a doc the site does not carry (`../checks.md`) keeps its text and loses the link, since
 * the site may be read with no repository at hand. The leading `# id` heading is the page's h1.
 */
export function ruleDocPage(file: string, markdown: string, rules: ReadonlySet<string>): RuleDoc {
  const id = file.replace(/\.md$/, '');
  // README.md is the list of rules: the index page, one level up from the rules' own pages.
  const index = id === 'README';
  const tree = parser.parse(markdown);
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) tree.children.shift();
  const hast = toHast(tree) as HastRoot;
  relink(hast, rules, index ? './' : '../');
  return { id, title: index ? 'Risk rules' : id, url: index ? 'rules/' : `rules/${id}/`, html: toHtml(hast) };
}

function relink(node: Nodes, rules: ReadonlySet<string>, up: string): void {
  if (node.type === 'element' && node.tagName === 'a') rewrite(node, rules, up);
  if ('children' in node) for (const child of node.children) relink(child as Nodes, rules, up);
}

function rewrite(a: Element, rules: ReadonlySet<string>, up: string): void {
  const href = String(a.properties.href ?? '');
  if (/^(?:https?:|mailto:|#)/i.test(href)) return;
  const local = /^(?:\.\/)?([a-z0-9-]+)\.md(#[\w-]*)?$/.exec(href);
  if (local?.[1] && rules.has(local[1])) {
    a.properties.href = `${up}${local[1]}/${local[2] ?? ''}`;
    return;
  }
  a.tagName = 'span';
  a.properties = {};
}
