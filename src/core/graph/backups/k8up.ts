import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkDestination } from './destination.ts';
import { linkProtects, recordProtection } from './policy.ts';
import { type BackupRun, summariseRuns } from './runs.ts';

const K8UP = 'k8up.io';
/** A PVC opts out with this annotation set to "false" (older releases: k8up.syn.tools/backup). */
const OPT_OUT = ['k8up.io/backup', 'k8up.syn.tools/backup'];

/**
 * k8up: a Schedule (or a Backup made by hand) backs up every PVC of its namespace with restic,
 * except those annotated `k8up.io/backup: "false"`, to the backend in `spec.backend`. Backups a
 * Schedule made name it in their ownerReferences.
 */
export const k8up: BackupAdapter<'k8up'> = {
  system: 'k8up',
  snapshotMarks: { ownerGroups: ['k8up.io'] },
  statusField: 'status.conditions',
  copies: 'volumes',
  fileCopyMethods: ['k8up restic'],
  reads: [groupKind('k8up.io', 'Schedule', 'schedules'), groupKind('k8up.io', 'Backup', 'backups')],
  extract(ctx) {
    const bySchedule = new Map<string, FieldReader[]>();
    const standalone: FieldReader[] = [];
    for (const backup of ctx.index.ofKind(K8UP, 'Backup')) {
      const owner = backup
        .indexes('metadata.ownerReferences')
        .find((i) => backup.string(`metadata.ownerReferences[${i}].kind`) === 'Schedule');
      if (owner === undefined) standalone.push(backup);
      else {
        const name = backup.string(`metadata.ownerReferences[${owner}].name`) ?? '';
        const id = nodeId(K8UP, 'Schedule', backup.object.metadata.namespace, name);
        bySchedule.set(id, [...(bySchedule.get(id) ?? []), backup]);
      }
    }
    for (const schedule of ctx.index.ofKind(K8UP, 'Schedule')) {
      const runs = bySchedule.get(idOf(schedule)) ?? [];
      const backend = schedule.record('spec.backup.backend') ? 'spec.backup.backend' : 'spec.backend';
      record(ctx, schedule, backend, runs, schedule.string('spec.backup.schedule') ?? null);
    }
    for (const backup of standalone) record(ctx, backup, 'spec.backend', [backup], null);
  },
};

function record(
  ctx: BuildContext,
  policy: FieldReader,
  backend: string,
  runs: FieldReader[],
  schedule: string | null,
): void {
  const id = idOf(policy);
  const namespace = policy.object.metadata.namespace ?? '';
  for (const claim of ctx.index.inNamespace('', 'PersistentVolumeClaim', namespace)) {
    const annotations = claim.stringMap('metadata.annotations');
    if (OPT_OUT.some((a) => annotations[a] === 'false')) continue;
    linkProtects(
      ctx,
      id,
      idOf(claim),
      policy,
      backend,
      `k8up backs up every PVC of its namespace${namespace ? ` ${namespace}` : ''} not annotated k8up.io/backup: "false"`,
    );
  }
  const { url, field, repositorySecret } = backendOf(policy, backend);
  if (url && field)
    linkDestination(ctx, id, {
      reader: policy,
      field,
      url,
      via: `${policy.object.kind} ${namespace}/${policy.object.metadata.name}`,
    });
  const localPath = policy.string(`${backend}.local.mountPath`);
  const summary = summariseRuns(runs.map(runOf));
  if (runs.length === 0 && !policy.record('status')) summary.state = 'unknown';
  recordProtection(ctx, id, summary, {
    system: 'k8up',
    method: 'k8up restic',
    schedule,
    url,
    onVolumeStorage: false,
    repositorySecret,
    notes: localPath
      ? [`local repository at ${localPath}: a volume inside the cluster`]
      : url
        ? []
        : ['the backend is not named in the spec'],
  });
}

/** The backend's address: an S3 endpoint and bucket, a REST server, or a cloud bucket. */
function backendOf(
  policy: FieldReader,
  backend: string,
): { url: string | null; field: string | null; repositorySecret: string | null } {
  const secret = policy.string(`${backend}.repoPasswordSecretRef.name`) ?? null;
  const s3Endpoint = policy.string(`${backend}.s3.endpoint`);
  const s3Bucket = policy.string(`${backend}.s3.bucket`);
  if (s3Endpoint || s3Bucket)
    return {
      url: s3Endpoint ?? `s3://${s3Bucket}`,
      field: s3Endpoint ? `${backend}.s3.endpoint` : `${backend}.s3.bucket`,
      repositorySecret: secret,
    };
  const rest = policy.string(`${backend}.rest.url`);
  if (rest) return { url: rest, field: `${backend}.rest.url`, repositorySecret: secret };
  for (const [kind, key, scheme] of [
    ['b2', 'bucket', 'b2'],
    ['gcs', 'bucket', 'gs'],
    ['azure', 'container', 'azure'],
    ['swift', 'container', 'swift'],
  ] as const) {
    const name = policy.string(`${backend}.${kind}.${key}`);
    if (name)
      return { url: `${scheme}://${name}`, field: `${backend}.${kind}.${key}`, repositorySecret: secret };
  }
  return { url: null, field: null, repositorySecret: secret };
}

function runOf(backup: FieldReader): BackupRun {
  const completed = backup
    .indexes('status.conditions')
    .find((i) => backup.string(`status.conditions[${i}].type`) === 'Completed');
  const at = (f: string) =>
    completed === undefined ? undefined : backup.string(`status.conditions[${completed}].${f}`);
  const reason = at('reason');
  const status = at('status');
  // `Completed` turns True when the run ends; its reason says how (Succeeded, Failed, …).
  const finished = backup.boolean('status.finished') === true || status === 'True';
  const failed = finished && reason !== undefined && reason !== 'Succeeded' && reason !== 'Finished';
  return {
    startedAt: backup.string('metadata.creationTimestamp') ?? null,
    finishedAt: at('lastTransitionTime') ?? null,
    outcome: !finished ? 'running' : failed ? 'failure' : 'success',
    error: failed
      ? `Backup ${backup.object.metadata.name} failed${at('message') ? `: ${at('message')}` : ''}`
      : null,
  };
}
