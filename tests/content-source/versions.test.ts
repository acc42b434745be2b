import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { blastJson, blastRadius, knownTargets } from '../../src/core/analysis/blast/index.ts';
import { runChecks } from '../../src/core/analysis/checks/index.ts';
import { InputError } from '../../src/core/errors.ts';
import { readSavedInventory } from '../../src/core/graph/read-saved-inventory.ts';
import { SAVED_INVENTORY_SCHEMA } from '../../src/core/graph/saved-inventory.ts';
import {
  migrateSavedInventory,
  SAVED_INVENTORY_MIGRATIONS,
  type SavedInventoryMigration,
} from '../../src/core/graph/saved-inventory-migrations.ts';
import { NOW, ROOT, SAMPLE, sampleContentCopy, tierbook } from '../reliability/support.ts';

const OLDEST = join(ROOT, 'tests', 'fixtures', 'content-versions', 'schema-1-ee5d5c1.graph.json');
const CURRENT = join(ROOT, 'content', 'graph.json');

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

test('the committed inventory records the tierbook that wrote it and the schema', async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const saved = readSavedInventory(readFileSync(CURRENT, 'utf8'), CURRENT);
  assert.equal(saved.schema, SAVED_INVENTORY_SCHEMA);
  assert.equal(saved.tierbook, version);
  assert.match(
    readFileSync(join(ROOT, 'content', 'index.md'), 'utf8'),
    new RegExp(`^tierbook: '?${version}'?$`, 'm'),
  );
});

// The first graph.json ever committed, read by this tierbook: it recorded no version and its
// configuration predates accept and restoreWindow; it must answer exactly as today's does.
test('the oldest graph.json in history reads, and answers as the current one', () => {
  const old = readSavedInventory(readFileSync(OLDEST, 'utf8'), OLDEST);
  const now = readSavedInventory(readFileSync(CURRENT, 'utf8'), CURRENT);
  assert.equal(old.tierbook, undefined, 'written before the version was recorded');
  assert.deepEqual(old.graph, now.graph);
  assert.deepEqual(old.config.accept, []);
  const before = analyze(old.graph, { config: old.config, now: NOW });
  const after = analyze(now.graph, { config: now.config, now: NOW });
  for (const target of knownTargets(after)) {
    assert.deepEqual(
      blastJson(blastRadius(before, [target], { outage: false })),
      blastJson(blastRadius(after, [target], { outage: false })),
      target.text,
    );
  }
  assert.deepEqual(runChecks(before), runChecks(after));
});

test('a newer schema is refused naming the file, the field, the version found and the one supported', () => {
  const text = readFileSync(CURRENT, 'utf8').replace(
    /^"schema": 1,$/m,
    `"schema": ${SAVED_INVENTORY_SCHEMA + 1},`,
  );
  const error = refusal(() => readSavedInventory(text, 'prod/graph.json'));
  assert.equal(error.field, 'schema');
  assert.equal(
    error.describe(),
    `prod/graph.json: field schema: written by tierbook 0.1.0 with schema ${SAVED_INVENTORY_SCHEMA + 1}; this tierbook reads schema ${SAVED_INVENTORY_SCHEMA} and older: upgrade tierbook, or regenerate the inventory with this one ("tierbook inventory")`,
  );
});

test('an older schema with no step to the current one is refused with what to run', () => {
  const text = readFileSync(OLDEST, 'utf8').replace(/^"schema": 1,$/m, '"schema": 0,');
  const error = refusal(() => readSavedInventory(text, 'lab/graph.json'));
  assert.equal(
    error.describe(),
    `lab/graph.json: field schema: written by a tierbook with schema 0; this tierbook reads schema ${SAVED_INVENTORY_SCHEMA} and cannot migrate schema 0: regenerate it with "tierbook inventory" (with --from a dump, or against the cluster)`,
  );
  for (const bad of ['"1"', '1.5', 'null']) {
    const wrong = refusal(() =>
      readSavedInventory(text.replace('"schema": 0,', `"schema": ${bad},`), 'g.json'),
    );
    assert.match(
      wrong.describe(),
      /^g\.json: field schema: expected a whole number \(the schema version, 1 for this tierbook\)/,
    );
  }
});

