import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as offline from '../../src/core/sources/offline/index.ts';
import * as io from '../../src/io/read-offline.ts';

test('the offline source exports exactly its public functions', () => {
  assert.deepEqual(Object.keys(offline).sort(), [
    'KUSTOMIZE_FILE_NAMES',
    'compareItems',
    'decodeText',
    'dedupeItems',
    'detectDumpLayout',
    'fluxVariables',
    'kindHintFor',
    'kindsNamedIn',
    'kustomizeEntries',
    'notReadFile',
    'parseDocuments',
    'scanUnresolved',
    'sortItems',
    'substituteVariables',
    'substitutionDisabled',
  ]);
  assert.deepEqual(Object.keys(io), ['readOffline']);
});
