import type { PhrasingContent, RootContent } from 'mdast';
import type { VolumeChain } from '../analysis/storage-chain.ts';
import { parseId } from '../graph/ids.ts';
import type { WorkloadEntry } from '../inventory/model.ts';
import type { Json } from '../model.ts';
import type { WorkloadFrontMatter } from '../schemas/page.ts';
import { backupsSection, findingsSection, impactSection, tierSection } from './analysis-sections.ts';
import { type PageText, toJson } from './front-matter.ts';
import { linkTo, type PageIndex } from './links.ts';
import { code, heading, paragraph, section } from './markdown.ts';
import { finishPage } from './page.ts';
import { restoreSection } from './restore-section.ts';

export function renderWorkloadPage(
  entry: WorkloadEntry,
  path: string,
  pages: PageIndex,
  notes: string | undefined,
): PageText {
  const data: WorkloadFrontMatter = { type: 'workload', ...entry };
  const body: RootContent[] = [heading(1, entry.title)];
  body.push(paragraph(summary(entry)));
  if (entry.missing) {
    body.push(
      paragraph(
        'This workload was named as an owner but could not be read; what is shown comes from the objects it owns.',
      ),
    );
  }
  body.push(...tierSection(entry.tier, path, pages));
  const dependency = (d: WorkloadEntry['dependsOn'][number]) => [
    linkTo(pages, path, d.workload, d.title),
    ` (${d.via}): ${d.why.join('; ')}`,
  ];
  body.push(
    ...section(
      'Storage',
      [
        ...entry.volumes.map((v) => chainLine(v, path, pages)),
        ...entry.inlineStorage.map((s) => [
          `hostPath on `,
          linkTo(pages, path, s.node, parseId(s.node).name),
          `: ${s.why}`,
        ]),
      ],
      'No persistent volumes: nothing is lost with its pods.',
    ),
    ...section(
      'Depends on',
      entry.dependsOn.map(dependency),
      'No other workload found in its configuration.',
    ),
    ...section('Needed by', entry.dependedOnBy.map(dependency), 'Nothing found that depends on it.'),
    ...backupsSection(entry.backups, path, pages),
    ...(entry.volumes.length + entry.inlineStorage.length > 0 || entry.restores.evidence.length > 0
      ? restoreSection(entry.restores)
      : []),
    ...impactSection(
      'If it is down',
      entry.blast.ifDown,
      path,
      pages,
      'Nothing else stops with it.',
      `Every one is in this page's front matter (\`blast.ifDown\`) and in \`tierbook blast workload/${entry.namespace}/${entry.kind}/${entry.name} --json\`.`,
    ),
    ...findingsSection(entry.findings),
  );
  return finishPage(
    toJson(data) as Record<string, Json>,
    body,
    { items: entry.problems, withObject: true },
    notes,
  );
}

function summary(entry: WorkloadEntry): string {
  const pods = entry.pods.length === 1 ? '1 pod' : `${entry.pods.length} pods`;
  const volumes = entry.volumes.length === 1 ? '1 volume' : `${entry.volumes.length} volumes`;
  return `${entry.kind} in namespace ${entry.namespace || '(none)'}: ${pods}, ${volumes}.`;
}

/** PVC → PV → class (backend) → pools → OSDs / nodes / disks, each a link where it has a page. */
function chainLine(v: VolumeChain, from: string, pages: PageIndex): (PhrasingContent | string)[] {
  const parts: (PhrasingContent | string)[] = [code(parseId(v.claim).name)];
  if (v.claimMissing) parts.push(' (not read)');
  if (v.capacity) parts.push(` ${v.capacity}`);
  if (v.storageClass) {
    parts.push(' on class ', linkTo(pages, from, v.storageClass, parseId(v.storageClass).name));
    if (v.classFrom === 'default') parts.push(' (the cluster default, not chosen)');
  }
  if (v.backend) parts.push(` (${v.backend})`);
  const more = (label: string, ids: string[], name: (id: string) => string) => {
    if (ids.length === 0) return;
    parts.push(`; ${label} `);
    ids.forEach((id, i) => {
      if (i > 0) parts.push(', ');
      parts.push(linkTo(pages, from, id, name(id)));
    });
  };
  more('pools', v.pools, (id) => parseId(id).name);
  more('OSDs', v.osds, (id) => `osd.${parseId(id).name}`);
  more('nodes', v.nodes, (id) => parseId(id).name);
  more('disks', v.disks, (id) => parseId(id).name);
  more('served by', v.servedBy, (id) => parseId(id).name);
  return parts;
}
