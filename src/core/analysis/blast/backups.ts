import { qualifiedName } from '../../graph/ids.ts';
import type { Protection } from '../backups/model.ts';
import { restoreAgeSeconds } from '../checks/restore-facts.ts';
import { copiesHostPaths } from '../host-path-data.ts';
import { lastRestoreFrom } from '../restores/evidence.ts';
import type { BlastContext } from './context.ts';
import type { Effect } from './effect.ts';
import type { BackupSurvival } from './model.ts';

export interface BlastState {
  workloads: ReadonlyMap<string, Effect>;
  volumes: (claim: string) => Effect | null;
  pools: (pool: string) => Effect | null;
}

/**
 * Whether each backup of a workload outlives this same target. A copy outside the cluster
 * does; an in-cluster copy does unless what holds it (the object store's workload, a PVC, a
 * pool, the volume's own CSI snapshots) loses its data here. An unknown destination is
 * assumed lost: nobody can restore from a copy they cannot find.
 */
export function backupSurvival(context: BlastContext, workload: string, state: BlastState): BackupSurvival[] {
  const protections = context.analysis.protections.get(workload) ?? [];
  const hostPaths = context.shapes.get(workload)?.hostPaths ?? [];
  return protections.map((p) => {
    const { survives, why } = survival(context, workload, p, state);
    // A volume backup holds the volumes only: the hostPath data is in no copy of it.
    const note =
      hostPaths.length > 0 && !copiesHostPaths(context.analysis.index.graph, p)
        ? `; it copies volumes, not hostPath ${[...new Set(hostPaths.map((h) => h.path))].join(', ')}`
        : '';
    const restored = lastRestoreFrom(context.analysis.restores.get(workload), p.id, p.system);
    return {
      kind: p.method,
      system: p.system,
      last_success: p.lastSuccess,
      survives,
      why: `${why}${note}`,
      ...(restored
        ? {
            last_restore: {
              finished_at: restored.finishedAt,
              age_seconds: restoreAgeSeconds(restored, context.analysis.now),
              duration_seconds: restored.durationSeconds,
              evidence: restored.id,
            },
          }
        : {}),
    };
  });
}

function survival(
  context: BlastContext,
  workload: string,
  protection: Protection,
  state: BlastState,
): { survives: boolean; why: string } {
  const { destination } = protection;
  if (destination.where === 'outside') {
    return {
      survives: true,
      why: `kept outside the cluster${destination.url ? ` (${destination.url})` : ''}`,
    };
  }
  if (destination.where === 'unknown' || !destination.node) {
    return { survives: false, why: 'destination unknown' };
  }
  const holder = context.index.node(destination.node);
  const name = qualifiedName(destination.node);
  switch (holder?.kind) {
    case 'Service': {
      const holders = [
        ...new Set(
          context.index.out(destination.node, 'selects').map((e) => context.ownerOf.get(e.to) ?? e.to),
        ),
      ].sort();
      return byWorkloads(holders, state, `Service ${name}`);
    }
    case 'PersistentVolumeClaim':
      return byEffect(state.volumes(destination.node), `PVC ${name}`);
    case 'CephBlockPool':
    case 'CephFilesystemPool':
      return byEffect(state.pools(destination.node), `pool ${name}`);
    case 'CSIDriver': {
      // CSI snapshots live where the volume lives (an RBD snapshot is in the image's pool).
      const covered =
        protection.covers.length > 0 ? protection.covers : (context.shapes.get(workload)?.claims ?? []);
      const lost = covered.filter((c) => state.volumes(c)?.impact === 'data-loss');
      if (lost.length > 0) {
        return {
          survives: false,
          why: `snapshots by ${name} live in the same storage as PVC ${lost.map(qualifiedName).join(', ')}, which loses data here`,
        };
      }
      return {
        survives: true,
        why: `snapshots by ${name}: the storage they share with the volume keeps its data here`,
      };
    }
    default:
      if (context.analysis.workloadById.has(destination.node))
        return byWorkloads([destination.node], state, `${holder?.kind ?? 'workload'} ${name}`);
      return {
        survives: false,
        why: `kept in the cluster on ${name}, which tierbook cannot follow; assumed lost`,
      };
  }
}

function byWorkloads(holders: string[], state: BlastState, via: string): { survives: boolean; why: string } {
  if (holders.length === 0)
    return { survives: false, why: `kept on ${via}, which selects no workload; assumed lost` };
  const names = holders.map(qualifiedName).join(', ');
  const effects = holders.map((h) => state.workloads.get(h)).filter((e): e is Effect => !!e);
  if (effects.some((e) => e.impact === 'data-loss')) {
    return {
      survives: false,
      why: `target ${names} (behind ${via}) is itself in the blast radius and loses data`,
    };
  }
  if (effects.some((e) => e.impact === 'unavailable')) {
    return {
      survives: true,
      why: `kept on ${names} (behind ${via}), unavailable here: reachable again once it is back`,
    };
  }
  return { survives: true, why: `kept on ${names} (behind ${via}), which keeps its data here` };
}

function byEffect(effect: Effect | null, what: string): { survives: boolean; why: string } {
  if (effect?.impact === 'data-loss')
    return { survives: false, why: `kept on ${what}, which loses data here` };
  if (effect?.impact === 'unavailable')
    return { survives: true, why: `kept on ${what}, unavailable here: reachable again once it is back` };
  return { survives: true, why: `kept on ${what}, which keeps its data here` };
}
