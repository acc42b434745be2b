import type { Diagram } from '../diagrams/index.ts';
import type { AtRisk } from './at-risk.ts';
import type {
  BackupEntry,
  DependencyEntry,
  Impact,
  ImpactEntry,
  InventoryPage,
  RunbookPage,
  StoragePage,
  WorkloadPage,
} from './content-model.ts';
import type { DeviceNote, DiskRow } from './device-view.ts';
import type { SeverityGroup } from './finding-groups.ts';
import type { RuleDoc } from './rule-docs.ts';
import type { FailureDomainRow, FindingRow, Link, VerdictView, WorkloadIndexRow } from './view-rows.ts';
import type { WorkloadDirectory } from './workload-directory.ts';

export type { WorkloadIndexRow } from './view-rows.ts';

/**
 * What each page of the site shows, computed once from content/ by buildSite. Components only
 * display these. URLs are from the site root (`storage/node.k8s-1/`); a page makes them
 * relative to itself, so the site works under any path. The rows every view shares are in
 * view-rows.ts, below the modules that build the views.
 */

export interface VolumeRow {
  claim: string;
  claimMissing: boolean;
  capacity: string | null;
  storageClass: Link | null;
  classFrom: string | null;
  backend: string | null;
  reclaimPolicy: string | null;
  pools: Link[];
  osds: Link[];
  nodes: Link[];
  disks: Link[];
  servedBy: Link[];
}

export interface DependencyRow extends DependencyEntry {
  url: string | null;
  tier: number | null;
}

export interface ImpactRow extends ImpactEntry {
  url: string | null;
}

export interface ImpactGroup {
  tier: number | null;
  rows: ImpactRow[];
}

export interface WorkloadView {
  kind: 'workload';
  page: WorkloadPage;
  url: string;
  volumes: VolumeRow[];
  inlineStorage: { pod: string; node: Link; why: string }[];
  dependsOn: DependencyRow[];
  dependedOnBy: DependencyRow[];
  backups: BackupEntry[] | null;
  blast: ImpactGroup[] | null;
  findings: FindingRow[] | null;
  runbooks: (RunbookPage | Link)[];
  storageDiagram: Diagram | null;
  dependencyDiagram: Diagram | null;
  notesHtml: string | null;
  /** What depends on it in full as JSON (site root), when the page names only the first. */
  lists: string | null;
}

export interface StorageView {
  kind: 'storage';
  page: StoragePage;
  url: string;
  description: string;
  facts: { key: string; value: string }[];
  /** What loses data and goes dark if it is lost, by name, and the runbook (failure domains). */
  verdict: VerdictView | null;
  /** The device path an OSD or disk was configured with, and whether it can move. */
  device: DeviceNote | null;
  /** A node's disks with the OSDs on each. */
  disks: DiskRow[] | null;
  related: { label: string; links: Link[] }[];
  workloads: { link: Link; namespace: string; tier: number | null; claims: string[] }[];
  /** Per tier and per namespace, when the page names only the first of its workloads. */
  workloadCounts: {
    tiers: { tier: number | null; count: number }[];
    namespaces: { namespace: string; count: number; url: string | null }[];
  } | null;
  /** The page's lists in full as JSON (site root), when the page shows only part of one. */
  lists: string | null;
  blast: { groups: ImpactGroup[]; counts: Record<Impact, number>; assumptions: string[] } | null;
  findings: FindingRow[] | null;
  /** The blast-radius map when the inventory has one, else what lives on it. */
  diagram: Diagram | null;
  notesHtml: string | null;
  runbooks: Link[];
}

export interface BarChart {
  title: string;
  bars: { label: string; value: number; display: string; url: string | null; tone: string }[];
  /** A reference line (the RPO, at 1.0), or null. */
  marker: { value: number; label: string } | null;
  max: number;
}

export interface BackupStatusRow {
  workload: Link;
  tier: number | null;
  rpo: string | null;
  /** The RPO in seconds, as the core wrote it. */
  rpoSeconds: number;
  state: 'unprotected' | 'stale' | 'ok';
  newestAge: number | null;
  why: string;
}

export interface HomeView {
  inventory: InventoryPage;
  workloadCount: number;
  storageCount: number;
  tierChart: BarChart | null;
  backupChart: BarChart | null;
  backupAttention: BackupStatusRow[] | null;
  failureDomains: FailureDomainRow[] | null;
  highFindings: FindingRow[] | null;
  findingCounts: Record<string, number> | null;
  atRisk: AtRisk;
  /** Tier-0/1 workloads with backups and no proven restore; null for an inventory from before restores. */
  neverRestored: { workload: Link; tier: number; backups: number }[] | null;
}

export interface StorageIndexGroup {
  type: string;
  label: string;
  rows: { link: Link; workloads: number; dataLoss: number | null }[];
}

export interface Site {
  cluster: string;
  takenAt: string;
  home: HomeView;
  workloads: WorkloadView[];
  storage: StorageView[];
  workloadIndex: WorkloadIndexRow[];
  /** The index by namespace with a page per namespace, when there are too many for one page. */
  workloadDirectory: WorkloadDirectory | null;
  storageIndex: StorageIndexGroup[];
  failureDomains: FailureDomainRow[] | null;
  findings: FindingRow[] | null;
  /** The findings by severity, then by rule, with anchors. */
  findingGroups: SeverityGroup[] | null;
  /** tierbook's rule docs as pages (the README is the index, `rules/`). */
  rules: RuleDoc[];
  runbooks: RunbookPage[];
}
