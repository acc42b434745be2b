/**
 * tierbook.config.yaml: defaults, a valid file, and every kind of error with its exact message
 * (file:line, field path, what was found, what to write, where the docs are).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, parseConfig, parseConfigText } from '../../src/core/config/index.ts';
import { InputError } from '../../src/core/errors.ts';

const FILE = 'tierbook.config.yaml';

function errorOf(text: string): string {
  try {
    parseConfigText(text, FILE);
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error.describe();
  }
  return assert.fail('the config was accepted');
}

test('no file, an empty file or a comment-only file give the defaults, the ARCHITECTURE tier table', () => {
  assert.deepEqual(DEFAULT_CONFIG.tiers, {
    0: { rpo: '15m', rto: '1h' },
    1: { rpo: '1h', rto: '4h' },
    2: { rpo: '24h', rto: '24h' },
    3: { rpo: 'best-effort', rto: '72h' },
    4: { rpo: 'none', rto: 'redeploy' },
  });
  assert.deepEqual(
    [
      DEFAULT_CONFIG.rules,
      DEFAULT_CONFIG.overrides,
      DEFAULT_CONFIG.identityProviders,
      DEFAULT_CONFIG.backupTargets,
    ],
    [[], [], [], []],
  );
  assert.deepEqual(parseConfig(undefined, FILE), DEFAULT_CONFIG);
  assert.deepEqual(parseConfigText('', FILE), DEFAULT_CONFIG);
  assert.deepEqual(parseConfigText('# nothing yet\n', FILE), DEFAULT_CONFIG);
  assert.deepEqual(parseConfigText('rules:\noverrides:\n', FILE), DEFAULT_CONFIG);
});

test('the defaults are frozen and a parsed config is a copy that can be changed', () => {
  assert.throws(() => (DEFAULT_CONFIG.rules as unknown[]).push(1), TypeError);
  assert.throws(() => {
    DEFAULT_CONFIG.tiers[0].rpo = '1m';
  }, TypeError);
  const parsed = parseConfigText('', FILE);
  parsed.tiers[0].rpo = '1m';
  assert.equal(DEFAULT_CONFIG.tiers[0].rpo, '15m');
});

test('a full file: tier targets merge field by field with the defaults, lists are kept in order', () => {
  const config = parseConfigText(
    `tiers:
  1: { rpo: 30m }
  "3":
    rto: 5d
rules:
  - match: { image: ghcr.io/acme/ledger, namespace: "finance-*" }
    tier: 1
    reason: the ledger
  - match: { label: app.kubernetes.io/part-of=wiki }
    tier: "2"
overrides:
  - workload: media/Deployment/jellyfin
    tier: 3
    reason: the library can be re-ripped
  - workload: auth/authentik-redis
    tier: 0
identityProviders: [ghcr.io/pocket-id/pocket-id, "sso-*"]
backupTargets:
  - match: s3.eu-central-003.backblazeb2.com
    where: outside
  - match: minio.minio.svc
    where: in-cluster
accept:
  - rule: backup-missing
    object: media/Deployment/jellyfin
    reason: re-rippable
    until: 2027-03-31
`,
    FILE,
  );
  assert.deepEqual(config, {
    tiers: {
      0: { rpo: '15m', rto: '1h' },
      1: { rpo: '30m', rto: '4h' },
      2: { rpo: '24h', rto: '24h' },
      3: { rpo: 'best-effort', rto: '5d' },
      4: { rpo: 'none', rto: 'redeploy' },
    },
    rules: [
      { match: { image: 'ghcr.io/acme/ledger', namespace: 'finance-*' }, tier: 1, reason: 'the ledger' },
      { match: { label: 'app.kubernetes.io/part-of=wiki' }, tier: 2, reason: '' },
    ],
    overrides: [
      { workload: 'media/Deployment/jellyfin', tier: 3, reason: 'the library can be re-ripped' },
      { workload: 'auth/authentik-redis', tier: 0, reason: '' },
    ],
    identityProviders: ['ghcr.io/pocket-id/pocket-id', 'sso-*'],
    backupTargets: [
      { match: 's3.eu-central-003.backblazeb2.com', where: 'outside' },
      { match: 'minio.minio.svc', where: 'in-cluster' },
    ],
    accept: [
      {
        rule: 'backup-missing',
        object: 'media/Deployment/jellyfin',
        reason: 're-rippable',
        who: null,
        until: '2027-03-31',
      },
    ],
  });
});

const ERRORS: [string, string, string][] = [
  [
    'a duration with a space',
    'tiers:\n  1:\n    rpo: 1 hour\n',
    'tierbook.config.yaml:3: field tiers.1.rpo: found "1 hour": expected a duration such as "15m", "1h", "24h", "7d", or "best-effort", "none", "redeploy" (units s, m, h, d, w; no spaces). Write for example: rpo: 1h (see docs/config.md#tiers)',
  ],
  [
    'a duration given as a number',
    'tiers:\n  0: { rto: 60 }\n',
    'tierbook.config.yaml:2: field tiers.0.rto: found number 60, expected a duration such as "15m", "1h", "24h", "7d", or "best-effort", "none", "redeploy". Write for example: rto: 4h (see docs/config.md#tiers)',
  ],
  [
    'a tier that does not exist',
    'tiers:\n  5: { rpo: 1h }\n',
    'tierbook.config.yaml:2: field tiers.5: unknown field "5"; known fields: 0, 1, 2, 3, 4. (see docs/config.md#tiers)',
  ],
  [
    'tier targets as a string',
    'tiers:\n  2: 24h\n',
    'tierbook.config.yaml:2: field tiers.2: found "24h", expected a mapping with rpo and rto. Write for example: 2: { rpo: 24h, rto: 24h } (see docs/config.md#tiers)',
  ],
  [
    'a misspelt top-level field',
    'overides: []\n',
    'tierbook.config.yaml:1: field overides: unknown field "overides"; did you mean "overrides"? (see docs/config.md)',
  ],
  [
    'snake case for a camelCase field',
    'identity_providers: [pocket-id]\n',
    'tierbook.config.yaml:1: field identity_providers: unknown field "identity_providers"; did you mean "identityProviders"? (see docs/config.md)',
  ],
  [
    'a misspelt field in a rule match',
    'rules:\n  - match: { image: x }\n    tier: 1\n  - match: { imag: ledger }\n    tier: 1\n',
    'tierbook.config.yaml:4: field rules[1].match.imag: unknown field "imag"; did you mean "image"? (see docs/config.md#rules)',
  ],
  [
    'a rule without a tier',
    'rules:\n  - match: { image: ledger }\n',
    'tierbook.config.yaml:2: field rules[0].tier: missing. Write for example: tier: 1 (see docs/config.md#rules)',
  ],
  [
    'a rule with an empty match',
    'rules:\n  - match: {}\n    tier: 1\n',
    'tierbook.config.yaml:2: field rules[0].match: an empty match would match every workload; give at least one of image, namespace, name, label. Write for example: match: { namespace: finance } (see docs/config.md#rules)',
  ],
  [
    'a tier in words',
    'rules:\n  - match: { name: ledger }\n    tier: high\n',
    'tierbook.config.yaml:3: field rules[0].tier: found "high", expected a tier 0, 1, 2, 3 or 4. Write for example: tier: 1 (see docs/config.md#rules)',
  ],
  [
    'a label that is not key=value',
    'rules:\n  - match: { label: "part of = finance" }\n    tier: 1\n',
    'tierbook.config.yaml:2: field rules[0].match.label: found "part of = finance": expected a label "key=value" or "key", e.g. app.kubernetes.io/name=ledger. Write for example: label: app.kubernetes.io/part-of=ledger (see docs/config.md#rules)',
  ],
  [
    'rules as a mapping',
    'rules:\n  ledger: 1\n',
    'tierbook.config.yaml:1: field rules: found a mapping, expected a list of rules, each a mapping with match, tier and reason. Write for example: rules: [{ match: { image: ghcr.io/acme/ledger }, tier: 1, reason: the ledger database }] (see docs/config.md#rules)',
  ],
  [
    'a rule that is a string',
    'rules:\n  - ledger\n',
    'tierbook.config.yaml:2: field rules[0]: found "ledger", expected a mapping with match, tier and reason. Write for example: rules: [{ match: { image: ghcr.io/acme/ledger }, tier: 1, reason: the ledger database }] (see docs/config.md#rules)',
  ],
  [
    'an override without a namespace',
    'overrides:\n  - workload: jellyfin\n    tier: 2\n',
    'tierbook.config.yaml:2: field overrides[0].workload: found "jellyfin": expected "namespace/Kind/name" or "namespace/name", e.g. databases/Cluster/pg-main. Write for example: workload: databases/Cluster/pg-main (see docs/config.md#overrides)',
  ],
  [
    'an identity provider that is not a string',
    'identityProviders: [pocket-id, 3]\n',
    'tierbook.config.yaml:1: field identityProviders[1]: found number 3, expected an image or workload name. Write for example: identityProviders: [ghcr.io/pocket-id/pocket-id] (see docs/config.md#identityproviders)',
  ],
  [
    'a misspelt backup target place',
    'backupTargets:\n  - match: b2\n    where: outsde\n',
    'tierbook.config.yaml:3: field backupTargets[0].where: found "outsde", expected "in-cluster" or "outside" (did you mean "outside"?). Write for example: where: outside (see docs/config.md#backuptargets)',
  ],
  [
    'a backup target without a match',
    'backupTargets:\n  - where: outside\n',
    'tierbook.config.yaml:2: field backupTargets[0].match: missing. Write for example: match: s3.eu-central-003.backblazeb2.com (see docs/config.md#backuptargets)',
  ],
  [
    'a list at the top',
    '- tiers\n',
    'tierbook.config.yaml:1: found a list, expected a mapping with tiers, rules, overrides, identityProviders, backupTargets and/or accept. (see docs/config.md)',
  ],
  [
    'YAML syntax: a tab for indentation',
    'tiers:\n\t1: { rpo: 1h }\n',
    'tierbook.config.yaml:2: YAML syntax error at column 1: Tabs are not allowed as indentation',
  ],
  [
    'YAML syntax: a duplicate key',
    'rules: []\nrules: []\n',
    'tierbook.config.yaml:2: YAML syntax error at column 1: Map keys must be unique',
  ],
];

for (const [what, text, message] of ERRORS) {
  test(`config error: ${what}`, () => {
    assert.equal(errorOf(text), message);
  });
}

test('an InputError names the field separately, for tools', () => {
  try {
    parseConfigText('tiers:\n  1:\n    rpo: soon\n', FILE);
    assert.fail('accepted');
  } catch (error) {
    assert.ok(error instanceof InputError);
    assert.equal(error.field, 'tiers.1.rpo');
    assert.deepEqual(error.from, { file: FILE, line: 3 });
  }
});

test('parseConfig on plain data (no YAML positions) names the file and the field', () => {
  assert.throws(
    () => parseConfig({ tiers: { 1: { rpo: '1 hour' } } }, 'config.json'),
    (error: unknown) =>
      error instanceof InputError &&
      error.describe().startsWith('config.json: field tiers.1.rpo: found "1 hour": expected a duration'),
  );
});
