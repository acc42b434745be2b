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
