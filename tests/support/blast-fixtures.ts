/**
 * The scenarios of tests/fixtures/blast: each folder (but `_common`) has `inputs.json` (offline
 * inputs, `./…` and `../…` relative to the folder, anything else to the repository),
 * `targets.json` (the queries), `setup.json` (optional: protections the inventory cannot show)
 * and `expected.json` (the `--json` answers).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Protection } from '../../src/core/analysis/backups/model.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { readOffline } from '../../src/io/read-offline.ts';

export const BLAST_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'blast');
const repo = join(import.meta.dirname, '..', '..');

export interface BlastQuery {
  target: string | string[];
  outage?: boolean;
  why: string;
}

/** The scenario folders, sorted. */
export function blastFixtureNames(): string[] {
  return readdirSync(BLAST_FIXTURES)
    .filter((name) => !name.startsWith('_'))
    .sort();
}

/** A scenario's analysis (with setup.json's protections added) and its queries. */
export async function loadBlastFixture(name: string): Promise<{ analysis: Analysis; queries: BlastQuery[] }> {
  const dir = join(BLAST_FIXTURES, name);
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const { inputs } = read('inputs.json') as { inputs: string[] };
  const paths = inputs.map((p) => (p.startsWith('.') ? join(dir, p) : join(repo, p)));
  const graph = buildGraph((await readOffline(paths)).items);
  const real = analyze(graph, { config: DEFAULT_CONFIG, now: '2026-11-24T06:00:00Z' });
  // setup.json may add protections the inventory cannot show (an unknown destination), so
  // each backup-survival rule has a case of its own.
  const extra = (existsSync(join(dir, 'setup.json')) ? read('setup.json').protections : {}) as Record<
    string,
    Protection[]
  >;
  const protections = new Map(real.protections);
  for (const [id, more] of Object.entries(extra ?? {}))
    protections.set(id, [...(protections.get(id) ?? []), ...more]);
  return { analysis: { ...real, protections }, queries: read('targets.json') as BlastQuery[] };
}
