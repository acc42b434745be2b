import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tiers from '../../src/core/analysis/tiers/index.ts';
import * as config from '../../src/core/config/index.ts';
import * as io from '../../src/io/read-config.ts';

test('tiers and config export exactly their public values', () => {
  assert.deepEqual(Object.keys(tiers).sort(), [
    'KNOWN_IMAGES',
    'TIERS',
    'TIER_MEANINGS',
    'TIER_RULES',
    'classifyTiers',
    'tierOf',
    'tierTargets',
  ]);
  assert.deepEqual(Object.keys(config).sort(), [
    'DEFAULT_CONFIG',
    'NO_TARGET_WORDS',
    'isDuration',
    'parseConfig',
    'parseConfigText',
    'parseDuration',
  ]);
  assert.deepEqual(Object.keys(io).sort(), ['CONFIG_FILE_NAME', 'readConfig']);
});

test('the rule table is in the documented order, overrides first and fixed', () => {
  assert.deepEqual(
    tiers.TIER_RULES.map((r) => [r.id, r.fixed]),
    [
      ['override-workload', true],
      ['override-namespace', true],
      ['override-config', true],
      ['config-rule', false],
      ['operator', false],
      ['image', false],
      ['forward-auth', false],
      ['labels', false],
      ['volumes', false],
    ],
  );
});
