import type { JsonSchema } from '../config/schema.ts';

/**
 * JSON Schemas (draft 2020-12) of what `-o json` prints, for tools that consume tierbook's
 * output. Each is checked against real output in tests/schemas/: a field added to an output
 * without its schema fails there. Objects are closed (additionalProperties: false) so a typo
 * in a consumer's expectations shows up against the schema, not in production.
 */
export const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

export const closed = (
  properties: Record<string, JsonSchema>,
  required: string[] = Object.keys(properties),
): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
export const str: JsonSchema = { type: 'string' };
export const strings: JsonSchema = { type: 'array', items: str };
export const tier: JsonSchema = { type: 'integer', minimum: 0, maximum: 4 };
const impact: JsonSchema = { enum: ['data-loss', 'unavailable', 'degraded'] };
const severity: JsonSchema = { enum: ['high', 'medium', 'low'] };
const objectRef = closed({ apiVersion: str, kind: str, namespace: str, name: str });
const counts = closed({
  'data-loss': { type: 'integer' },
  unavailable: { type: 'integer' },
  degraded: { type: 'integer' },
});

const impactSchema = closed({
  workload: objectRef,
  tier,
  impact,
  why: strings,
  backups: {
    type: 'array',
    items: closed({
      kind: str,
      system: str,
      last_success: { type: ['string', 'null'] },
      survives: { type: 'boolean' },
      why: str,
    }),
  },
});

const failureDomain = closed({
  target: str,
  type: { enum: ['osd', 'device', 'node', 'pool', 'storageclass'] },
  node: str,
  counts,
  worstTier: { anyOf: [tier, { type: 'null' }] },
  summary: str,
});

/** `blast TARGET --json` (the contract's object) or `blast --json` with no target (every failure domain). */
export const BLAST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'tierbook blast --json',
  anyOf: [
    closed({
      target: str,
      outage: { type: 'boolean' },
      assumptions: strings,
      impacts: { type: 'array', items: impactSchema },
    }),
    closed({ failureDomains: { type: 'array', items: failureDomain }, assumptions: strings }, [
      'failureDomains',
    ]),
  ],
};

const finding = closed({ rule: str, severity, object: objectRef, field: str, message: str, fix: str });
const acceptedFinding = closed({
  rule: str,
  severity,
  object: objectRef,
  field: str,
  message: str,
  fix: str,
  accepted: closed({
    reason: str,
    who: { type: ['string', 'null'] },
    until: { type: ['string', 'null'] },
    source: { enum: ['annotation', 'config'] },
  }),
});
const unread: JsonSchema = {
  anyOf: [
    closed({ kind: str, reason: str, detail: str, message: str }),
    closed({ input: str, kinds: strings, reason: str, message: str }),
  ],
};

/** `check --json` / `check -o json`. */
export const CHECK_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'tierbook check --json',
  ...closed(
    {
      findings: { type: 'array', items: finding },
      inBaseline: { type: 'array', items: finding },
      accepted: { type: 'array', items: acceptedFinding },
      acceptanceEnded: { type: 'array', items: acceptedFinding },
      notRead: { type: 'array', items: unread },
      inventoryTakenAt: str,
    },
    ['findings'],
  ),
};

const diffWorkload = closed({ id: str, title: str, tier: { anyOf: [tier, { type: 'null' }] } });
const growth = closed({ target: str, before: { anyOf: [counts, { type: 'null' }] }, after: counts });
const backupChange = closed({ workload: diffWorkload, protection: str });
const diffFinding = closed({
  rule: str,
  severity,
  object: objectRef,
  id: str,
  field: str,
  message: str,
  fix: str,
});

/** `diff OLD NEW -o json`. */
export const DIFF_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'tierbook diff -o json',
  ...closed({
    old: closed({ cluster: str, takenAt: str }),
    new: closed({ cluster: str, takenAt: str }),
    workloads: closed({
      added: { type: 'array', items: diffWorkload },
      removed: { type: 'array', items: diffWorkload },
    }),
    tiers: { type: 'array', items: closed({ workload: diffWorkload, from: tier, to: tier }) },
    findings: closed({
      new: { type: 'array', items: diffFinding },
      resolved: { type: 'array', items: diffFinding },
    }),
    failureDomains: closed({
      grown: { type: 'array', items: growth },
      shrunk: { type: 'array', items: growth },
    }),
    backups: closed({
      gained: { type: 'array', items: backupChange },
      lost: { type: 'array', items: backupChange },
    }),
  }),
};
