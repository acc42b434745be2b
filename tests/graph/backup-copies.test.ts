import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKUP_COPIES } from '../../src/core/graph/backups/copies.ts';
import { BACKUP_ADAPTERS } from '../../src/core/graph/backups/index.ts';

// The table a saved analysis reads instead of loading the adapters says what each adapter says.
test('BACKUP_COPIES is each backup adapter’s `copies`, for every system and no other', () => {
  assert.deepEqual(BACKUP_COPIES, Object.fromEntries(BACKUP_ADAPTERS.map((a) => [a.system, a.copies])));
});
