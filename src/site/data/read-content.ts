import matter from 'gray-matter';
import { InputError } from '../../core/errors.ts';
import { extractNotes } from '../../core/render/notes.ts';
import type {
  Content,
  DependencyEntry,
  InventoryPage,
  PageBase,
  Problem,
  Ref,
  RunbookPage,
  StoragePage,
  VolumeEntry,
  WorkloadPage,
} from './content-model.ts';
import { STORAGE_TYPES } from './content-model.ts';
import { Fields } from './fields.ts';
import {
  readBackup,
  readFailureDomain,
  readFinding,
  readFindingSummary,
  readImpact,
  readStorageBlast,
  readTier,
} from './read-analysis.ts';
import { pageUrl } from './urls.ts';

/**
 * content/ (relative path → text) as typed pages. Every page is checked: a malformed page is an
 * InputError naming the file and field, before anything is built.
 */
export function readContent(files: ReadonlyMap<string, string>): Content {
  const index = files.get('index.md');
  if (index === undefined) {
    throw new InputError(
      'not a tierbook content directory: it has no index.md (run "tierbook inventory" first)',
      {
        from: { file: 'index.md' },
      },
    );
  }
  const content: Content = {
    inventory: readInventory(frontMatter('index.md', index)),
    workloads: [],
    storage: [],
    findings: null,
    runbooks: [],
  };
  for (const [path, text] of files) {
    if (!path.endsWith('.md') || path === 'index.md') continue;
    if (path === 'findings.md') {
      content.findings = frontMatter(path, text).records('findings', readFinding);
    } else if (/^workloads\/[^/]+\.md$/.test(path)) {
      content.workloads.push(readWorkload(path, text, content.inventory.takenAt));
    } else if (/^storage\/[^/]+\.md$/.test(path)) {
      content.storage.push(readStorage(path, text));
    } else if (/^runbooks\/[^/]+\.md$/.test(path)) {
      content.runbooks.push(readRunbook(path, frontMatter(path, text)));
    }
  }
  return content;
}

function frontMatter(path: string, text: string): Fields {
  let data: unknown;
  try {
    data = matter(text).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`front matter is not valid YAML: ${reason}`, { from: { file: path } });
  }
  return new Fields(path, data);
}

function readInventory(f: Fields): InventoryPage {
  if (f.optionalString('type') !== 'inventory') throw f.error('type', '"inventory"', f.value.type);
  return {
    cluster: f.string('cluster'),
    takenAt: f.string('takenAt'),
    counts: f.numberMap('counts'),
    workloads: f.optionalNumber('workloads') ?? 0,
    storageObjects: f.optionalNumber('storageObjects') ?? 0,
    unreadable: f.records('unreadable', (u) => ({
      group: u.optionalString('group') ?? '',
      kind: u.string('kind'),
      reason: u.optionalString('reason') ?? 'error',
      detail: u.optionalString('detail') ?? '',
    })),
    partial: f.optionalBoolean('partial') ?? false,
    notRead: f.records('notRead', (n) => ({
      where: n.string('where'),
      reason: n.optionalString('reason') ?? '',
      kinds: n.strings('kinds'),
      needed: n.optionalBoolean('needed') ?? true,
    })),
    dangling: f.records('dangling', readProblem),
    tiers: f.optionalRecord('tiers') ? f.numberMap('tiers') : null,
    failureDomains: Array.isArray(f.value.failureDomains)
      ? f.records('failureDomains', readFailureDomain)
      : null,
    findings: readFindingSummary(f.optionalRecord('findings')),
  };
}

function base(path: string, text: string, f: Fields): PageBase {
  return {
    path,
    url: pageUrl(path),
    id: f.string('id'),
    title: f.string('title'),
    notes: extractNotes(text, path) ?? null,
    problems: f.records('problems', readProblem),
    findings: Array.isArray(f.value.findings) ? f.records('findings', readFinding) : null,
  };
}

