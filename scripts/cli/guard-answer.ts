import type { GuardInventory } from '../../src/core/guard/inventory.ts';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { type Recognised, recognise } from '../../src/core/guard/recognise.ts';
import type { Unread } from '../../src/core/sources/unread.ts';
import { describeUnread } from '../../src/core/sources/unread.ts';
import { staleNotice } from './content-facts.ts';

/**
 * A guard decision on an inventory, whichever way it is read (the saved context, graph.json, a
 * dump, the cluster): the command recognised against `inventory`, what the read missed added
 * as problems (a gate cannot pass what it did not see), weighed by `assess`, and, from a
 * committed inventory, its age said with the answer.
 */
export async function guardAnswer(
  command: { text: string; node: string | null },
  inventory: GuardInventory,
  loaded: { unread: readonly Unread[]; takenAt: string | null; describe: string },
  now: string,
  assess: (recognised: Recognised) => GuardAnswer | Promise<GuardAnswer>,
): Promise<GuardAnswer> {
  const recognised = recognise(command.text, command.node, inventory);
  for (const u of loaded.unread)
    recognised.problems.push(
      `the read was partial: ${describeUnread(u, 'what it holds is not in this answer')}`,
    );
  const answer = await assess(recognised);
  const stale = staleNotice(loaded, now);
  if (stale) answer.assumptions.push(stale);
  return answer;
}
