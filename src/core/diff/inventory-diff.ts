import { failureDomains } from '../analysis/blast/failure-domains.ts';
import type { FailureDomainSummary, Impact } from '../analysis/blast/model.ts';
import { findingKey } from '../analysis/checks/baseline.ts';
import type { Finding } from '../analysis/checks/model.ts';
import { runChecks } from '../analysis/checks/run.ts';
import type { Analysis } from '../analysis/model.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import { compare } from '../graph/context.ts';
import { titleOf } from '../inventory/titles.ts';

/** One workload as the drift report names it. */
export interface DiffWorkload {
  id: string;
  title: string;
  tier: Tier | null;
}

export interface DomainGrowth {
  target: string;
  before: Record<Impact, number> | null;
  after: Record<Impact, number>;
}

export interface BackupChange {
  workload: DiffWorkload;
  /** `system method (policy id)`, as the workload page names a protection. */
  protection: string;
}

/**
 * What changed between two inventories of one cluster, for review (a pull request's body, a
 * scheduled run's report): what appeared and went, tiers that moved, findings new and
 * resolved, failure domains whose blast radius grew, backup coverage gained and lost.
 * Growth is what needs eyes: a domain that now takes more with it, a workload that lost a copy.
 */
export interface InventoryDiff {
  old: { cluster: string; takenAt: string };
  new: { cluster: string; takenAt: string };
  workloads: { added: DiffWorkload[]; removed: DiffWorkload[] };
  tiers: { workload: DiffWorkload; from: Tier; to: Tier }[];
  findings: { new: Finding[]; resolved: Finding[] };
  failureDomains: { grown: DomainGrowth[]; shrunk: DomainGrowth[] };
  backups: { gained: BackupChange[]; lost: BackupChange[] };
}

export interface DiffSide {
  analysis: Analysis;
  cluster: string;
  takenAt: string;
}

export function inventoryDiff(before: DiffSide, after: DiffSide): InventoryDiff {
  const a = before.analysis;
  const b = after.analysis;
  const named = (analysis: Analysis, id: string): DiffWorkload => {
    const node = analysis.index.node(id);
    return { id, title: node ? titleOf(node) : id, tier: analysis.tiers.get(id)?.tier ?? null };
  };
  const added = b.workloads.filter((w) => !a.workloadById.has(w.id)).map((w) => named(b, w.id));
  const removed = a.workloads.filter((w) => !b.workloadById.has(w.id)).map((w) => named(a, w.id));
  const tiers: InventoryDiff['tiers'] = [];
  for (const w of b.workloads) {
    const from = a.tiers.get(w.id)?.tier;
    const to = b.tiers.get(w.id)?.tier;
    if (from !== undefined && to !== undefined && from !== to)
      tiers.push({ workload: named(b, w.id), from, to });
  }
  const oldFindings = runChecks(a);
  const newFindings = runChecks(b);
  const oldKeys = new Set(oldFindings.map(findingKey));
  const newKeys = new Set(newFindings.map(findingKey));
  return {
    old: { cluster: before.cluster, takenAt: before.takenAt },
    new: { cluster: after.cluster, takenAt: after.takenAt },
    workloads: { added, removed },
    tiers,
    findings: {
      new: newFindings.filter((f) => !oldKeys.has(findingKey(f))),
      resolved: oldFindings.filter((f) => !newKeys.has(findingKey(f))),
    },
    failureDomains: domainChanges(failureDomains(a), failureDomains(b)),
    backups: backupChanges(a, b, named),
  };
}

/** Weighted so one more workload losing data outweighs any number going dark or degraded. */
function weight(c: Record<Impact, number>): [number, number, number] {
  return [c['data-loss'], c.unavailable, c.degraded];
}

function domainChanges(
  before: readonly FailureDomainSummary[],
  after: readonly FailureDomainSummary[],
): InventoryDiff['failureDomains'] {
  const old = new Map(before.map((d) => [d.target, d.counts]));
  const grown: DomainGrowth[] = [];
  const shrunk: DomainGrowth[] = [];
  for (const d of after) {
    const was = old.get(d.target) ?? null;
    const order = compareCounts(d.counts, was ?? { 'data-loss': 0, unavailable: 0, degraded: 0 });
    if (order > 0) grown.push({ target: d.target, before: was, after: d.counts });
    else if (order < 0) shrunk.push({ target: d.target, before: was, after: d.counts });
  }
  const byTarget = (x: DomainGrowth, y: DomainGrowth) => compare(x.target, y.target);
  return { grown: grown.sort(byTarget), shrunk: shrunk.sort(byTarget) };
}

/** >0 when `x` is worse than `y`: more data lost first, then more unavailable, then degraded. */
function compareCounts(x: Record<Impact, number>, y: Record<Impact, number>): number {
  const [a, b] = [weight(x), weight(y)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function backupChanges(
  a: Analysis,
  b: Analysis,
  named: (analysis: Analysis, id: string) => DiffWorkload,
): InventoryDiff['backups'] {
  const label = (p: { system: string; method: string; id: string }) => `${p.system} ${p.method} (${p.id})`;
  const gained: BackupChange[] = [];
  const lost: BackupChange[] = [];
  const ids = new Set([...a.protections.keys(), ...b.protections.keys()]);
  for (const id of [...ids].sort(compare)) {
    const before = new Set((a.protections.get(id) ?? []).map(label));
    const after = new Set((b.protections.get(id) ?? []).map(label));
    for (const p of after)
      if (!before.has(p) && b.workloadById.has(id)) gained.push({ workload: named(b, id), protection: p });
    // A workload that is gone lost nothing worth reporting twice: it is in workloads.removed.
    for (const p of before)
      if (!after.has(p) && b.workloadById.has(id)) lost.push({ workload: named(b, id), protection: p });
  }
  return { gained, lost };
}
