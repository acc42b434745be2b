/**
 * Each folder in tests/fixtures/backups is one case: `inputs.yaml` lists offline inputs (real
 * files from ../shared/corpus, or hand-made files in the folder, each saying where its shape
 * came from), the `now` backup ages are measured at, and optional `backupTargets` hints;
 * `expected.json` is what the adapters recorded and what backupCoverage made of it.
 * `UPDATE=1` rewrites the expectations; review the diff before committing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { TierbookConfig } from '../../src/core/config/model.ts';
import { assertExpected } from '../support/expected.ts';
import { backupReport } from './run-fixture.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'backups');
const repo = join(import.meta.dirname, '..', '..');

interface Case {
  inputs: string[];
  now: string;
  backupTargets?: TierbookConfig['backupTargets'];
}

for (const name of readdirSync(root).sort()) {
  test(`backup fixture ${name}`, async () => {
    const dir = join(root, name);
    const spec = parse(readFileSync(join(dir, 'inputs.yaml'), 'utf8')) as Case;
    const paths = spec.inputs.map((p) => (p.startsWith('./') ? join(dir, p) : join(repo, p)));
    const { report } = await backupReport(paths, spec.now, spec.backupTargets ?? []);
    assert.ok(report.policies.length > 0, 'a backup fixture must produce at least one policy');
    const actual = `${JSON.stringify(report, null, 2)}\n`;
    const expectedFile = join(dir, 'expected.json');
    assertExpected(expectedFile, actual);
  });
}
