import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkDestination } from './destination.ts';
import { linkProtects, recordProtection } from './policy.ts';
import { type BackupRun, summariseRuns } from './runs.ts';

const LONGHORN = 'longhorn.io';
const JOB_LABEL = 'recurring-job.longhorn.io/';
const GROUP_LABEL = 'recurring-job-group.longhorn.io/';
const BACKUP_TASKS = new Set(['backup', 'backup-force-create']);
const SNAPSHOT_TASKS = new Set(['snapshot', 'snapshot-force-create']);

/**
 * Longhorn RecurringJobs: a volume runs a job when its Volume CR (or its PVC, with
 * `recurring-job.longhorn.io/source: enabled`) carries the job's or one of its groups' label;
 * a volume with no such label is in the `default` group. Snapshots stay in the volume's
 * replicas; backups go to the BackupTarget, whose S3 endpoint (if any) is in a Secret.
 */
export const longhorn: BackupAdapter<'longhorn'> = {
  system: 'longhorn',
  statusField: 'spec.cron',
  copies: 'volumes',
  reads: [
    groupKind('longhorn.io', 'Volume', 'volumes'),
    groupKind('longhorn.io', 'RecurringJob', 'recurringjobs'),
    groupKind('longhorn.io', 'BackupTarget', 'backuptargets'),
    groupKind('longhorn.io', 'Backup', 'backups'),
  ],
  extract(ctx) {
    const volumes = longhornVolumes(ctx);
    for (const job of ctx.index.ofKind(LONGHORN, 'RecurringJob')) {
      const task = job.string('spec.task') ?? '';
      if (!BACKUP_TASKS.has(task) && !SNAPSHOT_TASKS.has(task)) continue;
      const id = idOf(job);
      const name = job.string('spec.name') ?? job.object.metadata.name ?? '';
      const groups = job.strings('spec.groups');
      const covered: string[] = [];
      for (const volume of volumes) {
        const why = membership(volume.labels, name, groups);
        if (!why) continue;
        covered.push(volume.handle);
        linkProtects(
          ctx,
          id,
          volume.claim,
          volume.source,
          volume.field,
          `Longhorn volume ${volume.handle} ${why}`,
        );
      }
      const backup = BACKUP_TASKS.has(task);
      const target = backup ? linkBackupTarget(ctx, id) : { url: null, secret: null, notes: [] };
      const runs = backup ? backupRuns(ctx, name, new Set(covered)) : [];
      const summary = summariseRuns(runs);
      if (runs.length === 0) summary.state = 'unknown';
      recordProtection(ctx, id, summary, {
        system: 'longhorn',
        method: backup ? 'longhorn backup' : 'longhorn snapshot',
        schedule: job.string('spec.cron') ?? null,
        url: target.url,
        onVolumeStorage: !backup,
        repositorySecret: target.secret,
        notes: [
          ...target.notes,
          ...(runs.length > 0
            ? []
            : backup
              ? ['no Longhorn Backup objects of this job were read: results not visible']
              : ['snapshot results are not visible in the objects tierbook reads']),
        ],
      });
    }
  },
};

interface LonghornVolume {
  handle: string;
  labels: Record<string, string>;
  claim: string;
  source: FieldReader;
  field: string;
}

/** Longhorn PVs with their PVC and the labels that decide their jobs. */
function longhornVolumes(ctx: BuildContext): LonghornVolume[] {
  const found: LonghornVolume[] = [];
  for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
    if (pv.string('spec.csi.driver') !== 'driver.longhorn.io') continue;
    const handle = pv.string('spec.csi.volumeHandle') ?? '';
    const claimName = pv.string('spec.claimRef.name');
    const claimNs = pv.string('spec.claimRef.namespace');
    if (!claimName || !claimNs) continue;
    const claim = nodeId('', 'PersistentVolumeClaim', claimNs, claimName);
    const pvc = ctx.index.get(claim);
    const volume = ctx.index
      .inNamespace(LONGHORN, 'Volume', 'longhorn-system')
      .find((v) => v.object.metadata.name === handle);
    const pvcLabels = pvc?.stringMap('metadata.labels') ?? {};
    if (pvc && pvcLabels[`${JOB_LABEL}source`] === 'enabled')
      found.push({ handle, labels: pvcLabels, claim, source: pvc, field: 'metadata.labels' });
    else if (volume)
      found.push({
        handle,
        labels: volume.stringMap('metadata.labels'),
        claim,
        source: volume,
        field: 'metadata.labels',
      });
  }
  return found;
}

function membership(labels: Record<string, string>, job: string, groups: string[]): string | undefined {
  if (labels[`${JOB_LABEL}${job}`] === 'enabled') return `is labelled ${JOB_LABEL}${job}`;
  const group = groups.find((g) => labels[`${GROUP_LABEL}${g}`] === 'enabled');
  if (group) return `is in group ${group}`;
  const hasAny = Object.keys(labels).some(
    (k) => (k.startsWith(JOB_LABEL) && k !== `${JOB_LABEL}source`) || k.startsWith(GROUP_LABEL),
  );
  return !hasAny && groups.includes('default')
    ? 'has no recurring-job label, so it is in group default'
    : undefined;
}

function linkBackupTarget(
  ctx: BuildContext,
  policy: string,
): { url: string | null; secret: string | null; notes: string[] } {
  const target = ctx.index.ofKind(LONGHORN, 'BackupTarget').find((t) => t.object.metadata.name === 'default');
  const url = target?.string('spec.backupTargetURL') || null;
  if (!target || !url)
    return { url: null, secret: null, notes: ['the Longhorn BackupTarget is not in the inventory'] };
  const secret = target.string('spec.credentialSecret') || null;
  // s3://bucket@region/path: the endpoint, if not AWS, is in the credential Secret.
  const s3 = /^s3:\/\/([^@/]+)@/i.exec(url);
  if (s3)
    return {
      url,
      secret,
      notes: secret ? [`a custom S3 endpoint would be in Secret ${secret}, which tierbook never reads`] : [],
    };
  linkDestination(ctx, policy, {
    reader: target,
    field: 'spec.backupTargetURL',
    url,
    via: `Longhorn BackupTarget ${qualifiedName(idOf(target))}`,
  });
  return { url, secret, notes: [] };
}

/** Longhorn Backup objects of this job (`RecurringJob` label) on the volumes it covers. */
function backupRuns(ctx: BuildContext, job: string, volumes: Set<string>): BackupRun[] {
  return ctx.index
    .ofKind(LONGHORN, 'Backup')
    .filter(
      (b) =>
        volumes.has(b.string('status.volumeName') ?? '') &&
        (b.string('status.labels.RecurringJob') ?? b.string('spec.labels.RecurringJob')) === job,
    )
    .map((b) => {
      const state = b.string('status.state') ?? '';
      const created = b.string('status.backupCreatedAt') || null;
      return {
        startedAt: created ?? b.string('metadata.creationTimestamp') ?? null,
        finishedAt: state === 'Completed' ? created : null,
        outcome: state === 'Completed' ? 'success' : state === 'Error' ? 'failure' : 'running',
        error:
          state === 'Error'
            ? `Backup ${b.object.metadata.name} Error${b.string('status.error') ? `: ${b.string('status.error')}` : ''}`
            : null,
      };
    });
}
