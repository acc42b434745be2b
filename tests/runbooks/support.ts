/** Shared by the runbook tests: the sample cluster and the blast fixtures, analysed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { analysisFrom } from '../support/pipeline.ts';

export const NOW = '2026-11-24T06:00:00Z';
export const REPO = join(import.meta.dirname, '..', '..');
export const SAMPLE = join(REPO, 'src', 'sample', 'cluster');
const BLAST_FIXTURES = join(REPO, 'tests', 'fixtures', 'blast');
const BACKUP_FIXTURES = join(REPO, 'tests', 'fixtures', 'backups');

export async function analysisOf(paths: string[]): Promise<Analysis> {
  return analysisFrom(await readOffline(paths), { now: NOW });
}

/**
 * A corpus path in a fixture (`../../../../../shared/corpus/…`) is relative to the main
 * checkout; from a worktree the corpus is one level further up. Null when it is in neither.
 */
function corpusPath(path: string): string | null {
  const at = path.indexOf('shared/corpus/');
  if (at < 0) return path;
  const rest = path.slice(at);
  for (const up of [join(REPO, '..'), join(REPO, '..', '..')])
    if (existsSync(join(up, rest))) return join(up, rest);
  return null;
}

/** Every tests/fixtures/blast scenario whose inputs can be read here: name → input paths. */
export function blastFixtureInputs(): { name: string; paths: string[] }[] {
  const out: { name: string; paths: string[] }[] = [];
  for (const name of readdirSync(BLAST_FIXTURES).sort()) {
    if (name.startsWith('_')) continue;
    const dir = join(BLAST_FIXTURES, name);
    const { inputs } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    const paths = inputs.map((p) => corpusPath(p.startsWith('.') ? join(dir, p) : join(REPO, p)));
    if (paths.every((p): p is string => p !== null)) out.push({ name, paths });
  }
  return out;
}

/** Every tests/fixtures/backups case (Velero, VolSync, k8up, Longhorn, …) whose inputs can be read here. */
export function backupFixtureInputs(): { name: string; paths: string[] }[] {
  const out: { name: string; paths: string[] }[] = [];
  for (const name of readdirSync(BACKUP_FIXTURES).sort()) {
    const dir = join(BACKUP_FIXTURES, name);
    const { inputs } = parse(readFileSync(join(dir, 'inputs.yaml'), 'utf8')) as { inputs: string[] };
    const paths = inputs.map((p) => corpusPath(p.startsWith('./') ? join(dir, p) : join(REPO, p)));
    if (paths.every((p): p is string => p !== null)) out.push({ name: `backups/${name}`, paths });
  }
  return out;
}
