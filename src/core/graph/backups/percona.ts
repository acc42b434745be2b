import type { FieldReader } from '../../fields.ts';
import { compare } from '../context.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkPerconaStorage } from './percona-storage.ts';
import { linkProtects, recordProtection } from './policy.ts';
import { type BackupRun, summariseRuns, time } from './runs.ts';

/** What differs between Percona's XtraDB, MongoDB and PostgreSQL operators' backups. */
export interface PerconaFlavour<System extends string = string> {
  system: System;
  /** Where the operator records its last success (BackupAdapter.statusField). */
  statusField: string;
  group: string;
  clusterKind: string;
  /** The kinds' plurals, as the API lists them. */
  clusterPlural: string;
  backupKind: string;
  backupPlural: string;
  method: string;
  /** The cluster's backup section. */
  backupField: string;
  /** Fields of a backup object naming its cluster, tried in order (renamed across versions). */
  clusterFields: readonly string[];
  /** The cluster's schedules: cron and the storage each writes to. */
  schedules(cluster: FieldReader): { cron: string | undefined; storage: string | undefined }[];
  /** Field path of a named storage in the cluster's spec. */
  storagePath(cluster: FieldReader, storage: string): string;
  storageField: string;
  /** The PVC a filesystem/volume storage writes into, when it can be named. */
  backupClaim(cluster: FieldReader, storage: string, newest: FieldReader | undefined): string | undefined;
  succeeded: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  startField: string;
  /** Extra facts (point-in-time recovery…). */
  notes(cluster: FieldReader): string[];
}

/**
 * Percona operators: the cluster's own backup section (schedules writing to named storages) is
 * its policy; the backup objects naming the cluster are its runs. The destination is the
 * storage of the newest run, else of the first schedule.
 */
export function perconaAdapter<System extends string>(
  flavour: PerconaFlavour<System>,
): BackupAdapter<System> {
  return {
    system: flavour.system,
    statusField: flavour.statusField,
    copies: 'database',
    reads: [
      { group: flavour.group, kind: flavour.clusterKind, plural: flavour.clusterPlural },
      { group: flavour.group, kind: flavour.backupKind, plural: flavour.backupPlural },
    ],
    extract(ctx) {
      const runsByCluster = new Map<string, FieldReader[]>();
      for (const backup of ctx.index.ofKind(flavour.group, flavour.backupKind)) {
        const name = flavour.clusterFields.map((f) => backup.string(f)).find(Boolean) ?? '';
        const key = `${backup.object.metadata.namespace ?? ''}/${name}`;
        runsByCluster.set(key, [...(runsByCluster.get(key) ?? []), backup]);
      }
      for (const cluster of ctx.index.ofKind(flavour.group, flavour.clusterKind)) {
        const id = idOf(cluster);
        const key = `${cluster.object.metadata.namespace ?? ''}/${cluster.object.metadata.name}`;
        const backups = runsByCluster.get(key) ?? [];
        const schedules = flavour.schedules(cluster);
        if (schedules.length === 0 && backups.length === 0) continue;
        linkProtects(ctx, id, id, cluster, flavour.backupField, `${flavour.method} backups of this cluster`);
        const newest = [...backups].sort(
          (a, b) => time(b.string(flavour.startField)) - time(a.string(flavour.startField)),
        )[0];
        const storage = newest?.string(flavour.storageField) ?? schedules.find((s) => s.storage)?.storage;
        const notes = flavour.notes(cluster);
        let url: string | null = null;
        if (storage) {
          const path = flavour.storagePath(cluster, storage);
          const linked = linkPerconaStorage(
            ctx,
            id,
            cluster,
            path,
            storage,
            flavour.backupClaim(cluster, storage, newest),
          );
          url = linked.url;
          notes.push(...linked.notes);
        }
        const summary = summariseRuns(backups.map((b) => runOf(flavour, b)));
        if (backups.length === 0 && !cluster.record('status')) summary.state = 'unknown';
        const crons = schedules.map((s) => s.cron).filter((c): c is string => Boolean(c));
        recordProtection(ctx, id, summary, {
          system: flavour.system,
          method: flavour.method,
          schedule: crons.length > 0 ? [...new Set(crons)].sort(compare).join(', ') : null,
          url,
          onVolumeStorage: false,
          repositorySecret: null,
          notes,
        });
      }
    },
  };
}

function runOf(flavour: PerconaFlavour, backup: FieldReader): BackupRun {
  const state = backup.string('status.state') ?? '';
  const error = backup.string('status.error');
  return {
    startedAt: backup.string(flavour.startField) ?? backup.string('metadata.creationTimestamp') ?? null,
    finishedAt: backup.string('status.completed') ?? null,
    outcome: flavour.succeeded.has(state) ? 'success' : flavour.failed.has(state) ? 'failure' : 'running',
    error: flavour.failed.has(state)
      ? `${backup.object.metadata.name} ${state}${error ? `: ${error}` : ''}`
      : null,
  };
}
