import type { Diagram } from '../../core/render/diagrams/index.ts';
import type {
  BackupEntry,
  DependencyEntry,
  FailureDomain,
  FindingEntry,
  Impact,
  ImpactEntry,
  InventoryPage,
  RunbookPage,
  StoragePage,
  WorkloadPage,
} from './content-model.ts';

/**
 * What each page of the site shows, computed once from content/ by buildSite. Components only
 * display these. URLs are from the site root (`storage/node.k8s-1/`); a page makes them
 * relative to itself, so the site works under any path.
 */
export interface Link {
  title: string;
  url: string | null;
}

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

export interface FindingRow extends FindingEntry {
  url: string | null;
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
}

export interface StorageView {
  kind: 'storage';
  page: StoragePage;
  url: string;
  description: string;
  facts: { key: string; value: string }[];
  related: { label: string; links: Link[] }[];
  workloads: { link: Link; tier: number | null; claims: string[] }[];
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
  state: 'unprotected' | 'stale' | 'ok';
  newestAge: number | null;
  why: string;
}

export interface FailureDomainRow extends FailureDomain {
  url: string | null;
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
}

export interface WorkloadIndexRow {
  link: Link;
  namespace: string;
  kind: string;
  tier: number | null;
  volumes: number;
  backends: string[];
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
  storageIndex: StorageIndexGroup[];
  failureDomains: FailureDomainRow[] | null;
  findings: FindingRow[] | null;
  runbooks: RunbookPage[];
}
