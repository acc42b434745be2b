import { groupOf, type SourceResult, type Unreadable } from '../model.ts';

/**
 * The kinds every tierbook answer is about: what runs (Pods, the controllers that make them,
 * and the operator resources tierbook turns into workloads even from manifests alone) and the
 * data (claims and volumes). `group/Kind`, the core group empty. A read holding none of them
 * read nothing tierbook can answer about: "nothing affected" or "no findings" from it would be
 * a false "safe". Keep in step with the workload kinds of `analysis/workloads.ts`.
 */
export const CORE_KINDS: readonly string[] = [
  '/Pod',
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ReplicaSet',
  'batch/Job',
  'batch/CronJob',
  'postgresql.cnpg.io/Cluster',
  'pxc.percona.com/PerconaXtraDBCluster',
  'psmdb.percona.com/PerconaServerMongoDB',
  'pgv2.percona.com/PerconaPGCluster',
  'postgres-operator.crunchydata.com/PostgresCluster',
  'ceph.rook.io/CephCluster',
  '/PersistentVolumeClaim',
  '/PersistentVolume',
];

const CORE = new Set(CORE_KINDS);

/**
 * The same question for a saved graph (content/graph.json): does it hold any object of a core
 * kind that was read (not only referenced)? An inventory written with --allow-shrink from an
 * empty read holds none, and an answer from it would be a false "safe".
 */
export function graphHoldsCoreKind(
  nodes: readonly { group: string; kind: string; missing?: boolean; derived?: boolean }[],
): boolean {
  return nodes.some((n) => !n.missing && !n.derived && CORE.has(`${n.group}/${n.kind}`));
}

/** Short; README and docs/checks.md name every kind. */
const CORE_IN_WORDS = 'Pods, workloads, PVCs, PVs';

/** `core/Pod`, `apps/Deployment`: how messages name a kind. */
export function kindName(u: { group: string; kind: string }): string {
  return `${u.group || 'core'}/${u.kind}`;
}

/** Why a kind could not be read, short: `403 Forbidden`, `401 Unauthorized`, or the error. */
export function unreadableWhy(u: Pick<Unreadable, 'reason' | 'detail'>): string {
  if (u.reason === 'forbidden') return '403 Forbidden';
  if (u.reason === 'unauthorized') return '401 Unauthorized';
  return u.detail;
}

/**
 * Why `read` read nothing tierbook can answer about, or null when it read something. Nothing
 * means either of:
 * - no object of a core kind (`CORE_KINDS`): every list failed or came back empty, or the
 *   offline input held no such object (an empty folder, files tierbook could not use, only
 *   kinds that enrich: classes, backups, routes…);
 * - kinds could not be read and not one object of the core API group came back (every cluster
 *   has Pods, Nodes, Namespaces): the read as a whole failed even if some custom resources read.
 * The inventory refuses to replace content/ on it (`shrink-guard.ts`); `blast` and `check`
 * refuse to answer (exit 3 live, 2 `--from`). A partial read (some kinds unread, the core ones
 * present) is no error: its answers list what was not read.
 */
export function nothingReadReason(read: SourceResult): string | null {
  const hasCoreKind = read.items.some((i) => CORE.has(`${groupOf(i.object.apiVersion)}/${i.object.kind}`));
  const hasCoreGroup = read.items.some((i) => groupOf(i.object.apiVersion) === '');
  if (hasCoreKind && (hasCoreGroup || read.unreadable.length === 0)) return null;
  const found = hasCoreKind
    ? 'the read found no object of the core API group'
    : `the read found no object of the core kinds (${CORE_IN_WORDS})`;
  return `${found}: ${whatHappened(read)}`;
}

/** What the read met instead: unreadable kinds (core ones first), input not read, other kinds. */
function whatHappened(read: SourceResult): string {
  const parts: string[] = [];
  if (read.unreadable.length > 0) {
    const core = read.unreadable.filter((u) => CORE.has(`${u.group}/${u.kind}`) || u.group === '');
    const rest = read.unreadable.filter((u) => !core.includes(u));
    const named = [...core, ...rest].slice(0, 8).map((u) => `${kindName(u)} (${unreadableWhy(u)})`);
    const more = read.unreadable.length - named.length;
    parts.push(
      `${read.unreadable.length} kind(s) could not be read: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}`,
    );
  }
  const notRead = read.notRead ?? [];
  if (notRead.length > 0) {
    const named = notRead.slice(0, 5).map((n) => n.where);
    const more = notRead.length - named.length;
    parts.push(
      `${notRead.length} input(s) could not be read: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}`,
    );
  }
  if (read.items.length > 0) {
    const kinds = [...new Set(read.items.map((i) => i.object.kind))].sort();
    parts.push(
      `it holds only ${read.items.length} object(s) of other kinds (${kinds.slice(0, 6).join(', ')}${kinds.length > 6 ? ', …' : ''})`,
    );
  } else if (read.unreadable.length === 0) {
    const others = read.skipped.length;
    parts.push(
      others > 0
        ? `it holds no object of a kind tierbook reads (${others} file(s) or kind(s) passed over)`
        : 'the source holds no object of a kind tierbook reads',
    );
  }
  return parts.join('; ');
}
