import type { BoundRunbook } from '../runbooks/model.ts';
import { TIERS } from '../tier.ts';
import { type Infer, list, mapOf, nullable, number, optional, record, text, whole, words } from './shape.ts';

/**
 * The `runbook:` front matter of a content/runbooks page: the BoundRunbook `tierbook runbook
 * -o json` prints, read field by field, so a hand-edited page with a wrong field fails the
 * build naming file and field, never a checklist with a step missing.
 */
const tier = whole(TIERS, 'a tier 0 to 4');
const strings = list(text);

const fillIn = record({ name: text, prompt: text });
const command = record({ lang: text, text, fillIns: list(fillIn) });

export const BOUND_RUNBOOK = record({
  id: text,
  title: text,
  version: text,
  target: nullable(text),
  cluster: text,
  inventoryTakenAt: text,
  hash: text,
  rto: text,
  tier: nullable(tier),
  sources: mapOf(text),
  intro: text,
  gates: list(record({ id: text, status: words(['pass', 'fail', 'unknown']), message: text })),
  order: list(record({ workload: text, tier, why: text })),
  fillIns: list(fillIn),
  steps: list(
    record({
      id: text,
      number,
      title: text,
      text,
      pause: nullable(words(['sign-in', 'time-out', 'sign-out'])),
      checks: strings,
      action: nullable(command),
      verify: nullable(record({ command: nullable(command), expect: text, look: optional(text) })),
      abort: strings,
      pointOfNoReturn: nullable(text),
      cites: strings,
    }),
  ),
});

/** The shape reads back exactly the runbook the core binds (checked by the compiler both ways). */
export const boundRunbookOf = (read: Infer<typeof BOUND_RUNBOOK>): BoundRunbook => read;
export const boundRunbookShaped = (bound: BoundRunbook): Infer<typeof BOUND_RUNBOOK> => bound;
