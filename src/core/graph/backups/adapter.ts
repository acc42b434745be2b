import type { ResourceType } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';

/** ok: the last run succeeded; failing: the latest run failed; never-run; unknown: no status. */
export type BackupState = 'ok' | 'failing' | 'never-run' | 'unknown';

/**
 * A backup system adapter: after the kinds and storage backends, it records on each policy's
 * node an attr `protection` and adds `protects` (policy → what it covers) and `stores-to`
 * (policy → where the copy lives) edges. One file per system; the table is in `index.ts`, and
 * `BackupSystem` (index.ts) is the union of its rows' `system`: each adapter declares its own
 * name as `BackupAdapter<'name'>`.
 */
export interface BackupAdapter<System extends string = string> {
  system: System;
  /** The kinds of its own API it reads (schedules, runs, destinations), listed live and kept offline. */
  reads: readonly ResourceType[];
  /** Where the system records its last success: the field backup-stale and backup-failing findings name. */
  statusField: string;
  /**
   * What it copies: `volumes` (a volume's blocks or files: never a hostPath directory) or
   * `database` (a database's own backup, which copies its data wherever it lives).
   */
  copies: 'volumes' | 'database';
  /** Its method words for a copy of a volume's files while the pod runs: for a live database, no database backup. */
  fileCopyMethods?: readonly string[];
  /**
   * How a VolumeSnapshot it made itself is marked (a label it sets, the API group of an owner it
   * puts on it): such a snapshot is its copy, so the CSI snapshot adapter does not count it again.
   */
  snapshotMarks?: { labels?: readonly string[]; ownerGroups?: readonly string[] };
  extract(ctx: BuildContext): void;
}

/**
 * The `protection` attr of a policy node: what the API says about it, JSON-safe. Secrets are
 * never read: a credential or repository Secret is named, never opened. The graph writes it with
 * its adapter's name (`string` here); `protectionOf` (index.ts) reads it back as a `BackupSystem`.
 */
export type ProtectionAttr<System extends string = string> = {
  system: System;
  /** How: "barmanObjectStore", "velero fs-backup", "restic", "xtrabackup"… */
  method: string;
  schedule: string | null;
  lastSuccess: string | null;
  lastAttempt: string | null;
  state: BackupState;
  lastError: string | null;
  /** Runs that failed after the last success (or ever, when none succeeded). */
  failedSinceSuccess: number;
  /** Where the copy goes, as configured (s3://bucket, https://…); null when the API does not say. */
  url: string | null;
  /** The copy stays on the volume's own storage (a CSI snapshot with no data mover). */
  onVolumeStorage: boolean;
  /** A Secret that holds the repository address, named only (its content is never read). */
  repositorySecret: string | null;
  /** Facts worth showing: "paused", "BackupStorageLocation velero/default is Unavailable"… */
  notes: string[];
};
