import type { GraphIndex } from '../../graph/graph-index.ts';
import { nodeId, parseId } from '../../graph/ids.ts';
import { workloadKindOf } from '../workload-kinds.ts';
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
  /**
   * It exists and is Ready, so it keeps a copy and serves. Claims a scaled-down StatefulSet
   * left behind, and pods that are not Ready, do not.
   */
  serving: boolean;
  /** Why it does not serve, or why serving is assumed (nothing says whether it runs). */
  servingWhy?: string;
  servingAssumed?: boolean;
}

export function replicatesData(workload: Workload): boolean {
  return workloadKindOf(workload.node)?.replicates ?? false;
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
  const podsRead = workload.members.some((id) => isPod(index, id));
  const instances: Instance[] = [...byInstance]
    .map(([name, list]) => ({ name, claims: list.sort(), ...serving(index, name, list, podsRead, workload) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (instances.length <= 1) {
    // One instance: its volumes are the workload's only copy, same as shared ones.
    return [
      { name: '', claims: [...shared, ...instances.flatMap((i) => i.claims)].sort(), serving: true },
    ].filter((i) => i.claims.length > 0);
  }
  if (shared.length > 0) instances.push({ name: '', claims: shared.sort(), serving: true });
  return instances;
}

/**
 * Why a pod keeps nothing serving ("is not Ready", "is Pending"), or null when it serves. A
 * pod serves when its Ready condition is True; with no Ready condition read (a manifest, no
 * status), when its phase is Running or unknown: nothing says otherwise.
 */
export function notServing(index: GraphIndex, pod: string): string | null {
  const { ready, phase } = index.node(pod)?.attrs ?? {};
  if (ready === false) return 'is not Ready';
  if (ready === undefined && typeof phase === 'string' && phase !== 'Running') return `is ${phase}`;
  return null;
}

function isPod(index: GraphIndex, id: string): boolean {
  const node = index.node(id);
  return node?.kind === 'Pod' && node.group === '';
}

/**
 * Whether an instance serves. A pod serves when Ready (or, read from a manifest with no
 * status, when nothing says otherwise). An ordinal with no pod: when the workload's pods were
 * read, it has none and does not serve; from manifests, its StatefulSet's `spec.replicas`
 * says whether the ordinal exists; with neither, it is assumed to serve, and said.
 */
function serving(
  index: GraphIndex,
  name: string,
  claims: string[],
  podsRead: boolean,
  workload: Workload,
): Pick<Instance, 'serving' | 'servingWhy' | 'servingAssumed'> {
  if (!name.startsWith('#')) {
    const idle = notServing(index, nodeId('', 'Pod', workload.node.namespace, name));
    return idle ? { serving: false, servingWhy: `pod ${name} ${idle}` } : { serving: true };
  }
  const ordinal = Number(name.slice(1));
  if (podsRead) return { serving: false, servingWhy: `ordinal ${ordinal} has no pod` };
  const set = claims
    .flatMap((claim) => index.in(claim, 'mounts').map((e) => index.node(e.from)))
    .find((n) => n?.kind === 'StatefulSet' && typeof n.attrs.replicas === 'number');
  if (set) {
    const replicas = set.attrs.replicas as number;
    const start = typeof set.attrs.ordinalsStart === 'number' ? set.attrs.ordinalsStart : 0;
    if (ordinal < start || ordinal >= start + replicas)
      return {
        serving: false,
        servingWhy: `ordinal ${ordinal} is not run (StatefulSet ${set.name}'s spec.replicas is ${replicas})`,
      };
    return { serving: true };
  }
  return {
    serving: true,
    servingAssumed: true,
    servingWhy: `no pod read and no replica count: instance ${name} is assumed to run`,
  };
}
