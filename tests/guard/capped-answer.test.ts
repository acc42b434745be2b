/**
 * On a large cluster the guard's text names the first workloads of each impact, every tier-0/1
 * workload that loses data, and counts the rest by tier; the summary names ten; preconditions
 * and runbooks are capped alike. The decision and `--json` keep every one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { assessSteps } from '../../src/core/guard/assess.ts';
import { guardInventory } from '../../src/core/guard/inventory.ts';
import { recognise } from '../../src/core/guard/recognise.ts';
import { renderGuardText } from '../../src/core/guard/render.ts';
import { LISTED } from '../../src/core/render/capped-list.ts';
import { analysisFrom, sourceOf } from '../support/pipeline.ts';
import { NOW } from './support.ts';

const analysis = await analysisFrom(sourceOf(syntheticCluster({ workloads: 400 })), { now: NOW });
const inventory = guardInventory(analysis);
const answerTo = (command: string) =>
  assessSteps(command, recognise(command, null, inventory), analysis, null);

/** The workloads a text names on an impact line: `tier N  Kind namespace/name`. */
function namedIn(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {2}tier \d {2}(\S+ \S+)/gm)].map((m) => m[1] as string));
}

/** What the tally lines count, per impact: "… and 75 data-loss (tier 2: 75) not listed here". */
function tallied(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const flat = text.replace(/\n\s+/g, ' ');
  for (const line of flat.matchAll(/… and (.*?) not listed here/g))
    for (const m of (line[1] as string).matchAll(/(\d+) (data-loss|unavailable|degraded) \(/g))
      counts.set(m[2] as string, (counts.get(m[2] as string) ?? 0) + Number(m[1]));
  return counts;
}

test('deleting the pool of a large cluster: every impact named or counted, none twice', () => {
  const answer = answerTo('ceph osd pool delete replicapool replicapool --yes-i-really-really-mean-it');
  assert.equal(answer.decision, 'block');
  assert.equal(answer.level, 'data-loss');
  const text = renderGuardText(answer);
  const named = namedIn(text);
  const counts = tallied(text);
  for (const impact of ['data-loss', 'unavailable', 'degraded'] as const) {
    const all = answer.impacts.filter((i) => i.impact === impact);
    const shown = all.filter((i) =>
      named.has(`${i.workload.kind} ${i.workload.namespace}/${i.workload.name}`),
    );
    assert.equal(shown.length + (counts.get(impact) ?? 0), all.length, `${impact}: named + counted = all`);
    if (all.length > LISTED) assert.ok(shown.length < all.length, `${impact}: capped`);
    // The gate's tiers never hide behind the cap.
    for (const i of all.filter((x) => x.impact === 'data-loss' && x.tier <= 1))
      assert.ok(shown.includes(i), `${i.workload.name} (tier ${i.tier}, data-loss) is named`);
  }
  assert.ok(
    answer.impacts.filter((i) => i.impact === 'data-loss').length > LISTED,
    'the synthetic pool loses more than a list shows',
  );
  // The summary names the ten worst and counts the others.
  const lost = answer.impacts.filter((i) => i.impact === 'data-loss').length;
  assert.match(answer.summary, new RegExp(`, and ${lost - 10} more$`));
  // Preconditions (a backup of each) are capped in the text and whole in the answer.
  assert.ok(answer.preconditions.length > LISTED);
  const listed = text.split('Preconditions that fail')[1]?.split('\n\n')[0] ?? '';
  assert.equal(listed.split('\n').filter((l) => l.startsWith('  - ')).length, LISTED + 1);
  assert.match(
    listed,
    new RegExp(`… and ${answer.preconditions.length - LISTED} more \\(--json lists every one\\)`),
  );
  assert.match(
    text.replace(/\n\s+/g, ' '),
    /tierbook blast pool\/rook-ceph\/replicapool, or --json, names every one/,
  );
});

test('a list within the cap is written whole, with no tally', () => {
  const answer = answerTo('kubectl delete namespace team-000');
  const text = renderGuardText(answer);
  assert.ok(answer.impacts.length > 0 && answer.impacts.length <= LISTED, 'a small blast');
  assert.equal(namedIn(text).size, answer.impacts.length);
  assert.doesNotMatch(text, /not listed here|more \(--json/);
});
