import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import { inventoryNamespaces, namespaceNode } from '../backups/policy.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkRestores, named, type RestoreAdapter, recordRestore } from './adapter.ts';
import { secondsBetween } from './durations.ts';
import type { RestoreResult } from './facts.ts';

const VELERO = 'velero.io';
const SCHEDULE_LABEL = 'velero.io/schedule-name';
const RESULTS: Readonly<Record<string, RestoreResult>> = {
  Completed: 'succeeded',
  PartiallyFailed: 'partial',
  Failed: 'failed',
  FailedValidation: 'failed',
};
/** Resources whose restore brings data back; any other list restores manifests only. */
const DATA_RESOURCES = new Set(['*', 'persistentvolumeclaims', 'persistentvolumes', 'pvc', 'pv']);

/**
 * Velero `Restore` (site/content/docs/main/api-types/restore.md): spec.backupName,
 * includedNamespaces, namespaceMapping; status.phase, startTimestamp, completionTimestamp. It is
 * evidence for the namespaces it restored from (a restore mapped into a scratch namespace proves
 * the original's backup). A restore whose scope tierbook cannot tell (a label selector, a
 * resource list without volumes, restorePVs false, `*` of a Backup not read) is tied to nothing.
 */
export const veleroRestore: RestoreAdapter<'velero'> = {
  system: 'velero',
  reads: [groupKind(VELERO, 'Restore', 'restores')],
  extract(ctx) {
    for (const restore of ctx.index.ofKind(VELERO, 'Restore')) record(ctx, restore);
  },
};

function record(ctx: BuildContext, restore: FieldReader): void {
  const id = idOf(restore);
  const namespace = restore.object.metadata.namespace;
  const backupName = restore.string('spec.backupName');
  const backup = backupName ? ctx.index.get(nodeId(VELERO, 'Backup', namespace, backupName)) : undefined;
  const schedule =
    backup?.stringMap('metadata.labels')[SCHEDULE_LABEL] ?? restore.string('spec.scheduleName');
  const policy = schedule
    ? nodeId(VELERO, 'Schedule', namespace, schedule)
    : backupName
      ? nodeId(VELERO, 'Backup', namespace, backupName)
      : null;
  const phase = restore.string('status.phase') ?? '';
  const result = RESULTS[phase] ?? 'running';
  const startedAt = restore.string('status.startTimestamp') ?? null;
  const finishedAt = restore.string('status.completionTimestamp') ?? null;
  const errors = restore.number('status.errors');
  const reason = restore.string('status.failureReason');
  const scope = scopeProblem(restore);
  recordRestore(ctx, id, {
    system: 'velero',
    backup: backupName
      ? `Backup ${named(namespace, backupName)}`
      : schedule
        ? `Schedule ${named(namespace, schedule)}`
        : null,
    policy,
    startedAt,
    finishedAt,
    durationSeconds: secondsBetween(startedAt, finishedAt),
    measured: 'status.startTimestamp to status.completionTimestamp',
    result,
    detail:
      result === 'succeeded'
        ? scope
        : [`phase ${phase || '(none yet)'}`, errors ? `${errors} errors` : '', reason ?? '', scope ?? '']
            .filter(Boolean)
            .join('; '),
  });
  if (scope) return;
  const included = namespacesOf(ctx, restore, backup);
  if (!included) {
    ctx.dangling(
      restore,
      'spec.backupName',
      `restores every namespace of Backup ${backupName ?? '(none)'}, which is not in the inventory: what it restored is not known`,
    );
    return;
  }
  const excluded = new Set(restore.strings('spec.excludedNamespaces'));
  const mapping = restore.stringMap('spec.namespaceMapping');
  for (const from of included) {
    if (excluded.has(from)) continue;
    const into = mapping[from];
    linkRestores(
      ctx,
      id,
      namespaceNode(ctx, from),
      restore,
      'spec.includedNamespaces',
      `Restore ${named(namespace, restore.object.metadata.name)} restored namespace ${from}${into ? ` into ${into}` : ''} from ${backupName ? `Backup ${backupName}` : 'a backup'}`,
    );
  }
}

/** Why a restore cannot be tied to workloads' data, or null when it can. */
function scopeProblem(restore: FieldReader): string | null {
  if (restore.record('spec.labelSelector') || restore.array('spec.orLabelSelectors').length > 0)
    return 'restores only objects matching a label selector: not tied to any workload';
  const resources = restore.strings('spec.includedResources');
  if (resources.length > 0 && !resources.some((r) => DATA_RESOURCES.has(r.split('.')[0] ?? r)))
    return `restores ${resources.join(', ')} only, no volumes: not tied to any workload`;
  if (restore.boolean('spec.restorePVs') === false) return 'restorePVs is false: no volume data was restored';
  return null;
}

/** The namespaces it restored: its own list, else the Backup's, else (a Backup of `*`) all of them. */
function namespacesOf(
  ctx: BuildContext,
  restore: FieldReader,
  backup: FieldReader | undefined,
): string[] | null {
  const own = restore.strings('spec.includedNamespaces');
  if (own.length > 0 && !own.includes('*')) return own;
  if (!backup) return null;
  const backed = backup.strings('spec.includedNamespaces');
  if (backed.length > 0 && !backed.includes('*')) return backed;
  const excluded = new Set(backup.strings('spec.excludedNamespaces'));
  return inventoryNamespaces(ctx).filter((n) => !excluded.has(n));
}
