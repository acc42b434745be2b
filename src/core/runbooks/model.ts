import type { Tier } from '../analysis/tiers/model.ts';

/**
 * Runbooks: Markdown files in runbooks/ parsed (with remark) into this typed data, then bound
 * to the inventory. The format is specified in docs/runbooks.md; this file is the contract the
 * parser, the binder, the CLI (`runbooks`, `runbook`, `print`), the site and the guard share.
 */

/** What a runbook can be bound to. A target is written like a blast target (docs/blast.md). */
export type RunbookTargetType = 'osd' | 'node' | 'pool' | 'device' | 'workload' | 'cluster';

/**
 * One entry of `appliesTo`: `osd`, `node`, `pool`, `device`, `cluster`, a workload kind
 * (`workload/postgresql.cnpg.io/Cluster`, `workload/pxc.percona.com/PerconaXtraDBCluster`, any
 * `workload/<group>/<Kind>`; `workload` alone = every workload), a backup system protecting the
 * workload (`backup/velero`, `backup/volsync`, `backup/k8up`, `backup/longhorn`,
 * `backup/cloudnative-pg`, `backup/percona-xtradb`), or a role (`role/identity-provider`).
 */
export type AppliesTo = string;

/** Where a runbook or a step came from, for error messages: file and 1-based line. */
export interface SourcePosition {
  file: string;
  line: number;
}

/** Pause points (WHO surgical checklist): before start, before each point of no return, after. */
export type PauseKind = 'sign-in' | 'time-out' | 'sign-out';

export interface RunbookFrontMatter {
  id: string;
  title: string;
  appliesTo: AppliesTo[];
  /** The tier this runbook is written for (the strictest it is safe for), or null for any. */
  tier: Tier | null;
  /** Recovery time objective the procedure is written to meet, as written (`4h`, `1h`). */
  rto: string;
  version: string;
  /** Upstream documents the steps cite: key (`R1`) → URL or repository path. */
  sources: Record<string, string>;
  /**
   * How the procedure treats its target, for the gates: `lost` (default) with its data (a purge,
   * a wipe); `down` with its data intact (a drain): gates ask what cannot serve, not what loses data.
   */
  blast?: 'lost' | 'down';
}

/** A command in a fenced block, with its language (`sh` unless said). Text may hold placeholders. */
export interface RunbookCommand {
  lang: string;
  text: string;
}

export interface RunbookVerify {
  /** The command to run; null when the check is to look (a dashboard, a log line, a person). */
  command: RunbookCommand | null;
  /** The exact result to see before going on. */
  expect: string;
  /** `Verify: <words>`: what to look at when there is nothing to run. */
  look?: string;
}

/** One step as written (placeholders unfilled). */
export interface RunbookStep {
  id: string;
  title: string;
  position: SourcePosition;
  /** Prose before the labelled parts, as Markdown. */
  text: string;
  /** A pause point (its checklist items are in `checks`); pause steps need no action. */
  pause: PauseKind | null;
  /** Items to confirm aloud at a pause point (`- [ ] …` lines). */
  checks: string[];
  action: RunbookCommand | null;
  verify: RunbookVerify | null;
  abort: string[];
  /** Why this step cannot be undone; null when it can. */
  pointOfNoReturn: string | null;
  /** Keys of `sources` this step follows, with an optional section (`R1 §Remove an OSD`). */
  cites: string[];
}

export interface Runbook {
  meta: RunbookFrontMatter;
  file: string;
  /** Prose between the front matter and the first step, as Markdown. */
  intro: string;
  steps: RunbookStep[];
  /** Every placeholder name used, sorted (for drift checks). */
  placeholders: string[];
  /** sha256 (hex) of the file text, for the bound runbook's hash. */
  digest: string;
}

/** A problem in a runbook file: file, line and what is wrong. */
export interface RunbookProblem {
  file: string;
  line: number;
  message: string;
}

export type GateStatus = 'pass' | 'fail' | 'unknown';

/** A precondition computed from the inventory (blast radius, backups), shown before any step. */
export interface RunbookGate {
  id: string;
  status: GateStatus;
  message: string;
}

/**
 * Something the inventory cannot know (live PG state, a disk serial with no by-id path recorded,
 * the PITR target time): printed as an empty field to fill in, never guessed.
 */
export interface FillIn {
  /** Placeholder name or the `{{fill: …}}` prompt. */
  name: string;
  prompt: string;
}

export interface BoundCommand {
  lang: string;
  text: string;
  /** Fill-ins left in `text` as `⟨prompt⟩`. */
  fillIns: FillIn[];
}

export interface BoundStep {
  id: string;
  number: number;
  title: string;
  text: string;
  pause: PauseKind | null;
  checks: string[];
  action: BoundCommand | null;
  verify: { command: BoundCommand | null; expect: string; look?: string } | null;
  abort: string[];
  pointOfNoReturn: string | null;
  cites: string[];
}

/** The `tierbook runbook ID TARGET -o json` object (docs/runbooks.md). */
export interface BoundRunbook {
  id: string;
  title: string;
  version: string;
  /** As resolved: `osd/3`, `workload/databases/Cluster/pg-main`; null for cluster-wide runbooks. */
  target: string | null;
  cluster: string;
  inventoryTakenAt: string;
  /** sha256 (hex, first 12) of the runbook file and the bound values: what was printed is what was checked. */
  hash: string;
  rto: string;
  tier: Tier | null;
  sources: Record<string, string>;
  intro: string;
  gates: RunbookGate[];
  /** Restore runbooks: workloads in the order to bring them back (dependencies first). */
  order: { workload: string; tier: Tier; why: string }[];
  fillIns: FillIn[];
  steps: BoundStep[];
}
