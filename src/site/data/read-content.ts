import matter from 'gray-matter';
import { InputError } from '../../core/errors.ts';
import { parseId } from '../../core/graph/ids.ts';
import { extractNotes } from '../../core/render/notes.ts';
import { storageListsFile } from '../../core/render/storage-page-lists.ts';
import {
  FINDINGS_PAGE,
  type FindingFrontMatter,
  INVENTORY_PAGE,
  RUNBOOK_PAGE,
  STORAGE_LISTS,
  STORAGE_PAGE,
  type StorageFrontMatter,
  WORKLOAD_PAGE,
  type WorkloadFrontMatter,
} from '../../core/schemas/page.ts';
import { readShape, type Shape } from '../../core/schemas/shape.ts';
import type {
  BackupEntry,
  Content,
  FindingEntry,
  PageFile,
  RestoreSummary,
  RunbookPage,
  StoragePage,
  WorkloadPage,
} from './content-model.ts';
import { pageUrl } from './urls.ts';

/**
 * content/ (relative path → text) as typed pages, each read with the schema the core writes it
 * with (src/core/schemas/page.ts): a malformed page is an InputError naming the file and the
 * field path, before anything is built.
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
  const inventory = frontMatter(INVENTORY_PAGE, 'index.md', index);
  const content: Content = {
    inventory: {
      ...inventory,
      findings: { ...inventory.findings, high: inventory.findings.high.map(findingEntry) },
    },
    workloads: [],
    storage: [],
    findings: null,
    runbooks: [],
  };
  for (const [path, text] of files) {
    if (!path.endsWith('.md') || path === 'index.md') continue;
    if (path === 'findings.md') {
      content.findings = frontMatter(FINDINGS_PAGE, path, text).findings.map(findingEntry);
    } else if (/^workloads\/[^/]+\.md$/.test(path)) {
      content.workloads.push(workloadPage(path, text, inventory.takenAt));
    } else if (/^storage\/[^/]+\.md$/.test(path)) {
      content.storage.push(storagePage(path, text, files));
    } else if (/^runbooks\/[^/]+\.md$/.test(path)) {
      content.runbooks.push(runbookPage(path, text));
    }
  }
  return content;
}

function frontMatter<T>(shape: Shape<T>, path: string, text: string): T {
  let data: unknown;
  try {
    data = matter(text).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`front matter is not valid YAML: ${reason}`, { from: { file: path } });
  }
  return readShape(shape, path, data);
}

function pageFile(path: string, text: string): PageFile {
  return { path, url: pageUrl(path), notes: extractNotes(text, path) ?? null };
}

function workloadPage(path: string, text: string, takenAt: string): WorkloadPage {
  const f = frontMatter(WORKLOAD_PAGE, path, text);
  return {
    ...f,
    ...pageFile(path, text),
    findings: f.findings.map(findingEntry),
    backups: f.backups.map((b) => withAge(b, takenAt)),
    restores: restoreSummary(f.restores),
    runbooks: f.runbooks ?? null,
  };
}

function storagePage(path: string, text: string, files: ReadonlyMap<string, string>): StoragePage {
  const f = withFullLists(path, frontMatter(STORAGE_PAGE, path, text), files);
  return {
    ...f,
    ...pageFile(path, text),
    findings: f.findings.map(findingEntry),
    runbooks: f.runbooks ?? null,
  };
}

/**
 * A storage page whose lists are longer than it shows names the JSON file beside it that holds
 * them in full (src/core/render/storage-page-lists.ts): the site shows and counts the full lists.
 * A file missing, not JSON, of another object or of other lengths than the page says is an
 * InputError naming it and the field, never a page that silently shows less.
 */
function withFullLists(
  path: string,
  page: StorageFrontMatter,
  files: ReadonlyMap<string, string>,
): StorageFrontMatter {
  if (page.lists === undefined) return page;
  const file = storageListsFile(path);
  if (`${path.slice(0, path.lastIndexOf('/') + 1)}${page.lists.file}` !== file)
    throw new InputError(
      `lists file is ${JSON.stringify(page.lists.file)}, expected ${JSON.stringify(file.split('/').pop())}`,
      {
        from: { file: path },
        field: 'lists.file',
      },
    );
  const text = files.get(file);
  if (text === undefined)
    throw new InputError('the page names a lists file that is not there (run "tierbook inventory" again)', {
      from: { file: path },
      field: 'lists.file',
    });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`not valid JSON: ${reason}`, { from: { file } });
  }
  const lists = readShape(STORAGE_LISTS, file, data);
  const mismatch = (field: string, actual: number, expected: number) => {
    if (actual !== expected)
      throw new InputError(`${field} has ${actual} entries, the page says ${expected}`, {
        from: { file },
        field,
      });
  };
  if (lists.id !== page.id)
    throw new InputError(`lists of ${lists.id}, the page is ${page.id}`, { from: { file }, field: 'id' });
  mismatch('workloads', lists.workloads.length, page.lists.workloads);
  mismatch('impacts', lists.impacts.length, page.lists.impacts);
  for (const label of new Set([...Object.keys(page.lists.related), ...Object.keys(lists.related)]))
    mismatch(`related.${label}`, lists.related[label]?.length ?? 0, page.lists.related[label] ?? 0);
  if (page.blast === null && lists.impacts.length > 0)
    throw new InputError('impacts listed for a page without a blast', { from: { file }, field: 'impacts' });
  const { lists: _where, ...rest } = page;
  return {
    ...rest,
    related: lists.related,
    workloads: lists.workloads,
    blast: page.blast === null ? null : { ...page.blast, impacts: lists.impacts },
  };
}

function runbookPage(path: string, text: string): RunbookPage {
  const f = frontMatter(RUNBOOK_PAGE, path, text);
  return { path, url: pageUrl(path), id: f.id, title: f.title, tier: f.tier, bound: f.runbook };
}

/** A finding's object in words, `Deployment web/blog`. */
function findingEntry(f: FindingFrontMatter): FindingEntry {
  const { kind, namespace, name } = f.object;
  return {
    ...f,
    object: [kind, namespace ? `${namespace}/${name}` : name].filter(Boolean).join(' ') || null,
  };
}

/** The age shown is from the last success to the inventory's time, so pages do not change with the clock. */
function withAge(b: WorkloadFrontMatter['backups'][number], takenAt: string): BackupEntry {
  const age = b.lastSuccess ? (Date.parse(takenAt) - Date.parse(b.lastSuccess)) / 1000 : Number.NaN;
  return { ...b, ageSeconds: Number.isFinite(age) ? Math.max(0, age) : null };
}

function restoreSummary(r: WorkloadFrontMatter['restores']): RestoreSummary {
  return {
    lastProven: r.lastProven,
    evidence: r.evidence.map((e) => {
      if (e.system === 'drill')
        return { ...e, label: `drill ${e.runbook ?? ''} (${e.incident ?? 'no incident id'})` };
      const { kind, namespace, name } = parseId(e.id);
      return { ...e, label: `${e.system} ${kind} ${namespace ? `${namespace}/` : ''}${name}` };
    }),
  };
}
