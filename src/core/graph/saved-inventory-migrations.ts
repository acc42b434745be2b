import { InputError } from '../errors.ts';
import { SAVED_INVENTORY_SCHEMA } from './saved-inventory.ts';

/** graph.json's top level as parsed, before its fields are checked. */
export type RawSavedInventory = Record<string, unknown>;

/**
 * One step between schema versions: `migrate` turns a file of schema `from` into one of schema
 * `from + 1`, in memory (the file on disk is never changed by reading it).
 */
export interface SavedInventoryMigration {
  from: number;
  /** What changed, said when a migrated inventory is read. */
  what: string;
  migrate(raw: RawSavedInventory): RawSavedInventory;
}

/**
 * Every step from an older schema to the current one, one row per version. Empty while every
 * graph.json ever written is schema 1 (git history: the first one, commit ee5d5c1, reads as
 * today's): a change that adds an optional field (`tierbook`, the writer's version) keeps the
 * schema, since an older reader ignores what it does not know. A change an older reader would
 * misread bumps SAVED_INVENTORY_SCHEMA and adds its row here (docs/ci.md, "Versions").
 */
export const SAVED_INVENTORY_MIGRATIONS: readonly SavedInventoryMigration[] = [];

/**
 * Brings a parsed graph.json to schema `target` one step at a time. A newer schema is refused
 * (upgrade tierbook), an older one with no step to it is refused naming what to run; errors
 * name the file, the field `schema`, the version found and the one supported.
 */
export function migrateSavedInventory(
  raw: RawSavedInventory,
  file: string,
  steps: readonly SavedInventoryMigration[] = SAVED_INVENTORY_MIGRATIONS,
  target: number = SAVED_INVENTORY_SCHEMA,
): { raw: RawSavedInventory; applied: SavedInventoryMigration[] } {
  const found = raw.schema;
  if (typeof found !== 'number' || !Number.isInteger(found)) {
    const actual = found === undefined ? 'nothing' : JSON.stringify(found);
    throw new InputError(
      `expected a whole number (the schema version, ${target} for this tierbook), found ${actual}; regenerate it with "tierbook inventory"`,
      { from: { file }, field: 'schema' },
    );
  }
  const writer = typeof raw.tierbook === 'string' ? `tierbook ${raw.tierbook}` : 'a tierbook';
  if (found > target) {
    throw new InputError(
      `written by ${writer === 'a tierbook' ? 'a newer tierbook' : writer} with schema ${found}; this tierbook reads schema ${target} and older: upgrade tierbook, or regenerate the inventory with this one ("tierbook inventory")`,
      { from: { file }, field: 'schema' },
    );
  }
  let current = raw;
  const applied: SavedInventoryMigration[] = [];
  for (let version = found; version < target; version++) {
    const step = steps.find((s) => s.from === version);
    if (step === undefined) {
      throw new InputError(
        `written by ${writer} with schema ${found}; this tierbook reads schema ${target} and cannot migrate schema ${version}: regenerate it with "tierbook inventory" (with --from a dump, or against the cluster)`,
        { from: { file }, field: 'schema' },
      );
    }
    current = { ...step.migrate(current), schema: version + 1 };
    applied.push(step);
  }
  return { raw: current, applied };
}
