/**
 * Each folder in tests/fixtures/checks is one case: `inputs.json` lists offline inputs (real
 * files from ../shared/corpus; `now` optional), `expected.json` is what `check --json` finds in
 * them. `UPDATE=1` rewrites the expectations; review each finding by hand before committing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findingsJson, runChecks } from '../../src/core/analysis/checks/index.ts';
import { assertExpected } from '../support/expected.ts';
import { analysisOfPaths, SAMPLE_NOW } from './support.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'checks');
const repo = join(import.meta.dirname, '..', '..');

for (const name of readdirSync(root).sort()) {
  test(`check fixture ${name}`, async () => {
    const dir = join(root, name);
    const { inputs, now } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as {
      inputs: string[];
      now?: string;
    };
    const paths = inputs.map((p) => (p.startsWith('./') ? join(dir, p) : join(repo, p)));
    const findings = runChecks(await analysisOfPaths(paths, now ?? SAMPLE_NOW));
    const actual = `${JSON.stringify(findingsJson(findings), null, 2)}\n`;
    const expectedFile = join(dir, 'expected.json');
    assertExpected(expectedFile, actual);
  });
}
