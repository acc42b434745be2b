import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

/** content/ is the committed inventory of the sample cluster: it must be what tierbook writes now. */
test('the committed content/ is the current inventory of the sample cluster', () => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'tierbook.ts'), 'demo', '--check', '--out', join(ROOT, 'content')],
    { encoding: 'utf8' },
  );
  assert.equal(
    run.status,
    0,
    `content/ is stale; run "npm run inventory:sample" and commit.\n${run.stdout}${run.stderr}`,
  );
});
