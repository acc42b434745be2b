/**
 * The guard's answers saved ahead (guard-context.json's `inventory.*` and `answers.*`
 * sections): each saved blast is the blast the analysis gives, restore ages measured against
 * the decision's `now`; every command, and any plan of several, decides the same through them
 * (or through the saved analysis when a blast is not saved) as on the full analysis; and the
 * commands that name one OSD, disk, node or pool are answered without the analysis.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { VERSION } from '../../scripts/cli/version.ts';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { blastRadius } from '../../src/core/analysis/blast/index.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { readSavedInventory } from '../../src/core/graph/read-saved-inventory.ts';
import { analysisImpacts, assessSteps } from '../../src/core/guard/assess.ts';
import { guardInventory } from '../../src/core/guard/inventory.ts';
import { guardInventoryTable } from '../../src/core/guard/inventory-table.ts';
import { recognise } from '../../src/core/guard/recognise.ts';
import { savedRuns } from '../../src/core/guard/saved-answers.ts';
import { type OpenedContext, openGuardContext, utf8Length } from '../../src/core/guard/saved-context.ts';
import { savedGuardContext } from '../../src/core/guard/saved-context-body.ts';
import { guardContextText } from '../../src/core/guard/saved-context-text.ts';
import { savedGuard } from '../../src/core/guard/saved-guard.ts';
import { assessWith, blastRuns } from '../../src/core/guard/weigh.ts';
import { sha256 } from '../../src/io/guard-context-file.ts';
import { blastFixtureInventories, fixtureInventory } from '../content-source/fixture-inventories.ts';
import { commandsFor } from './commands-for.ts';
import { REPO } from './support.ts';

/** Later than every inventory here: ages in the answers are measured against it. */
const LATER = '2026-12-01T06:00:00Z';

/** graph.json's text, its saved context opened as the guard opens it, and its full analysis. */
function opened(text: string, now: string): { opened: OpenedContext; full: Analysis } {
  const file = Buffer.from(guardContextText(text, VERSION, sha256));
  const found = openGuardContext(
    (at, length) => file.subarray(at, at + length),
    file.length,
    { graphBytes: Buffer.byteLength(text), graph: () => sha256(text), tierbook: VERSION },
    sha256,
  );
  assert.ok(!('unused' in found), `the context is used: ${'unused' in found ? found.unused : ''}`);
  const saved = readSavedInventory(text, 'graph.json');
  return { opened: found, full: analyze(saved.graph, { config: saved.config, now }) };
}

/** The decision the CLI makes from a saved context; `fromAnswers` says no analysis was read. */
function savedDecision(context: OpenedContext, now: string, command: string, node: string | null) {
  const { inventory, answers } = savedGuard(context, now);
  const recognised = recognise(command, node, inventory);
  const fromAnswers = blastRuns(recognised.steps).every((run) => answers.has(run));
  const source = fromAnswers ? answers : analysisImpacts(savedGuardContext(context, now).analysis);
  return { answer: assessWith(command, recognised, source, null), fromAnswers };
}

function fullDecision(full: Analysis, command: string, node: string | null) {
  return assessSteps(command, recognise(command, node, guardInventory(full)), full, null);
}

async function* clusters(): AsyncGenerator<{ name: string; text: string; now: string }> {
  yield { name: 'sample', text: readFileSync(join(REPO, 'content', 'graph.json'), 'utf8'), now: LATER };
  for await (const { name, text } of blastFixtureInventories()) yield { name, text, now: LATER };
  // The sample with Velero restores of its workloads: answers whose backups were restored.
  const restored = await fixtureInventory('sample-restored', [
    join(REPO, 'src', 'sample', 'cluster'),
    join(REPO, 'tests', 'fixtures', 'restores', 'velero', 'live.yaml'),
  ]);
  yield { name: restored.name, text: restored.text, now: LATER };
}

