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
  const page = withFrontMatter(
    { type: 'runbook', id: bound.id, title: bound.title, tier: bound.tier, runbook: toJson(bound) },
    '',
  );
  await mkdir(join(dir, 'runbooks'), { recursive: true });
  await writeFile(join(dir, 'runbooks', file), page);
  return dir;
}
