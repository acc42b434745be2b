import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as checks from '../../src/core/analysis/checks/index.ts';
import {
  type Finding,
  failsAt,
  lowerSeverity,
  severityForTier,
  sortFindings,
} from '../../src/core/analysis/checks/index.ts';

function finding(rule: string, severity: Finding['severity'], id: string, field = 'spec'): Finding {
  const [, kind = '', namespace = '', name = ''] = id.split('/');
  return {
    rule,
    severity,
    id,
    object: { apiVersion: 'v1', kind, namespace, name },
    field,
    message: 'm',
    fix: 'f',
  };
}

test('severity follows tier: base on 0 and 1, one lower on 2, low on 3, none on 4', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((t) => severityForTier('high', t as 0 | 1 | 2 | 3 | 4)),
    ['high', 'high', 'medium', 'low', null],
  );
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((t) => severityForTier('medium', t as 0 | 1 | 2 | 3 | 4)),
    ['medium', 'medium', 'low', 'low', null],
  );
  assert.equal(lowerSeverity('high', 2), 'low');
  assert.equal(lowerSeverity('low'), 'low');
});

test('failsAt: at or above --fail-on; none never fails', () => {
  const medium = [finding('r', 'medium', 'core/Pod/a/b')];
  assert.equal(failsAt(medium, 'high'), false);
  assert.equal(failsAt(medium, 'medium'), true);
  assert.equal(failsAt(medium, 'low'), true);
  assert.equal(failsAt(medium, 'none'), false);
  assert.equal(failsAt([], 'low'), false);
});

test('findings sort by severity, rule, object id, field; exact repeats are kept once', () => {
  const sorted = sortFindings([
    finding('b', 'low', 'core/Pod/a/x'),
    finding('a', 'high', 'core/Pod/a/y', 'spec.b'),
    finding('a', 'high', 'core/Pod/a/y', 'spec.a'),
    finding('a', 'high', 'core/Pod/a/x'),
    finding('c', 'medium', 'core/Pod/a/x'),
    finding('a', 'high', 'core/Pod/a/x'),
  ]);
  assert.deepEqual(
    sorted.map((f) => `${f.severity} ${f.rule} ${f.id} ${f.field}`),
    [
      'high a core/Pod/a/x spec',
      'high a core/Pod/a/y spec.a',
      'high a core/Pod/a/y spec.b',
      'medium c core/Pod/a/x spec',
      'low b core/Pod/a/x spec',
    ],
  );
});

test('the public API of checks is pinned', () => {
  assert.deepEqual(Object.keys(checks).sort(), [
    'FAIL_ON_VALUES',
    'RULES',
    'SEVERITY_ORDER',
    'compareFindings',
    'compareWithBaseline',
    'failsAt',
    'findingKey',
    'findingsJson',
    'findingsText',
    'lowerSeverity',
    'messageShape',
    'parseBaseline',
    'partialReadText',
    'runChecks',
    'severityForTier',
    'sortFindings',
    'summaryLine',
  ]);
});
