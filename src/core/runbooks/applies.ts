import { knownTargets, type Target, type TargetType } from '../analysis/blast/index.ts';
import type { Analysis } from '../analysis/model.ts';
import { readAppliesTo } from './applies-to.ts';
import { isIdentityProvider } from './graph-facts.ts';
import type { Runbook, RunbookTargetType } from './model.ts';

/** A runbook and a target it applies to (`null` for a cluster-wide runbook). */
export interface Applicable {
  runbook: Runbook;
  target: string | null;
  /** The target's graph node id; null for a cluster-wide runbook. */
  node: string | null;
  type: RunbookTargetType;
}

/** Blast target types a runbook can be bound to (the rest: `cluster`, no target). */
const RUNBOOK_TARGETS: readonly TargetType[] = ['osd', 'node', 'pool', 'device', 'workload'];

/** Whether one of the runbook's `appliesTo` entries covers this target. */
export function appliesTo(runbook: Runbook, analysis: Analysis, target: Target | null): boolean {
  return runbook.meta.appliesTo.some((entry) => {
    const read = readAppliesTo(entry);
    if (!read) return false;
    if (target === null) return read.type === 'cluster';
    if (read.type !== target.type) return false;
    if (read.type !== 'workload') return true;
    const id = target.nodes[0] ?? '';
    const node = analysis.index.node(id);
    if ('kind' in read)
      return read.kind === null || (node?.group === read.kind.group && node.kind === read.kind.kind);
    if ('backup' in read) return (analysis.protections.get(id) ?? []).some((p) => p.system === read.backup);
    return read.role === 'identity-provider' && isIdentityProvider(analysis, id);
  });
}

/**
 * Every runbook that applies to something in the inventory: per failure domain (OSD, disk,
 * node, pool) and per workload, then cluster-wide runbooks; in runbook order, then target order.
 */
export function applicableRunbooks(runbooks: readonly Runbook[], analysis: Analysis): Applicable[] {
  const targets = knownTargets(analysis, RUNBOOK_TARGETS);
  const out: Applicable[] = [];
  for (const runbook of runbooks) {
    for (const target of targets)
      if (appliesTo(runbook, analysis, target))
        out.push({
          runbook,
          target: target.text,
          node: target.nodes[0] ?? null,
          type: target.type as RunbookTargetType,
        });
    if (appliesTo(runbook, analysis, null)) out.push({ runbook, target: null, node: null, type: 'cluster' });
  }
  return out;
}
