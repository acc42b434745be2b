/**
 * The restore rules beyond their docs examples (tests/checks/rule-docs.test.ts runs those):
 * restoreWindow in tierbook.config.yaml decides which tiers are asked and how recent a proven
 * restore must be; evidence read from the cluster (here a k8up Restore) counts like a drill.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { restoreUntested } from '../../src/core/analysis/checks/rules/restore-untested.ts';
import { parseConfigText } from '../../src/core/config/index.ts';
import { InputError } from '../../src/core/errors.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';
import { analysisOf, SAMPLE_NOW } from '../checks/support.ts';

const docs = readFileSync(
  join(import.meta.dirname, '..', '..', 'docs', 'rules', 'restore-untested.md'),
  'utf8',
);
const [failing = '', passing = ''] = [
  ...docs.matchAll(/^```yaml (?:failing|passing)\n([\s\S]*?)^```$/gm),
].map((m) => m[1] as string);
const items = (yaml: string) =>
  keepKnownKinds({ ...parseDocuments(yaml, 'restore-untested.md'), unreadable: [] }).items;
const messages = (yaml: string, config: string, now = SAMPLE_NOW) =>
  restoreUntested
    .check(analysisOf(items(yaml), now, parseConfigText(config, 'tierbook.config.yaml')))
    .map((f) => f.message);

test('restoreWindow: a tier set to none is not asked; a shorter window makes an old restore too old', () => {
  assert.equal(messages(failing, '').length, 1, 'tier 1 is asked by default');
  assert.deepEqual(messages(failing, 'restoreWindow: { 1: none }'), []);
  // The passing example's restore finished 2026-11-12T09:23:00Z: 11 d 20 h before --now.
  assert.deepEqual(messages(passing, 'restoreWindow: { 1: 180d }'), []);
  assert.deepEqual(messages(passing, 'restoreWindow: { 1: 7d }'), [
    'tier-1 docs/wiki (Deployment): its last proven restore (velero restore velero/wiki-drill from Backup velero/daily-20261124050000 finished 2026-11-12T09:23:00Z, took 23 min) is 11 d 20 h old at 2026-11-24T06:00:00Z; the tier asks for one within 7d',
  ]);
  // Tier 2 is not asked by default; a window for it asks.
  const tier2 = failing.replace('tierbook.io/tier: "1"', 'tierbook.io/tier: "2"');
  assert.deepEqual(messages(tier2, ''), []);
  assert.equal(messages(tier2, 'restoreWindow: { 2: 365d }').length, 1);
});

test('restoreWindow rejects what is not a duration, naming the field', () => {
  assert.throws(
    () => parseConfigText('restoreWindow:\n  0: 3 months\n', 'tierbook.config.yaml'),
    (error: unknown) =>
      error instanceof InputError &&
      error.field === 'restoreWindow.0' &&
      error.from.line === 2 &&
      /found "3 months"/.test(error.message),
  );
});
