import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Impact } from '../../src/site/data/content-model.ts';
import { DATA_LOSS_ROWS, shownImpacts } from '../../src/site/data/impact-rows.ts';
import type { ImpactRow } from '../../src/site/data/site-model.ts';

const row = (n: number, impact: Impact): ImpactRow => ({
  id: `apps/Deployment/app-${n}`,
  title: `Deployment apps/app-${n}`,
  tier: 2,
  impact,
  why: ['on the pool'],
  backups: [],
  url: null,
});

test('a long impact table keeps the workloads that lose data first and counts what it leaves out', () => {
  const rows = [
    ...Array.from({ length: 3 }, (_, n) => row(n, 'data-loss')),
    ...Array.from({ length: 50 }, (_, n) => row(100 + n, 'unavailable')),
    ...Array.from({ length: 7 }, (_, n) => row(200 + n, 'degraded')),
  ];
  const { shown, more, hidden } = shownImpacts(rows, 40);
  assert.equal(shown.filter((r) => r.impact === 'data-loss').length, 3);
  assert.equal(shown.length, 43);
  assert.deepEqual(shown, rows.slice(0, 43), 'in the core order');
  assert.equal(hidden, 17);
  assert.deepEqual(more, [
    { impact: 'unavailable', count: 10 },
    { impact: 'degraded', count: 7 },
  ]);
  // Data loss is listed first and up to its own limit, never folded behind the others...
  const lost = Array.from({ length: DATA_LOSS_ROWS }, (_, n) => row(n, 'data-loss'));
  assert.deepEqual(shownImpacts(lost, 40), { shown: lost, more: [], hidden: 0 });
  // ...past it (a pool of a large cluster), the rest are counted as data loss, not hidden.
  const many = [...lost, row(900, 'data-loss'), row(901, 'data-loss'), row(902, 'unavailable')];
  const capped = shownImpacts(many, 40);
  assert.deepEqual(capped.shown, [...lost, row(902, 'unavailable')]);
  assert.deepEqual(capped.more, [{ impact: 'data-loss', count: 2 }]);
  assert.equal(capped.hidden, 2);
  // A short table is shown whole.
  assert.deepEqual(shownImpacts(rows.slice(0, 10), 40).hidden, 0);
});
