import type { GuardInventory } from './inventory.ts';
import type { GuardAnswer, GuardStep, Invocation } from './model.ts';
import { GUARD_RULES } from './rules/index.ts';
import { unwrapScript } from './unwrap.ts';

export interface Recognised {
  steps: GuardStep[];
  /** What the shell reader could not read: reviewed by hand, never harmless. */
  problems: string[];
}

/**
 * An inventory that knows nothing: the first pass runs the table with it, so a command no row
 * recognises is answered without reading the cluster. A row that returns a finding against it
 * makes the guard read the inventory and run again. Rows must never answer "harmless" because
 * something is missing from the inventory (that is "cannot tell"), so this pass cannot miss.
 */
export const EMPTY_INVENTORY: GuardInventory = {
  osd: () => null,
  osdIds: () => [],
  pool: () => null,
  filesystemPools: () => [],
  poolsIn: () => [],
  disks: () => [],
  disksOn: () => [],
  hasNode: () => false,
  claim: () => null,
  claimReclaimPolicy: () => null,
  claimsIn: () => [],
  workloadsIn: () => [],
  workload: () => null,
  volume: () => null,
  namespaces: () => [],
  image: () => null,
};

/** Every destructive step `text` (a command line, a script, a plan) would take. */
export function recognise(
  text: string,
  node: string | null,
  inventory: GuardInventory = EMPTY_INVENTORY,
): Recognised {
  const { invocations, problems } = unwrapScript(text, node);
  const steps: GuardStep[] = [];
  for (const inv of invocations) {
    for (const rule of GUARD_RULES) {
      const found = rule.read(inv, inventory);
      if (found === null) continue;
      steps.push({ rule: rule.id, command: describe(inv), ...found });
    }
  }
  return { steps, problems: problems.map((p) => `the shell reader could not read it: ${p}`) };
}

function describe(inv: Invocation): string {
  const words = inv.words
    .map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`))
    .join(' ');
  const writes = inv.writes.map((w) => ` > ${w}`).join('');
  const via = inv.via.length > 0 ? ` (via ${inv.via.join(', ')})` : '';
  const node = inv.node && !inv.via.some((v) => v.includes(inv.node ?? '')) ? ` on ${inv.node}` : '';
  return `${words}${writes}${via}${node}`;
}

/** The answer for a command with no step to judge: one line, exit 0. */
export function harmlessAnswer(command: string): GuardAnswer {
  return {
    command,
    decision: 'pass',
    level: 'none',
    summary: 'no known destructive step',
    steps: [],
    impacts: [],
    preconditions: [],
    assumptions: [],
    problems: [],
    runbooks: [],
  };
}
