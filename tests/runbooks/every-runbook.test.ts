/**
 * Every runbook file in runbooks/ (the built-in ones, whoever wrote them) parses, and binds to
 * every target it applies to in the sample cluster and in every blast and backup fixture
 * (hand-written and corpus-based clusters): no placeholder is left unfilled, every fill-in is printed as
 * one, gates come first and a wipe never names a disk by its kernel name.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applicableRunbooks } from '../../src/core/runbooks/applies.ts';
import { bindRunbook } from '../../src/core/runbooks/bind.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { analysisOf, backupFixtureInputs, blastFixtureInputs, NOW, REPO, SAMPLE } from './support.ts';

const files = readdirSync(join(REPO, 'runbooks')).filter((f) => f.endsWith('.md'));
const { runbooks, problems } = await readRunbooks();
const bound = new Map<string, number>(runbooks.map((r) => [r.meta.id, 0]));

test('every file in runbooks/ parses with no problem', () => {
  assert.deepEqual(problems, []);
  assert.equal(runbooks.length, files.length);
  assert.ok(files.includes('osd-remove.md'));
});

const WIPE = /\b(sgdisk\s+--zap|wipefs|blkdiscard|dd\s[^\n]*of=|ceph-volume\s+lvm\s+zap|shred)/;
const KERNEL = /\/dev\/(sd[a-z]|nvme\d|vd[a-z]|hd[a-z]|xvd[a-z])/;

const sets = [{ name: 'sample', paths: [SAMPLE] }, ...blastFixtureInputs(), ...backupFixtureInputs()];
for (const set of sets) {
  test(`every applicable runbook binds on ${set.name}`, async () => {
    const analysis = await analysisOf(set.paths);
    for (const { runbook, target } of applicableRunbooks(runbooks, analysis)) {
      const where = `${runbook.meta.id} ${target ?? '(cluster)'} on ${set.name}`;
      const b = bindRunbook(runbook, analysis, target, { cluster: set.name, takenAt: NOW, unread: [] });
      bound.set(runbook.meta.id, (bound.get(runbook.meta.id) ?? 0) + 1);
      const json = JSON.stringify(b);
      assert.doesNotMatch(json, /\{\{/, `${where}: a placeholder is left unfilled`);
      for (const f of b.fillIns)
        assert.ok(json.includes(`⟨fill in: ${f.prompt}⟩`), `${where}: fill-in ${f.prompt}`);
      assert.equal(b.gates[0]?.id, 'read', where);
      assert.match(b.hash, /^[0-9a-f]{12}$/);
      assert.equal(b.steps.length, runbook.steps.length);
      assert.equal(b.steps[0]?.pause, 'sign-in');
      for (const s of b.steps)
        if (s.action && WIPE.test(s.action.text))
          assert.doesNotMatch(s.action.text, KERNEL, `${where} step ${s.id} wipes by kernel name`);
    }
  });
}

test('every runbook binds somewhere: in the sample or a fixture', () => {
  const never = [...bound].filter(([, n]) => n === 0).map(([id]) => id);
  assert.deepEqual(never, [], 'runbooks that apply to nothing tested: add a fixture they apply to');
});
