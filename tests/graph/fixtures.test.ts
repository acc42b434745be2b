/**
 * Each folder in tests/fixtures/graph is one case: `inputs.json` lists offline inputs (real files
 * from ../shared/corpus, or files in the folder), `expected.json` is the graph they must give.
 * `UPDATE=1 npm run test:unit` rewrites the expectations; review the diff before committing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildGraph } from '../../src/core/graph/build.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { assertExpected } from '../support/expected.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'graph');
const repo = join(import.meta.dirname, '..', '..');

for (const name of readdirSync(root).sort()) {
  test(`graph fixture ${name}`, async () => {
    const dir = join(root, name);
    const { inputs } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    const paths = inputs.map((p) => (p.startsWith('./') ? join(dir, p) : join(repo, p)));
    const source = await readOffline(paths);
    const graph = buildGraph(source.items);
    const actual = `${JSON.stringify(graph, null, 2)}\n`;
    const expectedFile = join(dir, 'expected.json');
    assertExpected(expectedFile, actual);
  });
}