function readWorkload(path: string, text: string, takenAt: string): WorkloadPage {
  const f = frontMatter(path, text);
  if (f.optionalString('type') !== 'workload') throw f.error('type', '"workload"', f.value.type);
  const blast = f.optionalRecord('blast');
  return {
    ...base(path, text, f),
    kind: f.string('kind'),
    namespace: f.optionalString('namespace') ?? '',
    name: f.string('name'),
    missing: f.optionalBoolean('missing') ?? false,
    labels: f.stringMap('labels'),
    images: f.strings('images'),
    replicas: f.optionalNumber('replicas'),
    pods: f.records('pods', (p) => ({
      name: p.string('name'),
      node: p.optionalString('node'),
      phase: p.optionalString('phase'),
    })),
    members: f.records('members', readRef),
    volumes: f.records('volumes', readVolume),
    inlineStorage: f.records('inlineStorage', (s) => ({
      pod: s.string('pod'),
      node: s.string('node'),
      why: s.optionalString('why') ?? '',
    })),
    dependsOn: f.records('dependsOn', readDependency),
    dependedOnBy: f.records('dependedOnBy', readDependency),
    tier: readTier(f.optionalRecord('tier')),
    backups: Array.isArray(f.value.backups) ? f.records('backups', (b) => readBackup(b, takenAt)) : null,
    // What stops while it is down; the core leaves the workload itself out.
    blast: blast ? { ifDown: blast.records('ifDown', readImpact) } : null,
    runbooks: Array.isArray(f.value.runbooks) ? f.records('runbooks', readRef) : null,
  };
}

function readStorage(path: string, text: string): StoragePage {
  const f = frontMatter(path, text);
  const related: Record<string, Ref[]> = {};
  const relatedFields = f.optionalRecord('related');
  for (const key of Object.keys(relatedFields?.value ?? {})) {
    related[key] = relatedFields?.records(key, readRef) ?? [];
  }
  return {
    ...base(path, text, f),
    type: f.oneOf('type', STORAGE_TYPES),
    name: f.string('name'),
    namespace: f.optionalString('namespace') ?? '',
    attrs: f.optionalRecord('attrs')?.value ?? {},
    related,
    workloads: f.records('workloads', (w) => ({ ...readRef(w), claims: w.strings('claims') })),
    blast: readStorageBlast(f.optionalRecord('blast')),
    runbooks: Array.isArray(f.value.runbooks) ? f.records('runbooks', readRef) : null,
  };
}

function readRunbook(path: string, f: Fields): RunbookPage {
  return {
    path,
    url: pageUrl(path),
    id: f.optionalString('id') ?? path,
    title: f.optionalString('title') ?? path,
    tier: f.optionalNumber('tier'),
    appliesTo: Array.isArray(f.value.appliesTo) ? f.strings('appliesTo') : [],
  };
}

function readRef(f: Fields): Ref {
  return { id: f.string('id'), title: f.optionalString('title') ?? f.string('id') };
}

function readProblem(f: Fields): Problem {
  return {
    object: f.optionalString('object') ?? '',
    field: f.optionalString('field') ?? '',
    message: f.optionalString('message') ?? '',
  };
}

function readDependency(f: Fields): DependencyEntry {
  return {
    workload: f.string('workload'),
    title: f.optionalString('title') ?? f.string('workload'),
    via: f.optionalString('via') ?? '',
    why: f.strings('why'),
  };
}

function readVolume(f: Fields): VolumeEntry {
  return {
    claim: f.string('claim'),
    claimMissing: f.optionalBoolean('claimMissing') ?? false,
    pv: f.optionalString('pv'),
    storageClass: f.optionalString('storageClass'),
    classFrom: f.optionalString('classFrom'),
    backend: f.optionalString('backend'),
    capacity: f.optionalString('capacity'),
    reclaimPolicy: f.optionalString('reclaimPolicy'),
    pools: f.strings('pools'),
    cephClusters: f.strings('cephClusters'),
    osds: f.strings('osds'),
    nodes: f.strings('nodes'),
    disks: f.strings('disks'),
    zones: f.strings('zones'),
    servedBy: f.strings('servedBy'),
  };
}
