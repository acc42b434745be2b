/**
 * Pinned outputs (fixture runners' expected.json, the check CLI's pinned output): compared,
 * never created by a plain test run. A missing file is a failure that says how to create it;
 * only `UPDATE=1` (re)writes it, and the diff is then reviewed by hand before committing.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function assertExpected(file: string, actual: string): void {
  if (process.env.UPDATE === '1') writeFileSync(file, actual);
  assert.ok(
    existsSync(file),
    `${relative(process.cwd(), file)} is missing: a test never writes its own expectation. Create it with \`UPDATE=1 npx node --test <this test file>\`, then read every line of it (is each answer right?) before committing it.`,
  );
  assert.equal(actual, readFileSync(file, 'utf8'));
}
