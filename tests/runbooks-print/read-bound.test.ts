import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { toJson, withFrontMatter } from '../../src/core/render/front-matter.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { readBoundFixture } from '../support/runbook-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const index = await readFile(join(ROOT, 'content', 'index.md'), 'utf8');
const bound = await readBoundFixture();

function contentWith(runbook: unknown) {
  const page = withFrontMatter({ type: 'runbook', id: 'x', title: 'x', runbook: toJson(runbook) }, '');
  return readContent(
    new Map([
      ['index.md', index],
      ['runbooks/osd-remove.osd-3.md', page],
    ]),
  );
}

test("a runbook page's front matter reads back as the BoundRunbook it was written from", () => {
  assert.deepEqual(contentWith(bound).runbooks[0]?.bound, bound);
});

test('a wrong field in a runbook page is bad input naming the file and the field', () => {
  const broken = structuredClone(bound);
  (broken.gates[1] as { status: string }).status = 'ok';
  assert.throws(
    () => contentWith(broken),
    (e: unknown) =>
      e instanceof InputError &&
      /runbooks\/osd-remove\.osd-3\.md: field runbook\.gates\[1\]\.status: expected one of pass, fail, unknown, got "ok"/.test(
        e.describe(),
      ),
  );
  const noExpect = structuredClone(bound);
  const verify = noExpect.steps[1]?.verify as { expect?: string };
  delete verify.expect;
  assert.throws(() => contentWith(noExpect), /expected a string, got nothing/);
});
