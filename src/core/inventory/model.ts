import type { Protection } from '../analysis/backups/model.ts';
import type { FailureDomainSummary, Impact, TargetType } from '../analysis/blast/model.ts';
import type { Finding } from '../analysis/checks/model.ts';
import type { Dependency } from '../analysis/dependencies.ts';
import type { InlineStorage, VolumeChain } from '../analysis/storage-chain.ts';
import type { Tier, TierRule } from '../analysis/tiers/model.ts';
import type { TierbookConfig } from '../config/model.ts';
import type { Dangling, Graph } from '../graph/model.ts';
import type { Json, NotRead, Skipped, Unreadable } from '../model.ts';
import type { BoundRunbook } from '../runbooks/model.ts';
import type { StorageType } from '../schemas/page.ts';
import type { RestoreEntry } from './restore-entries.ts';

/** Everything `content/` is rendered from: computed once, displayed many ways. */
export interface Inventory {
  cluster: string;
  takenAt: string;
  /** The configuration the tiers and findings came from (saved with the graph). */
  config: TierbookConfig;
  graph: Graph;
  workloads: WorkloadEntry[];
  storage: StorageEntry[];
  unreadable: Unreadable[];
  /** Offline input not read: files that do not parse, templates whose name is a variable. */
  notRead: NotRead[];
  /** Read, but not fully understood: unresolved variables, each naming its file and field. */
  warnings: Skipped[];
  /** Something tierbook may need was not read (a forbidden kind, a needed file skipped). */
  partial: boolean;
  skipped: Skipped[];
  counts: Record<string, number>;
  /** Workloads per tier, "0".."4". */
  tiers: Record<string, number>;
  /** Every failure domain with what losing it would take, worst first. */
  failureDomains: FailureDomainSummary[];
  /** Every risk finding, most severe first. */
  findings: Finding[];
  /** Recorded drills not counted, each with why (another cluster's, a workload not read). */
  ignoredDrills: string[];
  /** Every built-in runbook bound to every target it applies to (docs/runbooks.md). */
  runbooks: RunbookEntry[];
}

/** One bound runbook: its page and what it is bound to. */
export interface RunbookEntry {
  /** content path, `runbooks/<id>.<target-slug>.md`. */
  path: string;
  /** Page id, `runbook/<id>/<target>` (`runbook/<id>/cluster` for a cluster-wide one). */
  id: string;
  /** Graph node id of the target; null for a cluster-wide runbook. */
  targetId: string | null;
  bound: BoundRunbook;
}

/** A runbook listed on a workload or storage page. */
export interface RunbookRef {
  id: string;
  title: string;
  /** Site URL of the runbook page, from the site root (`runbooks/osd-remove.osd.3/`). */
  url: string;
}

/** A workload's tier, why, and the recovery targets that follow from it. */
export interface TierEntry {
  tier: Tier;
  rule: TierRule;
  reason: string;
  rpo: string;
  /** The RPO in seconds, written so readers never re-parse `rpo`; null when the tier has none. */
  rpoSeconds: number | null;
  rto: string;
  /** What the workload's own rules said before a dependent raised it. */
  own: { tier: Tier; rule: TierRule; reason: string } | null;
  inheritedFrom: { workload: string; title: string; path: string[] } | null;
}

/** One protection of a workload, with whether its last success is within the tier's RPO. */
export interface BackupEntry extends Protection {
  title: string;
  /** Last success within the tier's RPO at the inventory's time; null when the tier has none. */
  withinRpo: boolean | null;
}

/** One workload hit by a failure: what happens to it and why. */
export interface ImpactEntry extends Ref {
  tier: Tier;
  impact: Impact;
  why: string[];
  backups: { kind: string; survives: boolean; why: string }[];
}

/** What losing a storage object (or stopping a workload) takes with it. */
export interface BlastEntry {
  target: string;
  type: TargetType;
  counts: Record<Impact, number>;
  assumptions: string[];
  impacts: ImpactEntry[];
}

export interface Ref {
  id: string;
  title: string;
}

export interface WorkloadEntry {
  id: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  /** The workload was referenced as an owner but not read (its CRD was not listed, say). */
  missing: boolean;
  labels: Record<string, string>;
  images: string[];
  replicas: number | null;
  pods: { name: string; node: string | null; phase: string | null }[];
  members: Ref[];
  volumes: VolumeChain[];
  inlineStorage: InlineStorage[];
  dependsOn: (Dependency & { title: string })[];
  dependedOnBy: (Dependency & { title: string })[];
  problems: Dangling[];
  tier: TierEntry;
  backups: BackupEntry[];
  /** Restores of its data (from the cluster, or recorded drills) and the last proven one. */
  restores: RestoreEntry;
  /** What stops with it when it is down (data intact): the workloads that need it. */
  blast: { ifDown: ImpactEntry[] };
  findings: Finding[];
  /** Runbooks bound to it; absent when none applies. */
  runbooks?: RunbookRef[];
}

export type { StorageType } from '../schemas/page.ts';

export interface StorageEntry {
  id: string;
  type: StorageType;
  title: string;
  name: string;
  namespace: string;
  attrs: Record<string, Json>;
  /** Storage objects directly below or above this one (pools of a class, OSDs of a pool…). */
  related: Record<string, Ref[]>;
  /** Workloads with data here, through which volumes. */
  workloads: { id: string; title: string; claims: string[] }[];
  problems: Dangling[];
  /** Losing it (an OSD, disk, node, pool or class): null for kinds that are not failure domains. */
  blast: BlastEntry | null;
  findings: Finding[];
  /** Runbooks bound to it; absent when none applies. */
  runbooks?: RunbookRef[];
}
