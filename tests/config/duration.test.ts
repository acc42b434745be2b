import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tierTargets } from '../../src/core/analysis/tiers/index.ts';
import { DEFAULT_CONFIG, isDuration, parseConfigText, parseDuration } from '../../src/core/config/index.ts';

test('durations in seconds; the no-target words are null', () => {
  const cases: [string, number | null][] = [
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
    ['24h', 86_400],
    ['7d', 604_800],
    ['2w', 1_209_600],
    ['1h30m', 5400],
    ['best-effort', null],
    ['none', null],
    ['redeploy', null],
  ];
  for (const [text, seconds] of cases) assert.equal(parseDuration(text), seconds, text);
});

test('anything else is not a duration, and parseDuration says what to write', () => {
  for (const text of ['', '1', 'h', '1 h', '1.5h', '-1h', '0m', '1H', '1y', 'soon', 'best effort']) {
    assert.equal(isDuration(text), false, text);
    assert.throws(
      () => parseDuration(text),
      /^RangeError: not a duration: ".*" \(write e\.g\. 15m, 1h, 24h, 7d or best-effort\)$/,
    );
  }
});

test('tier targets: the default table, and a configured tier', () => {
  assert.deepEqual(tierTargets(DEFAULT_CONFIG, 0), {
    tier: 0,
    meaning:
      'foundation: identity providers, secrets/PKI, storage and cluster metadata, databases other tier-0 services need',
    rpo: '15m',
    rto: '1h',
    rpoSeconds: 900,
    rtoSeconds: 3600,
  });
  assert.deepEqual(
    [3, 4]
      .map((t) => tierTargets(DEFAULT_CONFIG, t as 3 | 4))
      .map((x) => [x.rpo, x.rpoSeconds, x.rto, x.rtoSeconds]),
    [
      ['best-effort', null, '72h', 259_200],
      ['none', null, 'redeploy', null],
    ],
  );
  const config = parseConfigText('tiers:\n  1: { rpo: 30m }\n', 'c.yaml');
  assert.deepEqual([tierTargets(config, 1).rpoSeconds, tierTargets(config, 1).rtoSeconds], [1800, 14_400]);
});
