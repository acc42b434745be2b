import { IMPACT_ORDER } from '../analysis/blast/model.ts';
import { SEVERITY_ORDER } from '../analysis/checks/model.ts';
import { TIERS } from '../tier.ts';
import { BOUND_RUNBOOK } from './bound-runbook-shape.ts';
import {
  anything,
  flag,
  type Infer,
  list,
  mapOf,
  nullable,
  number,
  optional,
  record,
  text,
  whole,
  words,
} from './shape.ts';

/**
 * content/ front matter: what tierbook writes (src/core/render/) and what the site reads
 * (src/site/data/read-content.ts), one shape per page type. The writer's data is typed with
 * these, the reader reads with them (a wrong field names the file and the field path), and
 * `tierbook schema page` prints them as JSON Schema for other tools. A field is required when
 * the core always writes it, the analysis sections of a page (tier, backups, restores, blast,
 * findings; the index's tiers, failure domains and findings) included: a page without one is
 * refused, naming the file and the field. Nullable is for what may have nothing to say (a storage
 * object that is no failure domain has a null `blast`).
 */

export const STORAGE_TYPES = [
  'storageclass',
  'cephcluster',
  'pool',
  'osd',
  'node',
  'disk',
  'nfs-server',
] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];

const tier = whole(TIERS, 'a tier 0 to 4');
const strings = list(text);
const ref = record({ id: text, title: text });
const problem = record({ object: text, field: text, message: text });
const impactCounts = record({ 'data-loss': number, unavailable: number, degraded: number });

const finding = record({
  rule: text,
  severity: words(SEVERITY_ORDER),
  object: record({ apiVersion: text, kind: text, namespace: text, name: text }),
  /** Graph node id of the object, for a link. */
  id: text,
  field: text,
  message: text,
  fix: text,
});

const impact = record({
  id: text,
  title: text,
  tier,
  impact: words(IMPACT_ORDER),
  why: strings,
  /** Whether each backup survives this loss. */
  backups: list(record({ kind: text, survives: flag, why: text })),
});

const tierInfo = record({
  tier,
  rule: text,
  reason: text,
  rpo: text,
  /** The RPO in seconds; null when the tier has none (best effort). */
  rpoSeconds: nullable(number),
  rto: text,
  own: nullable(record({ tier, rule: text, reason: text })),
  inheritedFrom: nullable(record({ workload: text, title: text, path: strings })),
});

const backup = record({
  id: text,
  title: text,
  system: text,
  method: text,
  schedule: nullable(text),
  lastSuccess: nullable(text),
  state: text,
  /** Last success within the tier's RPO at the inventory's time; null when the tier has none. */
  withinRpo: nullable(flag),
  lastError: nullable(text),
  destination: record({
    where: words(['in-cluster', 'outside', 'unknown']),
    url: nullable(text),
    why: text,
  }),
});

const restores = record({
  evidence: list(
    record({
      id: text,
      system: text,
      result: text,
      backup: nullable(text),
      startedAt: nullable(text),
      finishedAt: nullable(text),
      durationSeconds: nullable(number),
      detail: nullable(text),
      runbook: optional(text),
      incident: optional(text),
    }),
  ),
  lastProven: nullable(
    record({
      id: text,
      at: nullable(text),
      ageSeconds: nullable(number),
      durationSeconds: nullable(number),
      measured: text,
      backup: nullable(text),
      rto: text,
      withinRto: nullable(flag),
    }),
  ),
});

const volume = record({
  claim: text,
  claimMissing: flag,
  pv: nullable(text),
  storageClass: nullable(text),
  classFrom: nullable(text),
  backend: nullable(text),
  capacity: nullable(text),
  reclaimPolicy: nullable(text),
  pools: strings,
  cephClusters: strings,
  osds: strings,
  nodes: strings,
  disks: strings,
  zones: strings,
  servedBy: strings,
});

const dependency = record({ workload: text, title: text, via: text, why: strings });
const runbookRefs = optional(list(record({ id: text, title: text, url: text })));

