import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blastVerdict, type VerdictInput, verdictSentences } from '../../src/core/render/blast-verdict.ts';

const item = (
  name: string,
  impact: VerdictInput['impact'],
  backups: VerdictInput['backups'],
): VerdictInput => ({
  id: `x/${name}`,
  name,
  tier: 1,
  impact,
  backups,
});

test('the verdict says, per workload that loses data, whether a backup survives', () => {
  const verdict = blastVerdict('osd/3', [
    item('db-a', 'data-loss', [{ survives: false }, { survives: true }]),
    item('db-b', 'data-loss', [{ survives: false }]),
    item('db-c', 'data-loss', []),
    item('db-d', 'data-loss', null),
    item('web', 'unavailable', []),
  ]);
  assert.deepEqual(
    verdict.lose.map((w) => [w.name, w.backup]),
    [
      ['db-a', 'survives'],
      ['db-b', 'lost'],
      ['db-c', 'none'],
      ['db-d', 'unknown'],
    ],
  );
  assert.deepEqual(verdict.runbook, { id: 'osd-remove', command: 'tierbook runbook osd-remove osd/3' });
  const text = verdictSentences(verdict).join(' ');
  assert.match(text, /4 lose data: tier 1 db-a \(backup survives\), tier 1 db-b \(NO backup survives\)/);
  assert.match(text, /tier 1 db-c \(NO backup\), tier 1 db-d \(backups not known\)/);
  assert.match(text, /1 goes dark: tier 1 web\./);
});

test('a runbook is named only for one target of a type that has one', () => {
  assert.equal(blastVerdict('node/k8s-1 + node/k8s-2', []).runbook, null);
  assert.equal(blastVerdict('storageclass/ceph-block', []).runbook, null);
  assert.equal(blastVerdict('node/k8s-1', []).runbook?.id, 'node-drain');
  assert.deepEqual(verdictSentences(blastVerdict('node/k8s-1', [])), ['Verdict: no workload is affected.']);
});

test('past six names a list ends with "and N more"', () => {
  const many = Array.from({ length: 9 }, (_, i) => item(`w${i}`, 'unavailable', []));
  const [, dark] = verdictSentences(blastVerdict('pool/ns/p', many));
  assert.match(dark ?? '', /^9 go dark: .*tier 1 w5, and 3 more\.$/);
});