test('the migration table has one step per version below the current one', () => {
  const froms = SAVED_INVENTORY_MIGRATIONS.map((m) => m.from);
  assert.deepEqual(
    froms,
    Array.from({ length: SAVED_INVENTORY_SCHEMA - 1 }, (_, i) => i + 1),
  );
});

// The runner itself, over the oldest real file: steps run in order, one a version, each seeing
// the previous one's output, and the result is stamped with the version reached.
test('migrations run one step a version, in order, in memory', () => {
  const raw = JSON.parse(readFileSync(OLDEST, 'utf8')) as Record<string, unknown>;
  const seen: number[] = [];
  const steps: SavedInventoryMigration[] = [
    {
      from: 2,
      what: 'cluster becomes an object',
      migrate: (r) => {
        seen.push(r.schema as number);
        return { ...r, cluster: { name: r.cluster } };
      },
    },
    {
      from: 1,
      what: 'takenAt renamed',
      migrate: ({ takenAt, ...r }) => {
        seen.push(r.schema as number);
        return { ...r, inventoryTakenAt: takenAt };
      },
    },
  ];
  const { raw: migrated, applied } = migrateSavedInventory(raw, OLDEST, steps, 3);
  assert.deepEqual(seen, [1, 2]);
  assert.deepEqual(
    applied.map((s) => s.what),
    ['takenAt renamed', 'cluster becomes an object'],
  );
  assert.equal(migrated.schema, 3);
  assert.deepEqual(migrated.cluster, { name: 'sample-homelab' });
  assert.equal(migrated.inventoryTakenAt, '2026-11-24T06:00:00Z');
  assert.equal(raw.schema, 1, 'the parsed input is not changed');
  const gap = refusal(() => migrateSavedInventory(raw, OLDEST, [steps[1] as SavedInventoryMigration], 3));
  assert.match(gap.message, /cannot migrate schema 2/);
});

// An upgrade alone changes nothing in the cluster: a run that finds nothing new keeps the
// version that wrote the files (no drift for CI); a folder that records none gets it.
test('inventory keeps the recorded version when nothing else changed, and records it when missing', async (t) => {
  const { content } = await sampleContentCopy(t);
  const edit = async (file: string, from: RegExp, to: string) => {
    const text = await readFile(join(content, file), 'utf8');
    assert.match(text, from);
    await writeFile(join(content, file), text.replace(from, to));
  };
  await edit('index.md', /^tierbook: .*\n/m, 'tierbook: 0.0.9\n');
  await edit('graph.json', /^"tierbook": .*\n/m, '"tierbook": "0.0.9",\n');
  const args = ['inventory', '--from', SAMPLE, '--now', NOW, '--cluster', 'sample-homelab', '--out', content];
  const check = await tierbook([...args, '--check']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  const kept = await tierbook(args);
  assert.equal(kept.code, 0, kept.stderr);
  assert.match(kept.stdout, /already current; nothing written/);
  assert.match(await readFile(join(content, 'graph.json'), 'utf8'), /^"tierbook": "0\.0\.9",$/m);

  await edit('index.md', /^tierbook: .*\n/m, '');
  await edit('graph.json', /^"tierbook": .*\n/m, '');
  const stamped = await tierbook(args);
  assert.equal(stamped.code, 0, stamped.stderr);
  assert.match(stamped.stdout, /0 added, 2 changed, 0 removed/);
  assert.equal(await readFile(join(content, 'graph.json'), 'utf8'), await readFile(CURRENT, 'utf8'));
});

test('check --content refuses a newer inventory with exit 2, naming file, field and versions', async (t) => {
  const { content } = await sampleContentCopy(t);
  const graph = join(content, 'graph.json');
  await writeFile(graph, (await readFile(graph, 'utf8')).replace(/^"schema": 1,$/m, '"schema": 2,'));
  const run = await tierbook(['check', '--content', content]);
  assert.equal(run.code, 2, run.stderr);
  assert.match(
    run.stderr,
    /graph\.json: field schema: written by tierbook \S+ with schema 2; this tierbook reads schema 1 and older: upgrade tierbook/,
  );
  assert.equal(run.stdout, '');
});