test('each saved answer is the blast the analysis gives, restore ages measured at the decision', async () => {
  let compared = 0;
  let restores = 0;
  for await (const { name, text, now } of clusters()) {
    const { opened: context, full } = opened(text, now);
    const { answers } = savedGuard(context, now);
    for (const run of savedRuns(guardInventoryTable(full))) {
      let expected: ReturnType<typeof blastRadius>;
      try {
        expected = blastRadius(full, run.targets, { outage: run.outage });
      } catch {
        assert.equal(
          answers.has(run),
          false,
          `${name}: ${run.targets[0]} cannot be answered, so is not saved`,
        );
        continue;
      }
      assert.ok(answers.has(run), `${name}: ${run.targets[0]} ${run.outage ? 'down' : 'lost'} is saved`);
      const got = answers.blast(run);
      assert.deepEqual(got.impacts, expected.impacts, `${name}: ${run.targets[0]} (outage ${run.outage})`);
      assert.deepEqual(got.assumptions, expected.assumptions, `${name}: ${run.targets[0]} assumptions`);
      for (const i of got.impacts) {
        assert.equal(
          answers.tierReason(i.id),
          full.tiers.get(i.id)?.reason ?? '',
          `${name}: ${i.id} tier reason`,
        );
        restores += i.backups.filter((b) => b.last_restore !== undefined).length;
      }
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared} answers`);
  assert.ok(restores > 0, `some answers carry a restore's age (${restores})`);
});

test('every command decides the same through the saved answers as on the full analysis', async () => {
  let decided = 0;
  let fromAnswers = 0;
  for await (const { name, text, now } of clusters()) {
    const { opened: context, full } = opened(text, now);
    for (const [command, node] of commandsFor(full)) {
      const saved = savedDecision(context, now, command, node);
      assert.deepEqual(saved.answer, fullDecision(full, command, node), `${name}: ${command}`);
      decided++;
      if (saved.fromAnswers && saved.answer.impacts.length > 0) fromAnswers++;
    }
  }
  assert.ok(decided > 300, `decided ${decided} commands`);
  // Purging an OSD, wiping a disk, draining a node, deleting a pool: read, not computed.
  assert.ok(fromAnswers > 100, `${fromAnswers} decisions with impacts read from saved answers alone`);
});

test('the incident is answered from saved answers alone, the same as on the full analysis', () => {
  const text = readFileSync(join(REPO, 'content', 'graph.json'), 'utf8');
  const { opened: context, full } = opened(text, LATER);
  for (const [command, node] of [
    ['ceph osd purge 3 --yes-i-really-mean-it', null],
    ['kubectl rook-ceph rook purge-osd 3 --force', null],
    ['wipefs -a /dev/sdc', 'k8s-2'],
    ['kubectl drain k8s-1 --ignore-daemonsets', null],
    ['ceph osd out 3', null],
  ] as const) {
    const saved = savedDecision(context, LATER, command, node);
    assert.ok(saved.fromAnswers, `${command}: from saved answers`);
    assert.deepEqual(saved.answer, fullDecision(full, command, node), command);
  }
  assert.equal(savedDecision(context, LATER, 'ceph osd purge 3', null).answer.level, 'data-loss');
});

test('any plan of several commands decides the same through the saved context (fast-check)', () => {
  const text = readFileSync(join(REPO, 'content', 'graph.json'), 'utf8');
  const { opened: context, full } = opened(text, LATER);
  const commands = commandsFor(full)
    .filter(([, node]) => node === null)
    .map(([command]) => command);
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...commands), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(' && ', '\n', '; '),
      (plan, join) => {
        const command = plan.join(join);
        assert.deepEqual(
          savedDecision(context, LATER, command, null).answer,
          fullDecision(full, command, null),
        );
      },
    ),
    { numRuns: 150 },
  );
});

test("a section's size in UTF-8 bytes is what Node writes for it, for any text (fast-check)", () => {
  for (const unit of ['binary', 'grapheme', 'binary-ascii'] as const)
    fc.assert(
      fc.property(fc.string({ unit }), (text) => utf8Length(text) === Buffer.byteLength(text)),
      { numRuns: 2000 },
    );
});
