import type { GraphIndex } from '../../graph/graph-index.ts';
import { parseId } from '../../graph/ids.ts';
import type { Workload } from '../workloads.ts';

/**
 * One instance of a workload with the volumes only it uses: a pod of a StatefulSet or of a
 * CloudNativePG/Percona cluster with its own PVCs. `shared` holds volumes every instance uses
 * (an RWX claim, or a single-instance workload's claims).
 */
export interface Instance {
  /** The pod's name, or `#<ordinal>` read from the claim names when no pod was read. */
  name: string;
  claims: string[];
}

/** Operators that keep a full copy of the data in every instance (streaming or Galera replication). */
const REPLICATING_KINDS = new Set([
  'postgresql.cnpg.io/Cluster',
  'pxc.percona.com/PerconaXtraDBCluster',
  'psmdb.percona.com/PerconaServerMongoDB',
  'pgv2.percona.com/PerconaPGCluster',
  'postgres-operator.crunchydata.com/PostgresCluster',
]);

export function replicatesData(workload: Workload): boolean {
  return REPLICATING_KINDS.has(`${workload.node.group}/${workload.node.kind}`);
}

/** StatefulSet claims end in `-<ordinal>`; CloudNativePG's in `-<n>` or `-<n>-wal` / `-<n>-tbs-<name>`. */
const ORDINAL = /-(\d+)(?:-wal|-tbs-[a-z0-9-]+)?$/;

/**
 * Groups a workload's claims by the instance that uses them. A claim mounted by one pod
 * belongs to that pod; by several pods, it is shared; by none (a manifest-only inventory),
 * its name's ordinal says which instance it belongs to, else it is shared.
 */
export function instancesOf(index: GraphIndex, workload: Workload, claims: string[]): Instance[] {
  const members = new Set(workload.members);
  const byInstance = new Map<string, string[]>();
  const add = (name: string, claim: string) => {
    const list = byInstance.get(name) ?? [];
    list.push(claim);
    byInstance.set(name, list);
  };
  const shared: string[] = [];
  for (const claim of claims) {
    const pods = [
      ...new Set(
        index
          .in(claim, 'mounts')
          .map((e) => e.from)
          .filter((id) => members.has(id) && index.node(id)?.kind === 'Pod'),
      ),
    ];
    if (pods.length === 1) add(parseId(pods[0] as string).name, claim);
    else if (pods.length > 1) shared.push(claim);
    else {
      const ordinal = ORDINAL.exec(parseId(claim).name)?.[1];
      if (ordinal !== undefined) add(`#${ordinal}`, claim);
      else shared.push(claim);
    }
  }
  const instances = [...byInstance]
    .map(([name, list]) => ({ name, claims: list.sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (instances.length <= 1) {
    // One instance: its volumes are the workload's only copy, same as shared ones.
    return [{ name: '', claims: [...shared, ...instances.flatMap((i) => i.claims)].sort() }].filter(
      (i) => i.claims.length > 0,
    );
  }
  if (shared.length > 0) instances.push({ name: '', claims: shared.sort() });
  return instances;
}
