import type { Impact, WorkloadImpact } from '../analysis/blast/model.ts';
import type { Tier } from '../analysis/tiers/model.ts';

/**
 * One command as it would finally run, after the wrappers around it are taken off (`sudo`,
 * `env X=1`, `bash -c '…'`, `ssh NODE '…'`, `kubectl exec … -- …`, `kubectl debug node/N`,
 * `talosctl -n N`, `xargs`).
 */
export interface Invocation {
  words: string[];
  /** Per word: holds a variable or substitution, so its value is not known. */
  dynamic: boolean[];
  /** The node it runs on (`ssh NODE`, `kubectl debug node/NODE`, `talosctl -n NODE`, `--node`). */
  node: string | null;
  /** The wrappers taken off, outermost first (`ssh k8s-2`, `sudo`). */
  via: string[];
  /** Files it writes through a redirection. */
  writes: string[];
  /** Literal words piped into it (`echo 3 | xargs ceph osd purge`), or null. */
  piped: string[] | null;
  /** True when another command pipes into it (what, `piped` says when it is literal). */
  pipedIn?: boolean;
}

/** Lost with its data (a purge, a wipe) or down with its data intact (drain, scale to 0). */
export type TargetEffect = 'lost' | 'down';

export interface StepTarget {
  /** A blast target (docs/blast.md): `osd/3`, `device/k8s-2/dev/sdc`, `pvc/ns/name`. */
  target: string;
  effect: TargetEffect;
  /** One of several disks the command may hit (a kernel name not recorded): each alone. */
  alternative?: boolean;
}

/** What one recognised destructive command would do, before the blast radius is computed. */
export interface GuardStep {
  /** The table row that recognised it (`ceph-osd-purge`). */
  rule: string;
  /** The command as it would run, wrappers named: `ceph osd purge 3 (via ssh k8s-2)`. */
  command: string;
  targets: StepTarget[];
  /** What the guard cannot tell (an id it cannot find, a kernel name it cannot map). */
  unknown: string[];
  /** A reason to review by hand that is no blast target (a backup deleted, a policy patched). */
  review: string[];
  /** Facts the operator must know (kernel names move; the by-id path the OSD was set up with). */
  notes: string[];
  /** The runbook to follow instead: `tierbook runbook osd-remove osd/3`. */
  runbook: string | null;
}

/** The guard's answer level, worst first. `cannot-tell` and `review` always block. */
export type GuardLevel = 'cannot-tell' | 'review' | Impact | 'none';

export interface GuardImpact {
  workload: WorkloadImpact['workload'];
  tier: Tier;
  /** Why it has that tier: "image ghcr.io/goauthentik/server is an identity provider". */
  tierReason: string;
  impact: Impact;
  /** True when only a disk the command may hit (not one it surely hits) gives this impact. */
  worstCase: boolean;
  why: string[];
  backups: WorkloadImpact['backups'];
}

export interface GuardAnswer {
  command: string;
  /** `block` exits 1; `pass` exits 0. */
  decision: 'block' | 'pass';
  level: GuardLevel;
  /** One line: "no known destructive step", or why it blocks. */
  summary: string;
  steps: GuardStep[];
  impacts: GuardImpact[];
  /** Preconditions that fail or that tierbook cannot see. */
  preconditions: string[];
  assumptions: string[];
  /** Parse problems: what could not be read is reviewed by hand. */
  problems: string[];
  runbooks: string[];
}
