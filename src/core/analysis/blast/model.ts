import type { BackupSystem } from '../backups/model.ts';
import type { Tier } from '../tiers/model.ts';

/** The contract's targets (ARCHITECTURE.md section 3, blast TARGET). */
export type TargetType = 'osd' | 'device' | 'node' | 'pool' | 'storageclass' | 'pvc' | 'workload';

export interface Target {
  type: TargetType;
  /** As typed: "osd/3", "device/k8s-2/dev/sdc". */
  text: string;
  /** Graph node ids the target resolved to. */
  nodes: string[];
}

export type Impact = 'data-loss' | 'unavailable' | 'degraded';

export const IMPACT_ORDER: readonly Impact[] = ['data-loss', 'unavailable', 'degraded'];

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface BackupSurvival {
  kind: string;
  system: BackupSystem;
  last_success: string | null;
  survives: boolean;
  why: string;
  /** The newest restore proven from this backup (docs/drills.md); absent when there is none. */
  last_restore?: LastRestore;
}

/** A proven restore beside a backup in blast's answer: when, how long, what shows it. */
export interface LastRestore {
  finished_at: string | null;
  /** Seconds from finished_at (or its start) to --now. */
  age_seconds: number | null;
  duration_seconds: number | null;
  /** The restore object's graph id, or drill:<file> for a recorded drill. */
  evidence: string;
}

/** One impacted workload: the contract's JSON, plus the graph id for links. */
export interface WorkloadImpact {
  id: string;
  workload: ObjectRef;
  tier: Tier;
  impact: Impact;
  why: string[];
  backups: BackupSurvival[];
}

export interface BlastResult {
  target: string;
  outage: boolean;
  assumptions: string[];
  impacts: WorkloadImpact[];
}

/** One line of `tierbook blast` with no target: a failure domain and what it would take. */
export interface FailureDomainSummary {
  target: string;
  type: TargetType;
  node: string;
  counts: Record<Impact, number>;
  /** Strictest tier among workloads losing data, or null. */
  worstTier: Tier | null;
  summary: string;
}
