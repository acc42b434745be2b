/**
 * The runbook parser (src/core/runbooks/parse.ts) on a small good runbook written for this test
 * from docs/runbooks.md's Format, and on broken copies of it: each broken copy must be rejected
 * with the file, the line and what is wrong.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRunbook } from '../../src/core/runbooks/parse.ts';

const GOOD = `---
id: osd-out
title: Take an OSD out
appliesTo: [osd]
tier: 0
rto: 4h
version: 2
sources:
  R1: https://github.com/rook/rook/blob/master/Documentation/Storage-Configuration/Advanced/ceph-osd-mgmt.md
  C1: https://docs.ceph.com/en/latest/rados/operations/add-or-rm-osds/
---

Intro prose for osd.{{osd.id}}.

## Before you start {#sign-in}

Pause: sign-in

- [ ] The incident id is written at the top of the sheet
- [ ] A second person reads each verify result back

## Mark the OSD out {#out}

Some prose.

Action:

\`\`\`sh
ceph osd out osd.{{osd.id}}
\`\`\`

Verify:

\`\`\`sh
ceph osd dump --format json | jq '.osds[] | select(.osd=={{osd.id}}) | .in'
\`\`\`

Expect: \`0\`

Abort if:

- any placement group is \`incomplete\` or \`down\`

Source: R1 §Remove an OSD, C1

## Time-out {#time-out}

Pause: time-out

- [ ] Read the OSD id {{osd.id}} aloud

## Purge {#purge}

Point of no return: the OSD is deleted from the cluster.

Action:

\`\`\`sh
ceph osd purge {{osd.id}} --yes-i-really-mean-it
\`\`\`

Verify: the OSD tree on the dashboard

Expect: no osd.{{osd.id}} and {{fill: what ceph -s says now}}

## Sign out {#sign-out}

Pause: sign-out

- [ ] Health written down
`;

const FILE = 'runbooks/osd-out.md';

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `test setup: "${needle}" is in the text`);
  return text.slice(0, i).split('\n').length;
}

test('a good runbook parses into steps, checks, commands, cites and placeholders', () => {
  const { runbook, problems } = parseRunbook(FILE, GOOD);
  assert.deepEqual(problems, []);
  assert.ok(runbook);
  assert.equal(runbook.meta.id, 'osd-out');
  assert.equal(runbook.meta.version, '2');
  assert.deepEqual(runbook.meta.appliesTo, ['osd']);
  assert.equal(runbook.intro, 'Intro prose for osd.{{osd.id}}.');
  assert.deepEqual(
    runbook.steps.map((s) => [s.id, s.pause]),
    [
      ['sign-in', 'sign-in'],
      ['out', null],
      ['time-out', 'time-out'],
      ['purge', null],
      ['sign-out', 'sign-out'],
    ],
  );
  const [signIn, out, , purge] = runbook.steps;
  assert.deepEqual(signIn?.checks, [
    'The incident id is written at the top of the sheet',
    'A second person reads each verify result back',
  ]);
  assert.equal(out?.text, 'Some prose.');
  assert.deepEqual(out?.action, { lang: 'sh', text: 'ceph osd out osd.{{osd.id}}' });
  assert.equal(out?.verify?.expect, '`0`');
  assert.deepEqual(out?.abort, ['any placement group is `incomplete` or `down`']);
  assert.deepEqual(out?.cites, ['R1 §Remove an OSD', 'C1']);
  assert.equal(out?.position.line, lineOf(GOOD, '## Mark the OSD out'));
  assert.equal(purge?.pointOfNoReturn, 'the OSD is deleted from the cluster.');
  assert.deepEqual(purge?.verify, {
    command: null,
    expect: 'no osd.{{osd.id}} and {{fill: what ceph -s says now}}',
    look: 'the OSD tree on the dashboard',
  });
  assert.deepEqual(runbook.placeholders, ['osd.id']);
  assert.match(runbook.digest, /^[0-9a-f]{64}$/);
});

/** One broken copy: what to replace, and the problem expected on the line of `at`. */
const BROKEN: { name: string; from: string; to: string; at: string; message: RegExp }[] = [
  {
    name: 'a work step with no verify',
    from: "Verify:\n\n```sh\nceph osd dump --format json | jq '.osds[] | select(.osd=={{osd.id}}) | .in'\n```\n\nExpect: `0`\n",
    to: '',
    at: '## Mark the OSD out',
    message: /work step "out" has no Verify:/,
  },
  {
    name: 'a work step with no expect',
    from: 'Expect: `0`\n',
    to: '',
    at: '## Mark the OSD out',
    message: /work step "out" has no Expect:/,
  },
  {
    name: 'a duplicate step id',
    from: '## Purge {#purge}',
    to: '## Purge {#out}',
    at: '## Purge',
    message: /duplicate step id "out"/,
  },
  {
    name: 'a heading without {#id}',
    from: '## Mark the OSD out {#out}',
    to: '## Mark the OSD out',
    at: '## Mark the OSD out',
    message: /has no \{#step-id\}/,
  },
  {
    name: 'a point of no return with no time-out before it',
    from: 'Pause: time-out\n\n- [ ] Read the OSD id {{osd.id}} aloud\n',
    to: 'Verify: the tree\n\nExpect: fine\n',
    at: '## Purge',
    message: /point of no return "purge" needs a Pause: time-out step right before it/,
  },
  {
    name: 'a point of no return with no verified work step before its time-out',
    from: "Verify:\n\n```sh\nceph osd dump --format json | jq '.osds[] | select(.osd=={{osd.id}}) | .in'\n```\n\nExpect: `0`\n",
    to: '',
    at: '## Purge',
    message: /needs a verified work step before its time-out/,
  },
  {
    name: 'an unknown Source: key',
    from: 'Source: R1 §Remove an OSD, C1',
    to: 'Source: R1 §Remove an OSD, X9',
    at: 'Source: R1 §Remove an OSD, X9',
    message: /Source: X9 is not a key of the front matter's sources \(R1, C1\)/,
  },
  {
    name: 'an unknown placeholder',
    from: 'ceph osd out osd.{{osd.id}}',
    to: 'ceph osd out osd.{{osd.number}}',
    at: 'ceph osd out osd.',
    message: /unknown placeholder \{\{osd\.number\}\}/,
  },
  {
    name: "a placeholder not bound for the runbook's appliesTo",
    from: 'ceph osd out osd.{{osd.id}}',
    to: 'ceph osd out osd.{{osd.id}} {{pool.name}}',
    at: 'ceph osd out osd.',
    message: /placeholder \{\{pool\.name\}\} is not bound for osd targets/,
  },
  {
    name: 'a bad tier',
    from: 'tier: 0',
    to: 'tier: 7',
    at: 'tier: 7',
    message: /front matter field tier: must be 0, 1, 2, 3, 4 or null/,
  },
  {
    name: 'an unknown appliesTo entry',
    from: 'appliesTo: [osd]',
    to: 'appliesTo: [osd, backup/tape]',
    at: 'appliesTo',
    message: /front matter field appliesTo: unknown entry "backup\/tape"/,
  },
  {
    name: 'a missing front matter field',
    from: 'rto: 4h\n',
    to: '',
    at: 'id: osd-out',
    message: /front matter field rto: missing/,
  },
  {
    name: 'an unknown front matter field',
    from: 'rto: 4h\n',
    to: 'rto: 4h\nowner: me\n',
    at: 'owner: me',
    message: /front matter field owner: unknown field/,
  },
  {
    name: 'a first step that is not a sign-in',
    from: 'Pause: sign-in\n\n- [ ] The incident id is written at the top of the sheet\n- [ ] A second person reads each verify result back\n',
    to: 'Verify: the sheet\n\nExpect: an incident id\n',
    at: '## Before you start',
    message: /the first step "sign-in" must be a Pause: sign-in/,
  },
  {
    name: 'a last step that is not a sign-out',
    from: 'Pause: sign-out\n\n- [ ] Health written down\n',
    to: 'Verify: health\n\nExpect: HEALTH_OK\n',
    at: '## Sign out',
    message: /the last step "sign-out" must be a Pause: sign-out/,
  },
  {
    name: 'an unknown pause kind',
    from: 'Pause: time-out',
    to: 'Pause: coffee',
    at: 'Pause: coffee',
    message: /Pause: must be one of sign-in, time-out, sign-out, got "coffee"/,
  },
  {
    name: 'a wipe by kernel name',
    from: 'ceph osd purge {{osd.id}} --yes-i-really-mean-it',
    to: 'sgdisk --zap-all /dev/sdc',
    at: '## Purge',
    message: /wipes a disk named by a kernel name/,
  },
  {
    name: 'a wipe by the recorded device path',
    from: 'ceph osd purge {{osd.id}} --yes-i-really-mean-it',
    to: 'wipefs -a {{osd.device.path}}',
    at: '## Purge',
    message: /wipe by \{\{osd\.device\.byId\}\}/,
  },
  {
    name: 'an Action: with no code block',
    from: 'Action:\n\n```sh\nceph osd out osd.{{osd.id}}\n```\n',
    to: 'Action:\n\nmark it out\n',
    at: 'Action:',
    message: /Action: must be followed by a fenced code block/,
  },
];

for (const b of BROKEN) {
  test(`rejected: ${b.name}`, () => {
    assert.ok(GOOD.includes(b.from), `test setup: "${b.from}" is in the good runbook`);
    const text = GOOD.replace(b.from, b.to);
    const { runbook, problems } = parseRunbook(FILE, text);
    assert.equal(runbook, null);
    const line = lineOf(text, b.at);
    const found = problems.find((p) => b.message.test(p.message));
    assert.ok(found, `expected ${b.message} among ${JSON.stringify(problems)}`);
    assert.equal(found.file, FILE);
    assert.equal(found.line, line, `line of ${JSON.stringify(found)}`);
  });
}

test('no front matter is one problem on line 1, and the body is still checked', () => {
  const { runbook, problems } = parseRunbook(FILE, GOOD.slice(GOOD.indexOf('Intro')));
  assert.equal(runbook, null);
  assert.deepEqual(problems[0], {
    file: FILE,
    line: 1,
    message: 'no front matter: the file must start with a --- block',
  });
});
