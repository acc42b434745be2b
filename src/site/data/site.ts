import { STORAGE_DESCRIPTIONS } from '../../core/render/storage-page.ts';
import type { Diagram, OsdPlacement } from '../diagrams/index.ts';
import type { Content, StoragePage } from './content-model.ts';
import { findingGroups } from './finding-groups.ts';
import { homeView } from './home-view.ts';
import { findingRows } from './impacts.ts';
import { PageIndex } from './page-index.ts';
import { ruleDocPage } from './rule-docs.ts';
import type { Site, StorageIndexGroup, WorkloadIndexRow } from './site-model.ts';
import { storageView } from './storage-view.ts';
import type { FailureDomainRow } from './view-rows.ts';
import { workloadDirectory } from './workload-directory.ts';
import { workloadView } from './workload-view.ts';

/** Every page's data, computed once from content/. Order is content/'s (sorted by path). */
export function buildSite(content: Content, ruleFiles: ReadonlyMap<string, string> = new Map()): Site {
  const ruleIds = new Set(
    [...ruleFiles.keys()].map((f) => f.replace(/\.md$/, '')).filter((id) => id !== 'README'),
  );
  const rules = [...ruleFiles].map(([file, text]) => ruleDocPage(file, text, ruleIds));
  const index = new PageIndex(content);
  const findings = content.findings ? findingRows(content.findings, index) : null;
  const placements = osdPlacements(content.storage);
  const storageById = new Map(content.storage.map((s) => [s.id, s]));
  const failureDomains: FailureDomainRow[] = content.inventory.failureDomains.map((d) => ({
    ...d,
    url: d.node ? index.url(d.node) : null,
  }));
  const workloads = content.workloads.map((w) => workloadView(w, index, (osd) => placements.get(osd)));
  const workloadById = new Map(content.workloads.map((w) => [w.id, w]));
  const workloadRows = workloadIndex(content);
  const directory = workloadDirectory(workloadRows);
  const namespaceUrls = new Map(directory?.namespaces.map((n) => [n.namespace, n.url]));
  const storage = content.storage.map((s) =>
    storageView(
      s,
      index,
      (id) => storageById.get(id),
      (id) => workloadById.get(id),
      (namespace) => namespaceUrls.get(namespace) ?? null,
    ),
  );
  const verdicts = new Map(storage.map((s) => [s.page.id, s.verdict]));
  return {
    cluster: content.inventory.cluster,
    takenAt: content.inventory.takenAt,
    home: homeView(content, index, failureDomains, (id) => verdicts.get(id) ?? null),
    workloads,
    storage,
    workloadIndex: workloadRows,
    workloadDirectory: directory,
    storageIndex: storageIndex(content.storage),
    failureDomains,
    findings,
    findingGroups: findings ? findingGroups(findings, (rule) => ruleIds.has(rule)) : null,
    rules,
    runbooks: content.runbooks,
  };
}

/** Every diagram the site shows, for drawing before Astro runs. */
export function siteDiagrams(site: Site): Diagram[] {
  return shownDiagrams(site).map((shown) => shown.diagram);
}

/**
 * The pages that show each diagram, by its Mermaid source: the content files (paths inside
 * content/) of the workload and storage pages that draw it, in the site's order.
 */
export function diagramPages(site: Site): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const { diagram, path } of shownDiagrams(site)) {
    const list = pages.get(diagram.source) ?? [];
    if (!list.includes(path)) list.push(path);
    pages.set(diagram.source, list);
  }
  return pages;
}

/** Each diagram with the content file of the page that shows it. */
function shownDiagrams(site: Site): { diagram: Diagram; path: string }[] {
  return [
    ...site.workloads.flatMap((w) =>
      [w.storageDiagram, w.dependencyDiagram].map((d) => [d, w.page.path] as const),
    ),
    ...site.storage.map((s) => [s.diagram, s.page.path] as const),
  ].flatMap(([diagram, path]) => (diagram ? [{ diagram, path }] : []));
}

/** Where each OSD sits, from its own page: the chain picture draws OSD → disk → node. */
function osdPlacements(storage: readonly StoragePage[]): Map<string, OsdPlacement> {
  const out = new Map<string, OsdPlacement>();
  for (const s of storage) {
    if (s.type !== 'osd') continue;
    out.set(s.id, { node: s.related.nodes?.[0]?.id ?? null, disk: s.related.disks?.[0]?.id ?? null });
  }
  return out;
}

function workloadIndex(content: Content): WorkloadIndexRow[] {
  return content.workloads
    .map((w) => ({
      link: { title: w.title, url: w.url },
      namespace: w.namespace,
      kind: w.kind,
      tier: w.tier.tier,
      volumes: w.volumes.length,
      backends: [...new Set(w.volumes.flatMap((v) => (v.backend ? [v.backend] : [])))].sort(),
    }))
    .sort(
      (a, b) =>
        (a.tier ?? 9) - (b.tier ?? 9) ||
        a.namespace.localeCompare(b.namespace) ||
        a.link.title.localeCompare(b.link.title),
    );
}

function storageIndex(storage: readonly StoragePage[]): StorageIndexGroup[] {
  const groups = new Map<string, StorageIndexGroup>();
  for (const type of Object.keys(STORAGE_DESCRIPTIONS) as StoragePage['type'][]) {
    groups.set(type, { type, label: STORAGE_DESCRIPTIONS[type], rows: [] });
  }
  for (const s of storage) {
    groups.get(s.type)?.rows.push({
      link: { title: s.title, url: s.url },
      workloads: s.workloads.length,
      dataLoss: s.blast ? s.blast.counts['data-loss'] : null,
    });
  }
  return [...groups.values()].filter((g) => g.rows.length > 0);
}
