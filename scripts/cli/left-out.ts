import { leftOutWarnings } from '../../src/core/graph/left-out.ts';
import type { Graph } from '../../src/core/graph/model.ts';

/** Objects left out for a field of the wrong type (kinds that only enrich), on stderr. */
export function warnLeftOut(graph: Graph): void {
  for (const line of leftOutWarnings(graph)) process.stderr.write(`tierbook: warning: ${line}\n`);
}
