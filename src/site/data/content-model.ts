import type { ChainVolume } from '../../core/render/diagrams/index.ts';

/**
 * content/ as the site reads it: each page's front matter, checked and typed. The analysis
 * fields (tier, backups, blast, findings) are optional: a page shows a section only when the
 * inventory carries it. Nothing here is computed; the core wrote it.
 */
export interface Ref {
  id: string;
  title: string;
}

export type Impact = 'data-loss' | 'unavailable' | 'degraded';
export const IMPACTS: readonly Impact[] = ['data-loss', 'unavailable', 'degraded'];

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export interface ImpactEntry {
  id: string;
  title: string;
  tier: number | null;
  impact: Impact;
  why: string[];
}

export interface FindingEntry {
  rule: string;
  severity: Severity;
  /** Graph id of the object, for a link, when the finding names one. */
  id: string | null;
  /** How the object is named (namespace/name or a title). */
  object: string | null;
  field: string;
  message: string;
  fix: string;
}

export interface TierInfo {
  tier: number;
  rule: string;
  reason: string;
  rpo: string | null;
  rto: string | null;
  inheritedFrom: { workload: string; path: string[] } | null;
}

export interface BackupEntry {
  system: string;
  method: string;
  schedule: string | null;
  lastSuccess: string | null;
  state: string;
  ageSeconds: number | null;
  withinRpo: boolean | null;
  lastError: string | null;
  destination: { where: string; url: string | null; why: string } | null;
}

export interface VolumeEntry extends ChainVolume {
  pv: string | null;
  classFrom: string | null;
  reclaimPolicy: string | null;
  claimMissing: boolean;
  cephClusters: string[];
  zones: string[];
}

export interface DependencyEntry {
  workload: string;
  title: string;
  via: string;
  why: string[];
}

export interface Problem {
  object: string;
  field: string;
  message: string;
}

export interface PageBase {
  /** Path inside content/, e.g. `workloads/apps.deployment.blog.md`. */
  path: string;
  /** The page's URL from the site root, e.g. `workloads/apps.deployment.blog/`. */
  url: string;
  id: string;
  title: string;
  notes: string | null;
  problems: Problem[];
  findings: FindingEntry[] | null;
}

export interface WorkloadPage extends PageBase {
  kind: string;
  namespace: string;
  name: string;
  missing: boolean;
  labels: Record<string, string>;
  images: string[];
  replicas: number | null;
  pods: { name: string; node: string | null; phase: string | null }[];
  members: Ref[];
  volumes: VolumeEntry[];
  inlineStorage: { pod: string; node: string; why: string }[];
  dependsOn: DependencyEntry[];
  dependedOnBy: DependencyEntry[];
  tier: TierInfo | null;
  backups: BackupEntry[] | null;
  blast: { ifDown: ImpactEntry[] } | null;
  runbooks: Ref[] | null;
}

export type StorageType = 'storageclass' | 'cephcluster' | 'pool' | 'osd' | 'node' | 'disk' | 'nfs-server';
export const STORAGE_TYPES: readonly StorageType[] = [
  'storageclass',
  'cephcluster',
  'pool',
  'osd',
  'node',
  'disk',
  'nfs-server',
];

export interface StorageBlast {
  target: string;
  counts: Record<Impact, number>;
  assumptions: string[];
  impacts: ImpactEntry[];
}

export interface StoragePage extends PageBase {
  type: StorageType;
  name: string;
  namespace: string;
  attrs: Record<string, unknown>;
  related: Record<string, Ref[]>;
  workloads: { id: string; title: string; claims: string[] }[];
  blast: StorageBlast | null;
  /** Runbooks bound to it (front matter `runbooks`), or null when the page has none. */
  runbooks: Ref[] | null;
}

export interface FailureDomain {
  target: string;
  node: string | null;
  counts: Record<Impact, number>;
  worstTier: number | null;
  summary: string;
}

export interface InventoryPage {
  cluster: string;
  takenAt: string;
  counts: Record<string, number>;
  workloads: number;
  storageObjects: number;
  unreadable: { group: string; kind: string; reason: string; detail: string }[];
  /** Something tierbook may need was not read (a forbidden kind, a file skipped with --partial). */
  partial: boolean;
  /** Offline input not read: where, why, the kinds its text names, whether it may be needed. */
  notRead: { where: string; reason: string; kinds: string[]; needed: boolean }[];
  dangling: Problem[];
  tiers: Record<string, number> | null;
  failureDomains: FailureDomain[] | null;
  findings: { counts: Record<string, number>; high: FindingEntry[] } | null;
}

export interface RunbookPage {
  path: string;
  url: string;
  id: string;
  title: string;
  tier: number | null;
  appliesTo: string[];
}

export interface Content {
  inventory: InventoryPage;
  workloads: WorkloadPage[];
  storage: StoragePage[];
  /** content/findings.md, when the inventory has findings. */
  findings: FindingEntry[] | null;
  runbooks: RunbookPage[];
}
