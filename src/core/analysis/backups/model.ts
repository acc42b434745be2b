import type { BackupState } from '../../graph/backups/adapter.ts';
import type { BackupSystem } from '../../graph/backups/index.ts';

export type { BackupState } from '../../graph/backups/adapter.ts';
export type { BackupSystem } from '../../graph/backups/index.ts';

export interface BackupDestination {
  /**
   * in-cluster: an in-cluster Service (MinIO, Ceph RGW), a PVC, or a snapshot on the same
   * CSI driver; outside: an external URL or bucket; unknown: the API does not say.
   */
  where: 'in-cluster' | 'outside' | 'unknown';
  /** Graph node id the copy lives on when in-cluster (a Service, a PVC, a pool, a CSI driver). */
  node: string | null;
  /** s3://bucket, https://…, as configured; never credentials. */
  url: string | null;
  why: string;
}

/**
 * What protects a workload's data, as the API shows it. One Protection per policy or
 * configuration (a Velero Schedule, a CloudNativePG backup configuration, a VolSync
 * ReplicationSource, a set of CSI snapshots…).
 */
export interface Protection {
  /** Graph node id of the policy or configuration object. */
  id: string;
  system: BackupSystem;
  /** How: "barmanObjectStore", "velero fs-backup", "velero CSI snapshot", "restic", "xtrabackup"… */
  method: string;
  /** PVC ids it copies; empty when it is a logical backup of the whole workload. */
  covers: string[];
  /** Cron or interval as configured, when there is one. */
  schedule: string | null;
  lastSuccess: string | null;
  lastAttempt: string | null;
  state: BackupState;
  /** The error or phase of the latest failed run, as the API says it. */
  lastError: string | null;
  destination: BackupDestination;
  /** How this protection was tied to the workload ("Schedule velero/daily includes namespace apps"). */
  why: string[];
  /** Runs that failed after the last success (all of them when none succeeded). */
  failedSinceSuccess?: number;
  /** Facts the API showed about the policy: "paused", an earlier failed run, the last base backup… */
  notes?: string[];
}

/** workload id → protections, sorted by system then id; workloads with none are absent. */
export type ProtectionMap = ReadonlyMap<string, readonly Protection[]>;
