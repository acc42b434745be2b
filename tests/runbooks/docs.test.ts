/** docs/runbooks.md's placeholder table is the vocabulary table in the core, row for row. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { VOCABULARY } from '../../src/core/runbooks/vocabulary.ts';
import { REPO } from './support.ts';

test('docs/runbooks.md lists every placeholder as the core binds it', () => {
  const docs = readFileSync(join(REPO, 'docs', 'runbooks.md'), 'utf8');
  const rows = VOCABULARY.map(
    (p) =>
      `| \`${p.name}\` | ${p.for.length === 6 ? 'all' : p.for.join(', ')} | ${p.list ? 'list' : 'scalar'} | ${p.value} |`,
  );
  const table = ['| placeholder | bound for | kind | value |', '|---|---|---|---|', ...rows].join('\n');
  assert.ok(docs.includes(table), `docs/runbooks.md should contain:\n${table}`);
});
