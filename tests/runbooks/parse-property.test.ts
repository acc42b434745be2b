/**
 * For all inputs made of a real runbook's lines (dropped, repeated, reordered) and of arbitrary
 * text: the parser never throws; it returns either a runbook and no problem, or no runbook and
 * problems that each name the file and a line of the text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseRunbook } from '../../src/core/runbooks/parse.ts';
import { REPO } from './support.ts';

const LINES = readFileSync(join(REPO, 'runbooks', 'osd-remove.md'), 'utf8').split('\n');

function check(text: string): void {
  const { runbook, problems } = parseRunbook('runbooks/x.md', text);
  const lines = text.split('\n').length;
  if (runbook) assert.deepEqual(problems, []);
  else assert.ok(problems.length > 0, 'no runbook and no problem');
  for (const p of problems) {
    assert.equal(p.file, 'runbooks/x.md');
    assert.ok(p.line >= 1 && p.line <= lines, `line ${p.line} of ${lines}: ${p.message}`);
    assert.ok(p.message.length > 0);
  }
}

test('lines of a real runbook, dropped, repeated or reordered', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(LINES.length - 1), { maxLength: 400 }), (picks) => {
      check(picks.map((i) => LINES[i] ?? '').join('\n'));
    }),
    { numRuns: 200 },
  );
});

test('a real runbook with one line dropped or replaced by arbitrary text', () => {
  fc.assert(
    fc.property(fc.nat(LINES.length - 1), fc.string(), (at, replacement) => {
      check(LINES.map((l, i) => (i === at ? replacement : l)).join('\n'));
      check(LINES.filter((_, i) => i !== at).join('\n'));
    }),
    { numRuns: 50 },
  );
});
