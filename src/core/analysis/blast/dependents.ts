import { qualifiedName } from '../../graph/ids.ts';
import { compare } from '../../order.ts';
import type { BlastContext } from './context.ts';
import { describeImpact, type Effect, rank } from './effect.ts';
import { workloadFinished } from './workload-effect.ts';

/**
 * Everything that needs a lost or unavailable workload to serve is unavailable, through any
 * number of hops (Service references, forward-auth to an identity provider, in-cluster NFS).
 * A breadth-first walk from every stopped workload at once, worst first, gives each dependent
 * the shortest path to a cause; the path is its `why`. A Job or bare pod that has finished
 * runs nothing that could stop.
 */
export function dependentEffects(
  context: BlastContext,
  direct: ReadonlyMap<string, Effect>,
): Map<string, Effect> {
  const sources = [...direct]
    .filter(([, e]) => rank(e.impact) <= rank('unavailable'))
    .sort(([a, x], [b, y]) => rank(x.impact) - rank(y.impact) || compare(a, b));
  const reached = new Map<string, Effect>();
  const chain = new Map<string, string[]>();
  const queue: string[] = [];
  for (const [id, effect] of sources) {
    chain.set(id, [`${label(context, id)} ${describeImpact(effect.impact)}`]);
    queue.push(id);
  }
  for (let head = 0; head < queue.length; head++) {
    const cause = queue[head] as string;
    const causeChain = chain.get(cause) ?? [];
    for (const dependent of context.dependents.get(cause) ?? []) {
      if (reached.has(dependent.workload)) continue;
      const shape = context.shapes.get(dependent.workload);
      if (shape && workloadFinished(context.index, shape)) continue;
      const isSource = chain.has(dependent.workload);
      const step = `needs ${label(context, cause)} (${dependent.via}): ${dependent.why.join('; ')}`;
      const path = [
        step,
        ...causeChain.map((line, i) =>
          i === 0 && causeChain.length > 1 ? `${label(context, cause)} ${line}` : line,
        ),
      ];
      reached.set(dependent.workload, { impact: 'unavailable', why: path });
      // A workload stopped by the target itself already spreads from its own cause.
      if (isSource) continue;
      chain.set(dependent.workload, path);
      queue.push(dependent.workload);
    }
  }
  return reached;
}

function label(context: BlastContext, id: string): string {
  const node = context.index.node(id);
  return `${node?.kind ?? 'workload'} ${qualifiedName(id)}`;
}
