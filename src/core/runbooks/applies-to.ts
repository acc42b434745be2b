import type { BackupSystem } from '../analysis/backups/model.ts';
import { BACKUP_ADAPTERS } from '../graph/backups/index.ts';
import type { AppliesTo, RunbookTargetType } from './model.ts';

/** Backup systems an `appliesTo: backup/<system>` entry may name: one per backup adapter. */
export const BACKUP_SYSTEMS: readonly BackupSystem[] = BACKUP_ADAPTERS.map((a) => a.system);

/** Roles an `appliesTo: role/<role>` entry may name. */
export const ROLES: readonly string[] = ['identity-provider'];

const PLAIN: readonly RunbookTargetType[] = ['osd', 'node', 'pool', 'device', 'cluster', 'workload'];

/** One `appliesTo` entry, read: what it binds to and what narrows it within that type. */
export type AppliesToEntry =
  | { type: Exclude<RunbookTargetType, 'workload'>; entry: AppliesTo }
  | { type: 'workload'; entry: AppliesTo; kind: { group: string; kind: string } | null }
  | { type: 'workload'; entry: AppliesTo; backup: BackupSystem }
  | { type: 'workload'; entry: AppliesTo; role: string };

/**
 * Reads one `appliesTo` entry (model.ts AppliesTo): `osd`, `node`, `pool`, `device`, `cluster`,
 * `workload`, `workload/<group>/<Kind>` (`workload/apps/StatefulSet`; the core group is
 * `workload/core/Pod`), `backup/<system>`, `role/<role>`. Null when it is none of them.
 */
export function readAppliesTo(entry: string): AppliesToEntry | null {
  if ((PLAIN as readonly string[]).includes(entry)) {
    const type = entry as RunbookTargetType;
    return type === 'workload' ? { type, entry, kind: null } : { type, entry };
  }
  const kind = /^workload\/([a-z0-9.-]+)\/([A-Za-z][A-Za-z0-9]*)$/.exec(entry);
  if (kind?.[1] && kind[2])
    return { type: 'workload', entry, kind: { group: kind[1] === 'core' ? '' : kind[1], kind: kind[2] } };
  const backup = /^backup\/(.+)$/.exec(entry)?.[1];
  if (backup && (BACKUP_SYSTEMS as readonly string[]).includes(backup))
    return { type: 'workload', entry, backup: backup as BackupSystem };
  const role = /^role\/(.+)$/.exec(entry)?.[1];
  if (role && ROLES.includes(role)) return { type: 'workload', entry, role };
  return null;
}

/** The forms an `appliesTo` entry may take, for error messages. */
export const APPLIES_TO_FORMS = `${PLAIN.join(', ')}, workload/<group>/<Kind>, backup/<${BACKUP_SYSTEMS.join('|')}>, role/<${ROLES.join('|')}>`;
