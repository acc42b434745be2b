import type {
  FindingFrontMatter,
  ImpactFrontMatter,
  InventoryFrontMatter,
  StorageFrontMatter,
  WorkloadFrontMatter,
} from '../../core/schemas/page.ts';

export { IMPACT_ORDER as IMPACTS, type Impact } from '../../core/analysis/blast/model.ts';
export { SEVERITY_ORDER as SEVERITIES, type Severity } from '../../core/analysis/checks/model.ts';
export type { StorageType } from '../../core/schemas/page.ts';

/**
 * content/ as the site reads it: each page's front matter as the core's schema types it
 * (src/core/schemas/page.ts), plus where the page is and what the site works out from it
 * (a finding's object in words, a backup's age at the inventory's time, a restore's label).
 * Nothing here re-derives what the core writes.
 */
export interface PageFile {
  /** Path inside content/, e.g. `workloads/apps.deployment.blog.md`. */
  path: string;
  /** The page's URL from the site root, e.g. `workloads/apps.deployment.blog/`. */
  url: string;
  notes: string | null;
}

export type Ref = { id: string; title: string };
export type ImpactEntry = ImpactFrontMatter;
export type Problem = WorkloadFrontMatter['problems'][number];
export type VolumeEntry = WorkloadFrontMatter['volumes'][number];
export type DependencyEntry = WorkloadFrontMatter['dependsOn'][number];
export type TierInfo = WorkloadFrontMatter['tier'];
export type FailureDomain = InventoryFrontMatter['failureDomains'][number];
export type StorageBlast = NonNullable<StorageFrontMatter['blast']>;

/** A finding with its object named in words (`Deployment web/blog`). */
export interface FindingEntry extends Omit<FindingFrontMatter, 'object' | 'id'> {
  id: string | null;
  object: string | null;
}

/** A protection with its age at the inventory's time (the core writes no age: content/ does not change with the clock). */
export type BackupEntry = WorkloadFrontMatter['backups'][number] & { ageSeconds: number | null };

type Restores = WorkloadFrontMatter['restores'];

/** A workload's restores: the last proven one and every restore, newest first, each labelled. */
export interface RestoreSummary {
  lastProven: Restores['lastProven'];
  /** label: "drill cnpg-restore (drill-2026-11-12)", "velero Restore velero/wiki-drill". */
  evidence: (Restores['evidence'][number] & { label: string })[];
}

export interface WorkloadPage
  extends PageFile,
    Omit<WorkloadFrontMatter, 'findings' | 'backups' | 'restores' | 'runbooks'> {
  findings: FindingEntry[];
  backups: BackupEntry[];
  restores: RestoreSummary;
  runbooks: Ref[] | null;
}

export interface StoragePage extends PageFile, Omit<StorageFrontMatter, 'findings' | 'runbooks'> {
  findings: FindingEntry[];
  runbooks: Ref[] | null;
}

export interface InventoryPage extends Omit<InventoryFrontMatter, 'findings'> {
  findings: { counts: Record<string, number>; high: FindingEntry[] };
}

export interface RunbookPage {
  path: string;
  url: string;
  id: string;
  title: string;
  tier: number | null;
  /** The runbook bound to its target (front matter `runbook:`). */
  bound: import('../../core/runbooks/model.ts').BoundRunbook;
}

export interface Content {
  inventory: InventoryPage;
  workloads: WorkloadPage[];
  storage: StoragePage[];
  /** content/findings.md, when the inventory has findings. */
  findings: FindingEntry[] | null;
  runbooks: RunbookPage[];
}
