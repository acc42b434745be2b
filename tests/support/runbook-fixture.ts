import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJson, withFrontMatter } from '../../src/core/render/front-matter.ts';
import type { BoundRunbook } from '../../src/core/runbooks/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A hand-written BoundRunbook (tests/fixtures/runbooks/<name>.json): the shape is
 * src/core/runbooks/model.ts, the steps follow Rook's "OSD management" and Ceph's "Adding/removing
 * OSDs" pages for the sample cluster's osd.3.
 */
export async function readBoundFixture(name = 'osd-remove.osd-3'): Promise<BoundRunbook> {
  return JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'runbooks', `${name}.json`), 'utf8'));
}

/** The committed sample content/ in a temporary folder, with `bound` as a runbook page. */
export async function contentWithRunbook(bound: BoundRunbook, file: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-runbook-content-'));
  await cp(join(ROOT, 'content'), dir, { recursive: true });
  await addRunbookPage(dir, bound, file);
  return dir;
}

/** `bound` as content/runbooks/<file>, the page `tierbook inventory` writes for a runbook. */
export async function addRunbookPage(dir: string, bound: BoundRunbook, file: string): Promise<void> {
  const page = withFrontMatter(
    { type: 'runbook', id: bound.id, title: bound.title, tier: bound.tier, runbook: toJson(bound) },
    '',
  );
  await mkdir(join(dir, 'runbooks'), { recursive: true });
  await writeFile(join(dir, 'runbooks', file), page);
}

/** Every string of a runbook (its enums kept) through `f`: for hostile-text tests. */
export function mapRunbookText(bound: BoundRunbook, f: (text: string) => string): BoundRunbook {
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return key === 'status' || key === 'pause' ? value : f(value);
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(bound) as BoundRunbook;
}
