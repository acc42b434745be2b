import {
  blastRadius,
  FAILURE_DOMAIN_TYPES,
  knownTargets,
  rankFailureDomains,
  summarizeFailureDomain,
} from '../analysis/blast/index.ts';
import type { BlastResult, FailureDomainSummary, Target } from '../analysis/blast/model.ts';
import { compare } from '../graph/context.ts';
import type { Graph } from '../graph/model.ts';
import { toBlastEntry } from './analysis-entries.ts';
import type { StorageEntry } from './model.ts';
import type { PageContext } from './page-context.ts';
import { relatedStorage, storageTypeOf } from './storage-kinds.ts';
import { titleOf } from './titles.ts';
import type { StorageUsage } from './workload-entries.ts';

export interface DomainBlast {
  target: Target;
  result: BlastResult;
}

/** Every failure domain's blast radius, computed once: for its page and for the index's ranking. */
export function failureDomainBlasts(ctx: PageContext): DomainBlast[] {
  return knownTargets(ctx.analysis, FAILURE_DOMAIN_TYPES).map((target) => ({
    target,
    result: blastRadius(ctx.analysis, target),
  }));
}

/** The index's ranking of the failure domains, worst first. */
export function rankedFailureDomains(domains: readonly DomainBlast[]): FailureDomainSummary[] {
  return rankFailureDomains(domains.map((d) => summarizeFailureDomain(d.target, d.result)));
}

/** One entry per storage object of the graph, with the workloads that keep data on it. */
export function storageEntries(
  ctx: PageContext,
  graph: Graph,
  usage: StorageUsage,
  domains: readonly DomainBlast[],
): StorageEntry[] {
  const byNode = new Map<string, DomainBlast>();
  for (const domain of domains)
    for (const id of domain.target.nodes) if (!byNode.has(id)) byNode.set(id, domain);
  const storage: StorageEntry[] = [];
  for (const node of graph.nodes) {
    const type = storageTypeOf(node);
    if (!type) continue;
    const users = usage.get(node.id) ?? new Map<string, Set<string>>();
    const domain = byNode.get(node.id);
    storage.push({
      id: node.id,
      type,
      title: titleOf(node),
      name: node.name,
      namespace: node.namespace,
      attrs: node.missing ? { ...node.attrs, missing: true } : node.attrs,
      related: relatedStorage(ctx.analysis.index, node.id, type, ctx.title),
      workloads: [...users]
        .sort(([a], [b]) => compare(a, b))
        .map(([id, claims]) => ({ id, title: ctx.title(id), claims: [...claims].sort(compare) })),
      problems: ctx.problemsOf.get(node.id) ?? [],
      blast: domain ? toBlastEntry(domain.result, domain.target, ctx.title, ctx.same) : null,
      findings: ctx.findingsOf.get(node.id) ?? [],
    });
  }
  return storage;
}
