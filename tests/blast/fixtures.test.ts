/**
 * Each folder in tests/fixtures/blast (but `_common`) is one scenario (tests/support/blast-fixtures.ts):
 * its queries' `--json` answers must equal `expected.json`. `UPDATE=1` rewrites expected.json;
 * review the diff before committing.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { blastJson, blastRadius } from '../../src/core/analysis/blast/index.ts';
import { BLAST_FIXTURES, blastFixtureNames, loadBlastFixture } from '../support/blast-fixtures.ts';
import { assertExpected } from '../support/expected.ts';

for (const name of blastFixtureNames()) {
  test(`blast fixture ${name}`, async () => {
    const { analysis, queries } = await loadBlastFixture(name);
    const answers = queries.map((q) => ({
      query: q.why,
      ...(blastJson(blastRadius(analysis, q.target, { outage: q.outage ?? false })) as object),
    }));
    const actual = `${JSON.stringify(answers, null, 2)}\n`;
    assertExpected(join(BLAST_FIXTURES, name, 'expected.json'), actual);
  });
}
