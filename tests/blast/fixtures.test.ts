/**
 * Each folder in tests/fixtures/blast (but `_common`) is one scenario: `inputs.json` lists
 * offline inputs (`./…` and `../…` relative to the folder, anything else to the repository),
 * `targets.json` the queries ({target, outage, why}), `setup.json` (optional)
 * protections to add, and `expected.json` the `--json` answers. `UPDATE=1` rewrites expected.json;
 * review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Protection } from '../../src/core/analysis/backups/model.ts';
import { blastJson, blastRadius } from '../../src/core/analysis/blast/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { assertExpected } from '../support/expected.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'blast');
const repo = join(import.meta.dirname, '..', '..');

interface Query {
  target: string | string[];
  outage?: boolean;
  why: string;
}

for (const name of readdirSync(root).sort()) {
  if (name.startsWith('_')) continue;
  test(`blast fixture ${name}`, async () => {
    const dir = join(root, name);
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
    const analysis = { ...real, protections };
    const queries = read('targets.json') as Query[];
    const answers = queries.map((q) => ({
      query: q.why,
      ...(blastJson(blastRadius(analysis, q.target, { outage: q.outage ?? false })) as object),
    }));
    const actual = `${JSON.stringify(answers, null, 2)}\n`;
    const expectedFile = join(dir, 'expected.json');
    assertExpected(expectedFile, actual);
  });
}
