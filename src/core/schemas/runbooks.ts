import type { JsonSchema } from '../config/schema.ts';

/** JSON Schemas of `tierbook runbook ID TARGET -o json` (BoundRunbook) and `tierbook runbooks -o json`. */
const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

const closed = (
  properties: Record<string, JsonSchema>,
  required: string[] = Object.keys(properties),
): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const str: JsonSchema = { type: 'string' };
const strings: JsonSchema = { type: 'array', items: str };
const orNull = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });
const tier: JsonSchema = { type: 'integer', minimum: 0, maximum: 4 };
const fillIn = closed({ name: str, prompt: str });
const command = closed({ lang: str, text: str, fillIns: { type: 'array', items: fillIn } });

const step = closed({
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
  number: { type: 'integer', minimum: 1 },
  title: str,
  text: str,
  pause: orNull({ enum: ['sign-in', 'time-out', 'sign-out'] }),
  checks: strings,
  action: orNull(command),
  verify: orNull(closed({ command: orNull(command), expect: str, look: str }, ['command', 'expect'])),
  abort: strings,
  pointOfNoReturn: orNull(str),
  cites: strings,
});

/** `tierbook runbook ID [TARGET] -o json`: the BoundRunbook (src/core/runbooks/model.ts). */
export const RUNBOOK_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'tierbook runbook -o json',
  ...closed({
    id: str,
    title: str,
    version: str,
    target: orNull(str),
    cluster: str,
    inventoryTakenAt: str,
    hash: { type: 'string', pattern: '^[0-9a-f]{12}$' },
    rto: str,
    tier: orNull(tier),
    sources: { type: 'object', additionalProperties: str },
    intro: str,
    gates: {
      type: 'array',
      items: closed({ id: str, status: { enum: ['pass', 'fail', 'unknown'] }, message: str }),
    },
    order: { type: 'array', items: closed({ workload: str, tier, why: str }) },
    fillIns: { type: 'array', items: fillIn },
    steps: { type: 'array', items: step },
  }),
};

/** `tierbook runbooks -o json`: every built-in runbook and the targets it applies to. */
export const RUNBOOKS_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'tierbook runbooks -o json',
  ...closed({
    runbooks: {
      type: 'array',
      items: closed({
        id: str,
        title: str,
        version: str,
        tier: orNull(tier),
        rto: str,
        appliesTo: strings,
        targets: { type: 'array', items: orNull(str) },
      }),
    },
  }),
};
