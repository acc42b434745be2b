import type { JsonSchema } from '../config/schema.ts';
import { closed, DRAFT, str, strings, tier } from './outputs.ts';

/** JSON Schemas of `tierbook runbook ID TARGET -o json` (BoundRunbook) and `tierbook runbooks -o json`. */
const orNull = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });
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
