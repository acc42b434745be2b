/** One step of the trail above a page; the last one is the page itself (no URL). */
export interface Crumb {
  label: string;
  /** From the site root; null for the page itself. */
  url: string | null;
}

/** The sections pages live in, by the first part of their URL. */
const SECTIONS: Readonly<Record<string, string>> = {
  workloads: 'Workloads',
  storage: 'Storage',
  blast: 'Blast radius',
  findings: 'Findings',
  rules: 'Rules',
  runbooks: 'Runbooks',
  search: 'Search',
};

/**
 * Home › Section › Page from a page's URL (site root relative) and title: `storage/osd.x/`,
 * "osd.3" → Home › Storage › osd.3. The home page has no trail; a section's own index ends at
 * the section.
 */
export function breadcrumbs(url: string, title: string): Crumb[] {
  const parts = url.split('/').filter(Boolean);
  const section = parts[0];
  if (!section) return [];
  const label = SECTIONS[section];
  if (!label)
    return [
      { label: 'Home', url: '' },
      { label: title, url: null },
    ];
  if (parts.length === 1)
    return [
      { label: 'Home', url: '' },
      { label, url: null },
    ];
  return [
    { label: 'Home', url: '' },
    { label, url: `${section}/` },
    { label: title, url: null },
  ];
}

/** Sections with no entry of their own in the header: they are shown under another one. */
const SHOWN_UNDER: Readonly<Record<string, string>> = { rules: 'findings/' };

/**
 * What a header link says about the page it is on: `page` on the section's own index, `true`
 * (ARIA's "current item in a set") anywhere below it, so the reader sees which section they are
 * in; nothing elsewhere. The dashboard ('') is only ever the page itself.
 */
export function navCurrent(href: string, url: string): 'page' | 'true' | undefined {
  if (href === url) return 'page';
  if (href === '') return undefined;
  const section = url.split('/').find(Boolean);
  if (section === undefined) return undefined;
  return `${section}/` === href || SHOWN_UNDER[section] === href ? 'true' : undefined;
}
