import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readRuleDocs } from '../../src/io/read-rule-docs.ts';
import {
  FINDINGS_PER_PAGE,
  findingGroups,
  findingPages,
  INLINE_FINDINGS,
} from '../../src/site/data/finding-groups.ts';
import { fixParts } from '../../src/site/data/fix-parts.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite } from '../../src/site/data/site.ts';

const ROOT = join(import.meta.dirname, '..', '..');

test('findings are grouped by severity then rule, every finding once, every anchor unique', async () => {
  const site = buildSite(
    readContent(await readContentDir(join(ROOT, 'content'))),
    await readRuleDocs(join(ROOT, 'docs', 'rules')),
  );
  const groups = site.findingGroups ?? [];
  const all = groups.flatMap((g) => g.rules.flatMap((r) => r.findings));
  assert.equal(all.length, site.findings?.length);
  assert.deepEqual(
    groups.map((g) => g.severity),
    ['high', 'medium', 'low'].filter((s) => site.findings?.some((f) => f.severity === s)),
  );
  const anchors = [...groups.flatMap((g) => g.rules.map((r) => r.anchor)), ...all.map((f) => f.anchor)];
  assert.equal(new Set(anchors).size, anchors.length);
  for (const g of groups) {
    for (const r of g.rules) {
      assert.ok(r.findings.every((f) => f.rule === r.rule && f.severity === g.severity));
      assert.equal(r.docUrl, `rules/${r.rule}/`, `${r.rule} has a doc page`);
    }
  }
  // Every rule doc is a page; the README is the index and its links reach the rule pages.
  const readme = site.rules.find((d) => d.id === 'README');
  assert.match(readme?.html ?? '', /href="\.\/volatile-device-name\/"/);
  assert.doesNotMatch(site.rules.map((d) => d.html).join(''), /href="[^"#]*\.md/);
});

test('a rule with many findings gets pages of its own, each bounded; a short one stays on the index', () => {
  const row = (rule: string, n: number) => ({
    rule,
    severity: 'medium' as const,
    id: null,
    object: `Deployment apps/app-${n}`,
    field: 'spec',
    message: 'm',
    fix: `fix ${n}`,
    url: null,
  });
  const many = 2 * FINDINGS_PER_PAGE + 7;
  const rows = [
    ...Array.from({ length: many }, (_, n) => row('backup-missing', n)),
    ...Array.from({ length: INLINE_FINDINGS }, (_, n) => row('backup-stale', n)),
  ];
  const groups = findingGroups(rows, () => true);
  const [big, small] = groups[0]?.rules ?? [];
  assert.deepEqual(big?.pages, [
    'findings/rule-backup-missing/',
    'findings/rule-backup-missing/2/',
    'findings/rule-backup-missing/3/',
  ]);
  assert.deepEqual(small?.pages, [], 'at the limit a group stays on the index');
  const pages = findingPages(groups);
  assert.deepEqual(
    pages.map((p) => [p.slug, p.number, p.findings.length]),
    [
      ['rule-backup-missing', 1, FINDINGS_PER_PAGE],
      ['rule-backup-missing/2', 2, FINDINGS_PER_PAGE],
      ['rule-backup-missing/3', 3, 7],
    ],
  );
  // Every finding of the group is on exactly one of its pages, in order.
  assert.deepEqual(
    pages.flatMap((p) => p.findings.map((f) => f.anchor)),
    big?.findings.map((f) => f.anchor),
  );
});

test('a fix shows each command as a block and keeps its words in order', () => {
  assert.deepEqual(
    fixParts('kubectl patch pv pvc-1 -p \'{"spec":{}}\'; for new volumes use a Retain class'),
    [
      { command: 'kubectl patch pv pvc-1 -p \'{"spec":{}}\'' },
      { text: 'for new volumes use a Retain class' },
    ],
  );
  assert.deepEqual(fixParts('say what the data is: kubectl label deployment -n apps x t=1, or an override'), [
    { text: 'say what the data is: ' },
    { command: 'kubectl label deployment -n apps x t=1' },
    { text: 'or an override' },
  ]);
  assert.deepEqual(fixParts('list them with `ls -l /dev/disk/by-id/` on k8s-2'), [
    { text: 'list them with ' },
    { code: 'ls -l /dev/disk/by-id/' },
    { text: ' on k8s-2' },
  ]);
  // Whatever the text, no word is lost: the parts hold every non-separator character in order.
  fc.assert(
    fc.property(fc.string(), (fix) => {
      const joined = fixParts(fix)
        .map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.command))
        .join('');
      const bare = (s: string) => s.replace(/`|; |, /g, '');
      assert.equal(bare(joined), bare(fix));
    }),
  );
});
