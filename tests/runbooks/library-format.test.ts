/**
 * Library rules for the built-in runbooks in runbooks/, on the real files, beyond what the
 * parser checks for any runbook (docs/runbooks.md, Format): the file is named after its id and
 * the id is a built-in id; every pause point has 5–9 items (WHO checklist design); every work
 * step cites a source; a command after which data is gone runs only in a point-of-no-return
 * step (so always behind a time-out); no command is forced.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Runbook } from '../../src/core/runbooks/model.ts';
import { parseRunbook } from '../../src/core/runbooks/parse.ts';

const DIR = 'runbooks';
/** The built-in runbook ids (runbooks/<id>.md), fixed for the library. */
const BUILT_IN = [
  'osd-remove',
  'osd-replace',
  'node-drain',
  'cnpg-restore',
  'pxc-restore',
  'velero-restore',
  'volsync-restore',
  'k8up-restore',
  'longhorn-restore',
  'idp-restore',
  'pool-rebuild',
  'cnpg-restore-drill',
  'velero-restore-drill',
];
/** Commands after which data is gone. */
const DESTRUCTIVE: readonly RegExp[] = [
  /\bkubectl\b.*\bdelete\s+(namespace|ns|pvc|persistentvolumeclaims?|pv|persistentvolumes?|nodes?)\b/,
  /\bkubectl\s+cnpg\s+destroy\b/,
  /\bceph\s+osd\s+(purge|destroy)\b/,
  /--yes-i-really-mean-it/,
  /\bceph-volume\s+lvm\s+zap\b/,
  /\bsgdisk\b.*--zap-all/,
  /\bwipefs\b/,
  /\bdd\b.*\bof=\/dev\//,
];

/** What breaks the library rules in one parsed runbook, as `line step: problem`. */
function libraryProblems(name: string, runbook: Runbook): string[] {
  const problems: string[] = [];
  if (name !== `${runbook.meta.id}.md`) problems.push(`the file is not named ${runbook.meta.id}.md`);
  if (!BUILT_IN.includes(runbook.meta.id)) problems.push(`${runbook.meta.id} is not a built-in id`);
  for (const [key, url] of Object.entries(runbook.meta.sources))
    if (!/^https:\/\//.test(url)) problems.push(`source ${key} is not a link`);
  for (const step of runbook.steps) {
    const at = `${step.position.line} ${step.id}`;
    if (step.pause) {
      if (step.checks.length < 5 || step.checks.length > 9)
        problems.push(`${at}: ${step.checks.length} items, a pause point has 5 to 9`);
      continue;
    }
    if (step.cites.length === 0) problems.push(`${at}: cites no source`);
    const commands = `${step.action?.text ?? ''}\n${step.verify?.command?.text ?? ''}`;
    if (/(^|\s)--force\b/.test(commands)) problems.push(`${at}: a command is forced`);
    if (step.pointOfNoReturn === null && DESTRUCTIVE.some((p) => p.test(commands)))
      problems.push(`${at}: destroys data outside a point of no return`);
  }
  return problems;
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

test('runbooks/ holds built-in runbooks', () => {
  assert.ok(files.length > 0, 'no runbook in runbooks/');
});

for (const f of files)
  test(`runbooks/${f} follows the library rules`, () => {
    const { runbook, problems } = parseRunbook(join(DIR, f), read(f));
    assert.deepEqual(problems, []);
    assert.ok(runbook);
    assert.deepEqual(libraryProblems(f, runbook), []);
  });

test('the rules catch a destructive step whose point of no return was dropped', () => {
  // A real runbook with a destructive point of no return turned into a plain step (its
  // `Point of no return:` line deleted): the copy still parses, the library rule must reject it.
  const destroys = (s: Runbook['steps'][number]) =>
    DESTRUCTIVE.some((p) => p.test(`${s.action?.text ?? ''}\n${s.verify?.command?.text ?? ''}`));
  const found = files
    .map((f) => ({
      f,
      step: parseRunbook(f, read(f)).runbook?.steps.find((s) => s.pointOfNoReturn !== null && destroys(s)),
    }))
    .find((x) => x.step !== undefined);
  assert.ok(found?.step, 'no runbook with a destructive point of no return to try the rule on');
  const { f, step } = found;
  const lines = read(f).split('\n');
  const pnr = lines.findIndex((l, i) => i >= step.position.line - 1 && l.startsWith('Point of no return:'));
  const broken = parseRunbook(f, lines.filter((_, i) => i !== pnr).join('\n'));
  assert.ok(broken.runbook, 'the copy without the point of no return still parses');
  assert.ok(
    libraryProblems(f, broken.runbook).includes(
      `${step.position.line} ${step.id}: destroys data outside a point of no return`,
    ),
  );
});

test('the rules catch a pause point with too few items and a step with no source', () => {
  const f = files[0] as string;
  const text = read(f)
    .replace(/^- \[ \] .*\n/m, '')
    .replace(/^- \[ \] .*\n/m, '')
    .replace(/^- \[ \] .*\n/m, '')
    .replace(/^Source: .*\n/m, '');
  const { runbook } = parseRunbook(f, text);
  assert.ok(runbook);
  const problems = libraryProblems(f, runbook);
  assert.ok(
    problems.some((p) => /items, a pause point has 5 to 9/.test(p)),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => /cites no source/.test(p)),
    problems.join('\n'),
  );
});
