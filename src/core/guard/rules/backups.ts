import { option } from '../args.ts';
import { args, finding, type GuardRule, isProgram } from './rule.ts';

/** Velero commands that remove a restore point or write into a namespace that exists. */
const VELERO_VALUE = new Set([
  '-n',
  '--namespace',
  '--kubeconfig',
  '--kubecontext',
  '--from-backup',
  '--from-schedule',
  '--include-namespaces',
  '--namespace-mappings',
  '--existing-resource-policy',
  '--selector',
  '-l',
]);

export const BACKUP_RULES: readonly GuardRule[] = [
  {
    id: 'velero-backup-delete',
    family: 'backup',
    programs: ['velero'],
    recognises: 'velero backup|schedule delete NAME|--all',
    read: (inv) => {
      if (!isProgram(inv, 'velero')) return null;
      const split = args(inv, VELERO_VALUE);
      const [noun, verb, ...names] = split.positionals;
      if (!['backup', 'backups', 'schedule', 'schedules'].includes(noun ?? '') || verb !== 'delete')
        return null;
      const what = split.options.has('--all') ? `every Velero ${noun}` : `Velero ${noun} ${names.join(', ')}`;
      return finding({
        review: [
          noun?.startsWith('backup')
            ? `deletes ${what} and its data in object storage: those restore points are gone`
            : `deletes ${what}: no new backups are taken`,
        ],
      });
    },
  },
  {
    id: 'velero-restore-existing',
    family: 'backup',
    programs: ['velero'],
    recognises: 'velero restore create (into namespaces that exist)',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'velero')) return null;
      const split = args(inv, VELERO_VALUE);
      const [noun, verb] = split.positionals;
      if (!['restore', 'restores'].includes(noun ?? '') || verb !== 'create') return null;
      const included = option(split, '--include-namespaces');
      const mapped = (option(split, '--namespace-mappings') ?? '')
        .split(',')
        .map((m) => m.split(':')[1])
        .filter((n): n is string => Boolean(n));
      const existing = inventory.namespaces();
      const targets = [...(included ? included.split(',') : existing), ...mapped].filter((n) =>
        existing.includes(n),
      );
      const policy = option(split, '--existing-resource-policy');
      return finding({
        review: [
          `restores into namespaces that exist (${targets.length > 0 ? [...new Set(targets)].join(', ') : 'which ones is not named: every namespace the backup holds'}): ${policy === 'update' ? 'existing objects are overwritten' : 'existing objects are skipped, so running workloads may mix old and new state'}; restore into a new namespace (--namespace-mappings) and follow tierbook runbook velero-restore`,
        ],
        runbook: 'tierbook runbook velero-restore',
      });
    },
  },
];
