import type { Analysis } from '../model.ts';
import { blastContext } from './context.ts';
import { dependentEffects } from './dependents.ts';
import type { Effect } from './effect.ts';

/**
 * What stops when one workload is down with its data intact: only the workloads that need it,
 * through any number of hops. The same answer as `blastRadius(workload/…, {outage: true})`
 * without the target itself, but it walks only the dependents, so a page for every workload
 * costs the size of the dependency graph, not workloads × graph.
 */
export function neededBy(analysis: Analysis, workload: string, text: string): Map<string, Effect> {
  const direct = new Map<string, Effect>([
    [workload, { impact: 'unavailable', why: [`${text} is the target: down, its data intact`] }],
  ]);
  const reached = dependentEffects(blastContext(analysis), direct);
  reached.delete(workload);
  return reached;
}
