/**
 * Each folder in tests/fixtures/restores is one case: `inputs.yaml` lists offline inputs (real
 * files from ../shared/corpus, or hand-made files in the folder, each saying where its shape
 * came from); `expected.json` is what the restore adapters recorded (the `restore` attr, the
 * `restores` edges) and the restore evidence each workload gets from it. `UPDATE=1` rewrites
 * the expectations; review the diff before committing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { restoreEvidence } from '../../src/core/analysis/restores/evidence.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { assertExpected } from '../support/expected.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'restores');
const repo = join(import.meta.dirname, '..', '..');

for (const name of readdirSync(root).sort()) {
  test(`restore fixture ${name}`, async () => {
    const dir = join(root, name);
    const spec = parse(readFileSync(join(dir, 'inputs.yaml'), 'utf8')) as { inputs: string[] };
    const paths = spec.inputs.map((p) => (p.startsWith('./') ? join(dir, p) : join(repo, p)));
    const graph = buildGraph((await readOffline(paths)).items);
    const index = new GraphIndex(graph);
    const restores = graph.nodes
      .filter((n) => n.attrs.restore !== undefined)
      .map((n) => ({
        id: n.id,
        restore: n.attrs.restore,
        restores: index.out(n.id, 'restores').map((e) => `${e.to} (${e.field}: ${e.why})`),
      }));
    assert.ok(restores.length > 0, 'a restore fixture must record at least one restore');
    const evidence = Object.fromEntries(restoreEvidence(index, findWorkloads(index)));
    const dangling = graph.dangling.filter((d) => d.message.includes('restore'));
    assertExpected(
      join(dir, 'expected.json'),
      `${JSON.stringify({ restores, evidence, dangling }, null, 2)}\n`,
    );
  });
}
