import { BACKUP_RULES } from './backups.ts';
import { CEPH_RULES } from './ceph.ts';
import { DISK_RULES } from './disks.ts';
import { KUBERNETES_RULES } from './kubernetes.ts';
import { finding, type GuardRule } from './rule.ts';
import { TALOS_RULES } from './talos.ts';

/**
 * The guard's table: every destructive command it recognises, one row each (docs/guard.md
 * lists them). To add one: a row in the family's file (or a new family file listed here) and
 * a line in its table-driven test (tests/guard/).
 */
export const GUARD_RULES: readonly GuardRule[] = [
  ...CEPH_RULES,
  ...DISK_RULES,
  ...KUBERNETES_RULES,
  ...TALOS_RULES,
  ...BACKUP_RULES,
  {
    // `$CMD osd purge 3`, `"$TOOL" …`: what runs is known only when it runs.
    id: 'dynamic-program',
    family: 'shell',
    programs: [],
    recognises: 'a command whose program is a variable or substitution ($CMD …)',
    read: (inv) =>
      inv.dynamic[0] === true
        ? finding({ review: [`the program "${inv.words[0] ?? ''}" is known only when it runs`] })
        : null,
  },
];

export type { GuardRule, StepFinding } from './rule.ts';
