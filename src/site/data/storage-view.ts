import { parseId } from '../../core/graph/ids.ts';
import { blastVerdict, type VerdictWorkload } from '../../core/render/blast-verdict.ts';
import { LISTED } from '../../core/render/capped-list.ts';
import { STORAGE_DESCRIPTIONS } from '../../core/render/storage-page.ts';
import { blastMapDiagram, livesOnDiagram } from '../diagrams/index.ts';
import type { StoragePage, WorkloadPage } from './content-model.ts';
import { deviceNote, diskRows } from './device-view.ts';
import { factValue, factWords } from './fact-words.ts';
import { findingRows, groupByTier } from './impacts.ts';
import { notesToHtml } from './notes.ts';
import type { PageIndex } from './page-index.ts';
import type { StorageView } from './site-model.ts';
import { storageListsCapped, storageListsUrl, workloadCounts } from './storage-lists.ts';
import { relativeUrl } from './urls.ts';
import type { VerdictView } from './view-rows.ts';

export function storageView(
  page: StoragePage,
  index: PageIndex,
  lookup: (id: string) => StoragePage | undefined = () => undefined,
  workloadOf: (id: string) => WorkloadPage | undefined = () => undefined,
  namespaceUrl: (namespace: string) => string | null = () => null,
): StorageView {
  const links = {
    urlOf: (id: string) => {
      const url = index.url(id);
      return url ? relativeUrl(page.url, url) : null;
    },
  };
  const titled = { id: page.id, title: page.title };
  const blastImpacts = page.blast?.impacts ?? [];
  // The chain of cause: the claims each workload keeps here, and what it depends on.
  const claimsHere = new Map(page.workloads.map((w) => [w.id, w.claims]));
  const causes = {
    claimsOn: (id: string) => claimsHere.get(id) ?? [],
    dependsOn: (id: string) => workloadOf(id)?.dependsOn ?? [],
  };
  const diagram =
    blastImpacts.length > 0
      ? blastMapDiagram(titled, blastImpacts, { ...links, moreUrl: '#blast-radius' }, causes)
      : livesOnDiagram(titled, page.workloads, { ...links, moreUrl: '#workloads' });
  const view: Omit<StorageView, 'lists' | 'workloadCounts'> = {
    kind: 'storage',
    page,
    url: page.url,
    description: STORAGE_DESCRIPTIONS[page.type],
    facts: facts(page.attrs).map((f) => ({ key: factWords(f.key), value: factValue(f.key, f.value) })),
    verdict: page.blast ? verdictView(page.blast, index) : null,
    device: deviceNote(page, lookup),
    disks: diskRows(page, lookup, index),
    related: Object.entries(page.related)
      .filter(([, refs]) => refs.length > 0)
      .map(([label, refs]) => ({
        label: `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}`,
        links: refs.map((r) => index.link(r.id, r.title)),
      })),
    workloads: page.workloads.map((w) => ({
      link: index.link(w.id, w.title),
      namespace: parseId(w.id).namespace,
      tier: index.tier(w.id),
      claims: w.claims,
    })),
    blast: page.blast
      ? {
          groups: groupByTier(page.blast.impacts, index),
          counts: page.blast.counts,
          assumptions: page.blast.assumptions,
        }
      : null,
    findings: findingRows(page.findings, index),
    diagram,
    notesHtml: notesToHtml(page.notes),
    runbooks: (page.runbooks ?? []).map((r) => index.link(r.id, r.title)),
  };
  return {
    ...view,
    workloadCounts: view.workloads.length > LISTED ? workloadCounts(view.workloads, namespaceUrl) : null,
    lists: storageListsCapped(view) ? storageListsUrl(page.path) : null,
  };
}

function verdictView(blast: NonNullable<StoragePage['blast']>, index: PageIndex): VerdictView {
  const verdict = blastVerdict(
    blast.target,
    blast.impacts.map((i) => ({ ...i, name: i.title })),
  );
  const withUrl = (rows: VerdictWorkload[]) => rows.map((w) => ({ ...w, url: index.url(w.id) }));
  return {
    ...verdict,
    lose: withUrl(verdict.lose),
    dark: withUrl(verdict.dark),
    degraded: withUrl(verdict.degraded),
  };
}

/** Scalar attributes, and one level of nested ones (an OSD's CRUSH location) as `location.host`. */
function facts(attrs: Record<string, unknown>): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== null && typeof v !== 'object') out.push({ key: `${key}.${k}`, value: String(v) });
      }
    } else if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object')) out.push({ key, value: value.join(', ') });
    } else {
      out.push({ key, value: String(value) });
    }
  }
  return out;
}
