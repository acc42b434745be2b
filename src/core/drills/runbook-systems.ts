/**
 * The backup system each built-in restore runbook restores from (docs/runbooks.md ids): a drill
 * run from one proves that system's backups of its target (blast shows it beside them).
 */
export const RUNBOOK_SYSTEMS: Readonly<Record<string, string>> = {
  'cnpg-restore': 'cloudnative-pg',
  'pxc-restore': 'percona-xtradb',
  'velero-restore': 'velero',
  'volsync-restore': 'volsync',
  'k8up-restore': 'k8up',
  'longhorn-restore': 'longhorn',
};
