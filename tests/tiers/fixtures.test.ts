/**
 * Each folder in tests/fixtures/tiers is one case: `inputs.yaml` (Kubernetes objects) and/or
 * `from.json` (`{"inputs": [...]}`: real files from ../shared/corpus or the sample cluster,
 * relative to the repository), an optional `config.yaml` (a tierbook.config.yaml), and
 * `expected.json`, every tier decision they must give. `UPDATE=1` rewrites the expectations;
 * review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { workloadDependencies } from '../../src/core/analysis/dependencies.ts';
import { classifyTiers } from '../../src/core/analysis/tiers/index.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { DEFAULT_CONFIG, parseConfigText } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { assertExpected } from '../support/expected.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'tiers');
const repo = join(import.meta.dirname, '..', '..');

async function tiersOfCase(dir: string) {
  const paths: string[] = [];
  if (existsSync(join(dir, 'inputs.yaml'))) paths.push(join(dir, 'inputs.yaml'));
  if (existsSync(join(dir, 'from.json'))) {
    const { inputs } = JSON.parse(readFileSync(join(dir, 'from.json'), 'utf8')) as { inputs: string[] };
    paths.push(...inputs.map((p) => join(repo, p)));
  }
  const configFile = join(dir, 'config.yaml');
  const config = existsSync(configFile)
    ? parseConfigText(readFileSync(configFile, 'utf8'), 'config.yaml')
    : DEFAULT_CONFIG;
  const source = await readOffline(paths);
  const index = new GraphIndex(buildGraph(source.items));
  const workloads = findWorkloads(index);
  return classifyTiers(index, workloads, workloadDependencies(index, workloads), config);
}

for (const name of readdirSync(root).sort()) {
  test(`tier fixture ${name}`, async () => {
    const dir = join(root, name);
    const tiers = await tiersOfCase(dir);
    const actual = `${JSON.stringify([...tiers.values()], null, 2)}\n`;
    const expectedFile = join(dir, 'expected.json');
    assertExpected(expectedFile, actual);
  });
}