export const WORKLOAD_PAGE = record({
  type: words(['workload']),
  id: text,
  apiVersion: text,
  kind: text,
  namespace: text,
  name: text,
  title: text,
  missing: flag,
  labels: mapOf(text),
  images: strings,
  replicas: nullable(number),
  pods: list(record({ name: text, node: nullable(text), phase: nullable(text) })),
  members: list(ref),
  volumes: list(volume),
  inlineStorage: list(record({ pod: text, node: text, why: text })),
  dependsOn: list(dependency),
  dependedOnBy: list(dependency),
  problems: list(problem),
  tier: tierInfo,
  backups: list(backup),
  restores,
  /** What stops while it is down (the workload itself left out). */
  blast: record({ ifDown: list(impact) }),
  findings: list(finding),
  runbooks: runbookRefs,
});

export const STORAGE_PAGE = record({
  type: words(STORAGE_TYPES),
  id: text,
  title: text,
  name: text,
  namespace: text,
  attrs: mapOf(anything),
  related: mapOf(list(ref)),
  workloads: list(record({ id: text, title: text, claims: strings })),
  /**
   * Present when a list is longer than the page lists (50): how many entries each list has in
   * full, and the JSON file beside the page that holds them all (STORAGE_LISTS).
   */
  lists: optional(record({ file: text, workloads: number, impacts: number, related: mapOf(number) })),
  problems: list(problem),
  blast: nullable(
    record({ target: text, type: text, counts: impactCounts, assumptions: strings, impacts: list(impact) }),
  ),
  findings: list(finding),
  runbooks: runbookRefs,
});

/** A storage page's `lists` file (`storage/<page>.lists.json`): its lists in full. */
export const STORAGE_LISTS = record({
  id: text,
  workloads: list(record({ id: text, title: text, claims: strings })),
  impacts: list(impact),
  related: mapOf(list(ref)),
});

const failureDomain = record({
  target: text,
  type: text,
  node: text,
  counts: impactCounts,
  worstTier: nullable(tier),
  summary: text,
});

export const INVENTORY_PAGE = record({
  type: words(['inventory']),
  title: text,
  cluster: text,
  takenAt: text,
  /** The tierbook version that wrote this inventory; absent in folders written before 0.1.0. */
  tierbook: optional(text),
  counts: mapOf(number),
  workloads: number,
  storageObjects: number,
  /** Something tierbook may need was not read (a forbidden kind, a file skipped with --partial). */
  partial: flag,
  unreadable: list(record({ group: text, kind: text, reason: text, detail: text })),
  /** Offline input not read: where, why, the kinds its text names, whether it may be needed. */
  notRead: list(record({ where: text, reason: text, kinds: strings, needed: flag })),
  dangling: list(problem),
  tiers: mapOf(number),
  failureDomains: list(failureDomain),
  findings: record({ counts: mapOf(number), high: list(finding) }),
});

export const FINDINGS_PAGE = record({ type: words(['findings']), title: text, findings: list(finding) });

export const RUNBOOK_PAGE = record({
  type: words(['runbook']),
  id: text,
  title: text,
  tier: nullable(tier),
  /** Graph id of the target; null for a cluster-wide runbook. */
  target: nullable(text),
  runbook: BOUND_RUNBOOK,
});

export type WorkloadFrontMatter = Infer<typeof WORKLOAD_PAGE>;
export type StorageFrontMatter = Infer<typeof STORAGE_PAGE>;
export type StorageListsFile = Infer<typeof STORAGE_LISTS>;
export type InventoryFrontMatter = Infer<typeof INVENTORY_PAGE>;
export type FindingsFrontMatter = Infer<typeof FINDINGS_PAGE>;
export type RunbookFrontMatter = Infer<typeof RUNBOOK_PAGE>;
export type FindingFrontMatter = Infer<typeof finding>;
export type ImpactFrontMatter = Infer<typeof impact>;
