import { parseId } from '../../core/graph/ids.ts';
import { LISTED } from '../../core/render/capped-list.ts';
import { dependencyDiagram, diskName, type OsdPlacement, storageChainDiagram } from '../diagrams/index.ts';
import type { DependencyEntry, VolumeEntry, WorkloadPage } from './content-model.ts';
import { findingRows, groupByTier } from './impacts.ts';
import { notesToHtml } from './notes.ts';
import type { PageIndex } from './page-index.ts';
import type { DependencyRow, VolumeRow, WorkloadView } from './site-model.ts';
import { relativeUrl, slugOf } from './urls.ts';
import type { Link } from './view-rows.ts';

export function workloadView(
  page: WorkloadPage,
  index: PageIndex,
  placementOf: (osd: string) => OsdPlacement | undefined,
): WorkloadView {
  const links = {
    urlOf: (id: string) => {
      const url = index.url(id);
      return url ? relativeUrl(page.url, url) : null;
    },
  };
  const titled = { id: page.id, title: page.title };
  const dependency = (d: DependencyEntry): DependencyRow => ({
    ...d,
    url: index.url(d.workload),
    tier: index.tier(d.workload),
  });
  return {
    kind: 'workload',
    page,
    url: page.url,
    volumes: page.volumes.map((v) => volumeRow(v, index)),
    inlineStorage: page.inlineStorage.map((s) => ({
      pod: parseId(s.pod).name,
      node: index.link(s.node),
      why: s.why,
    })),
    dependsOn: page.dependsOn.map(dependency),
    dependedOnBy: page.dependedOnBy.map(dependency),
    backups: page.backups,
    blast: groupByTier(page.blast.ifDown, index),
    findings: findingRows(page.findings, index),
    runbooks: (page.runbooks ?? []).map((r) => index.link(r.id, r.title)),
    storageDiagram: storageChainDiagram(titled, page.volumes, placementOf, { ...links, moreUrl: '#storage' }),
    dependencyDiagram: dependencyDiagram(titled, page.dependsOn, page.dependedOnBy, {
      ...links,
      moreUrl: '#dependencies',
    }),
    notesHtml: notesToHtml(page.notes),
    // An identity provider of a large cluster is depended on by thousands: named up to LISTED.
    lists: page.dependedOnBy.length > LISTED ? `data/workload.${slugOf(page.path)}.json` : null,
  };
}

function volumeRow(v: VolumeEntry, index: PageIndex): VolumeRow {
  const named = (ids: string[], name: (id: string) => string): Link[] =>
    ids.map((id) => ({ title: name(id), url: index.url(id) }));
  return {
    claim: parseId(v.claim).name,
    claimMissing: v.claimMissing,
    capacity: v.capacity,
    storageClass: v.storageClass
      ? { title: parseId(v.storageClass).name, url: index.url(v.storageClass) }
      : null,
    classFrom: v.classFrom,
    backend: v.backend,
    reclaimPolicy: v.reclaimPolicy,
    pools: named(v.pools, (id) => parseId(id).name),
    osds: named(v.osds, (id) => `osd.${parseId(id).name}`),
    nodes: named(v.nodes, (id) => parseId(id).name),
    disks: named(v.disks, (id) => {
      const { host, path } = diskName(id);
      return host ? `${host}:${path}` : path;
    }),
    servedBy: named(v.servedBy, (id) => parseId(id).name),
  };
}
