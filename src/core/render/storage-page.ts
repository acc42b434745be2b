import type { RootContent } from 'mdast';
import type { StorageEntry } from '../inventory/model.ts';
import type { Json } from '../model.ts';
import type { StorageFrontMatter } from '../schemas/page.ts';
import { findingsSection, impactSection } from './analysis-sections.ts';
import { capItems } from './capped-list.ts';
import { type PageText, toJson } from './front-matter.ts';
import { linkTo, type PageIndex } from './links.ts';
import { code, heading, list, paragraph, section, withCode } from './markdown.ts';
import { finishPage } from './page.ts';
import { cappedFrontMatter, storageListsCapped, storageListsFile } from './storage-page-lists.ts';

/** What each kind of storage page is, in words; the site uses the same. */
export const STORAGE_DESCRIPTIONS: Readonly<Record<StorageEntry['type'], string>> = {
  storageclass: 'StorageClass',
  cephcluster: 'Rook-Ceph cluster',
  pool: 'Ceph pool',
  osd: 'Ceph OSD',
  node: 'Kubernetes node',
  disk: 'Physical disk',
  'nfs-server': 'NFS server outside the cluster',
};

export function renderStoragePage(
  entry: StorageEntry,
  path: string,
  pages: PageIndex,
  notes: string | undefined,
): PageText {
  // A page with a list longer than it shows keeps the full lists in a JSON file beside it.
  const capped = storageListsCapped(entry);
  const data: StorageFrontMatter = capped ? cappedFrontMatter(entry, path) : entry;
  const file = storageListsFile(path).split('/').pop();
  const where = (field: string) =>
    capped ? `\`${file}\` (\`${field}\`) beside this page` : `this page's front matter (\`${field}\`)`;
  const body: RootContent[] = [heading(1, entry.title), paragraph(`${STORAGE_DESCRIPTIONS[entry.type]}.`)];
  const facts = Object.entries(entry.attrs).filter(([, v]) => v !== null && typeof v !== 'object');
  if (facts.length > 0) body.push(list(facts.map(([k, v]) => [`${k}: `, code(String(v))])));
  for (const [label, refs] of Object.entries(entry.related)) {
    if (refs.length === 0) continue;
    const { shown, rest } = capItems(refs);
    body.push(heading(2, label[0]?.toUpperCase() + label.slice(1)));
    body.push(list(shown.map((r) => [linkTo(pages, path, r.id, r.title)])));
    if (rest.length > 0)
      body.push(
        paragraph(
          ...withCode(
            `And ${rest.length} more, not listed here: every one is in ${where(`related.${label}`)}.`,
          ),
        ),
      );
  }
  const users = capItems(entry.workloads);
  body.push(
    ...section(
      'Workloads with data here',
      users.shown.map((w) => [
        linkTo(pages, path, w.id, w.title),
        ` through ${w.claims.length} volume${w.claims.length === 1 ? '' : 's'}`,
      ]),
      'None found.',
    ),
  );
  if (users.rest.length > 0)
    body.push(
      paragraph(
        ...withCode(`And ${users.rest.length} more, not listed here: every one is in ${where('workloads')}.`),
      ),
    );
  if (entry.blast) {
    const { counts, target } = entry.blast;
    body.push(
      ...impactSection(
        `If it is lost (tierbook blast ${target})`,
        entry.blast.impacts,
        path,
        pages,
        'No workload loses data, goes dark or degrades.',
        `Every one is in ${where(capped ? 'impacts' : 'blast.impacts')} and in \`tierbook blast ${target} --json\`.`,
      ),
    );
    if (entry.blast.impacts.length > 0)
      body.push(
        paragraph(
          `${counts['data-loss']} lose data, ${counts.unavailable} become unavailable, ${counts.degraded} degrade.`,
        ),
      );
    if (entry.blast.assumptions.length > 0)
      body.push(paragraph('Assumptions: ', entry.blast.assumptions.join('; '), '.'));
  }
  body.push(...findingsSection(entry.findings));
  return finishPage(
    toJson(data) as Record<string, Json>,
    body,
    { items: entry.problems, withObject: false },
    notes,
  );
}
