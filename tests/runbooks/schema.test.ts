/** `runbook -o json` and `runbooks -o json` of the sample validate against their schemas (tierbook schema NAME). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCHEMAS } from '../../src/core/schemas/index.ts';
import { validate } from '../support/json-schema.ts';
import { REPO } from './support.ts';

const CLI = join(REPO, 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', 'src/sample/cluster', '--now', '2026-11-24T06:00:00Z'];
const json = (...args: string[]) => {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};
const schema = (name: string) => SCHEMAS[name] as Record<string, unknown>;

test('runbook osd-remove osd/3 -o json validates; a wrong gate status or an extra field does not', () => {
  const bound = json('runbook', 'osd-remove', 'osd/3', ...SAMPLE, '-o', 'json');
  assert.deepEqual(validate(schema('runbook'), bound), []);
  const wrong = structuredClone(bound) as { gates: { status: string; extra?: number }[] };
  if (wrong.gates[0]) {
    wrong.gates[0].status = 'ok';
    wrong.gates[0].extra = 1;
  }
  assert.equal(validate(schema('runbook'), wrong).length, 2);
});

test('runbooks -o json validates', () => {
  assert.deepEqual(validate(schema('runbooks'), json('runbooks', ...SAMPLE, '-o', 'json')), []);
});
