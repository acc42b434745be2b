/**
 * Page URLs come from content file paths, so a page keeps its permalink across regenerations:
 * `workloads/apps.deployment.blog.md` → `workloads/apps.deployment.blog/`. File names are
 * already sanitised by the core ([a-z0-9._~-]), so they are safe in a URL as they are.
 */
export function pageUrl(contentPath: string): string {
  return `${contentPath.replace(/\.md$/, '')}/`;
}

/** The slug Astro's `[slug]` route gets for a page: its file stem. */
export function slugOf(contentPath: string): string {
  return contentPath.replace(/^.*\//, '').replace(/\.md$/, '');
}

/** From a page at `from` (site-root URL like `workloads/x/`) up to the site root: `../../`. */
export function rootFrom(from: string): string {
  const depth = from.split('/').filter(Boolean).length;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** A link from the page at `from` to the site-root URL `to`, relative so the site works under any path. */
export function relativeUrl(from: string, to: string): string {
  return `${rootFrom(from)}${to}`;
}
