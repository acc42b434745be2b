import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import type { Workload } from '../workloads.ts';
import type { WorkloadShape } from './context.ts';
import { type Effect, rank, worse } from './effect.ts';
import { hostPathEffect } from './host-path-effect.ts';
import { notServing, replicatesData } from './instances.ts';
import { type Losses, osdLabel } from './losses.ts';

export interface WorkloadInputs {
  index: GraphIndex;
  losses: Losses;
  outage: boolean;
  volumeEffect: (claim: string) => Effect | null;
  /** Workload id → the lost OSDs whose Deployments it owns (a CephCluster). */
  lostOsdsOf: Map<string, string[]>;
  /** Workload id → how many OSDs it runs. */
  osdsOf: Map<string, number>;
  assume: (line: string) => void;
}

/**
 * What the target does to one workload directly (its volumes, its pods, its OSDs), before
 * anything that depends on it is considered.
 */
export function workloadEffect(
  workload: Workload,
  shape: WorkloadShape,
  inputs: WorkloadInputs,
): Effect | null {
  const down = inputs.losses.workloads.get(workload.id);
  let effect: Effect | null = down
    ? { impact: 'unavailable', why: [`${down}: down, its data intact`] }
    : null;
  effect = worse(effect, storageEffect(workload, shape, inputs));
  effect = worse(effect, hostPathEffect(workload, shape.hostPaths, inputs));
  effect = worse(effect, podEffect(shape, inputs));
  effect = worse(effect, osdEffect(workload, inputs));
  return effect;
}

/**
 * Volumes, instance by instance. An instance is lost when any of its volumes is. A workload
 * whose instances each keep a copy (a CloudNativePG or Percona cluster, a StatefulSet with
 * claim templates) loses data only when every serving instance does; a volume all instances
 * share, or a single instance's, is the only copy. Only instances that exist and are Ready
 * serve: claims a scaled-down StatefulSet left behind are not copies that keep it serving.
 */
function storageEffect(workload: Workload, shape: WorkloadShape, inputs: WorkloadInputs): Effect | null {
  // Most workloads keep no volume on what a target takes: nothing to weigh (every domain of a
  // large cluster asks every workload, so this is the common case).
  if (noVolumeEffect(shape, inputs)) return null;
  const perInstance = shape.instances.map((instance) => {
    let effect: Effect | null = null;
    for (const claim of instance.claims) effect = worse(effect, inputs.volumeEffect(claim));
    return { instance, effect };
  });
  const shared = perInstance.find((p) => p.instance.name === '');
  const own = perInstance.filter((p) => p.instance.name !== '');
  if (own.length <= 1) return worse(shared?.effect ?? null, own[0]?.effect ?? null);
  const hurt = own.filter((p) => p.effect);
  if (hurt.length === 0) return shared?.effect ?? null;
  const name = (p: (typeof own)[number]) => p.instance.name;
  const serving = own.filter((p) => p.instance.serving);
  const idle = own.filter((p) => !p.instance.serving);
  const idleWhy =
    idle.length > 0 ? `; not serving: ${idle.map((p) => p.instance.servingWhy ?? name(p)).join(', ')}` : '';
  if (serving.length === 0) {
    // Nothing serves, so no instance is a live copy of another's: each volume counts alone.
    let worst: Effect | null = null;
    for (const p of hurt) worst = worse(worst, p.effect);
    const impact = (worst as Effect).impact;
    const effect: Effect = {
      impact,
      why: [
        ...whyOf(hurt),
        `no instance serves (${idle.map((p) => p.instance.servingWhy ?? name(p)).join(', ')})${rank(impact) <= rank('unavailable') ? ': no other copy stands in for a lost volume' : ''}`,
      ],
    };
    return worse(shared?.effect ?? null, effect);
  }
  const stopped = serving.filter((p) => p.effect && rank(p.effect.impact) <= rank('unavailable'));
  const idleHurt = idle.filter((p) => p.effect && rank(p.effect.impact) <= rank('unavailable'));
  let effect: Effect;
  if (stopped.length === serving.length) {
    const allLost = stopped.every((p) => p.effect?.impact === 'data-loss');
    const which = idle.length > 0 ? 'serving instance' : 'instance';
    effect = {
      impact: allLost ? 'data-loss' : 'unavailable',
      why: [
        ...whyOf(stopped),
        allLost
          ? `every ${which} loses its volumes (${serving.map(name).join(', ')}): no ${idle.length > 0 ? 'serving ' : ''}copy is left${idleWhy}`
          : `no instance can serve (${serving.map(name).join(', ')}); the data survives on ${stopped
              .filter((p) => p.effect?.impact !== 'data-loss')
              .map(name)
              .join(', ')}${idleWhy}`,
      ],
    };
  } else if (stopped.length > 0 || idleHurt.length > 0) {
    const down = [...stopped, ...idleHurt];
    const survivors = serving.filter((p) => !stopped.includes(p)).map(name);
    const lostVolumes = down.some((p) => p.effect?.impact === 'data-loss');
    effect = {
      impact: 'degraded',
      why: [
        ...whyOf(down),
        `instance${down.length > 1 ? 's' : ''} ${down.map(name).join(', ')} ${lostVolumes ? (down.length > 1 ? 'lose their volumes' : 'loses its volumes') : down.length > 1 ? 'stop' : 'stops'}; ${survivors.join(', ')} keep${survivors.length === 1 ? 's' : ''} a copy and serve${survivors.length === 1 ? 's' : ''}${idleHurt.length > 0 ? `; not serving: ${idleHurt.map((p) => p.instance.servingWhy ?? name(p)).join(', ')}` : ''}`,
      ],
    };
    if (!replicatesData(workload)) {
      inputs.assume(
        `${workload.node.kind} ${qualifiedName(workload.id)}: its ${own.length} instances are assumed to replicate each other's data (each has its own volumes)`,
      );
    }
    const assumed = serving.filter((p) => !stopped.includes(p) && p.instance.servingAssumed);
    for (const p of assumed)
      inputs.assume(
        `${workload.node.kind} ${qualifiedName(workload.id)}: ${p.instance.servingWhy ?? name(p)}`,
      );
  } else {
    effect = { impact: 'degraded', why: hurt[0]?.effect?.why ?? [] };
  }
  return worse(shared?.effect ?? null, effect);
}

function noVolumeEffect(shape: WorkloadShape, inputs: WorkloadInputs): boolean {
  for (const instance of shape.instances)
    for (const claim of instance.claims) if (inputs.volumeEffect(claim) !== null) return false;
  return true;
}

/** A pod that completed or failed (an installer, a finished Job) serves nothing: losing it changes nothing. */
const FINISHED_PHASES = new Set(['Succeeded', 'Failed']);

export function isFinished(index: GraphIndex, pod: string): boolean {
  return FINISHED_PHASES.has(String(index.node(pod)?.attrs.phase ?? ''));
}

/**
 * isFinished, remembered per pod for an index: a node-loss query asks it of every pod on the
 * lost node, and the failure domains of an inventory ask it again for each node.
 */
const finishedMemo = new WeakMap<GraphIndex, (pod: string) => boolean>();

function finishedPods(index: GraphIndex): (pod: string) => boolean {
  let found = finishedMemo.get(index);
  if (!found) {
    const memo = new Map<string, boolean>();
    found = (pod) => {
      let finished = memo.get(pod);
      if (finished === undefined) {
        finished = isFinished(index, pod);
        memo.set(pod, finished);
      }
      return finished;
    };
    finishedMemo.set(index, found);
  }
  return found;
}

/** A Job or bare pod whose every pod read has finished: nothing of it runs, nothing of it can stop. */
export function workloadFinished(index: GraphIndex, shape: WorkloadShape): boolean {
  const kind = shape.id.split('/').slice(0, 2).join('/');
  return (
    (kind === 'batch/Job' || kind === 'core/Pod') &&
    shape.pods.length > 0 &&
    shape.pods.every((p) => isFinished(index, p.id))
  );
}

/**
 * Pods on a lost node: rescheduled elsewhere, but until then the workload runs on the rest. A
 * bare or static pod is not rescheduled: it is down until re-created (or its node is back).
 * Only the other pods that are Ready keep it serving (a pod with no Ready condition read, from
 * a manifest, serves unless its phase says otherwise: instances.ts `notServing`).
 */
function podEffect(shape: WorkloadShape, inputs: WorkloadInputs): Effect | null {
  if (inputs.losses.nodes.size === 0) return null;
  const finished = finishedPods(inputs.index);
  const running = shape.pods.filter((p) => !finished(p.id));
  if (running.length === 0) return null;
  const lost = running.filter((p) => p.node && inputs.losses.nodes.has(p.node));
  if (lost.length === 0) return null;
  const node = qualifiedName(lost[0]?.node as string);
  const pods = lost.map((p) => qualifiedName(p.id)).join(', ');
  const others = running
    .filter((p) => !lost.includes(p))
    .map((p) => ({ pod: qualifiedName(p.id), idle: notServing(inputs.index, p.id) }));
  const idle = others.filter((p) => p.idle).map((p) => `pod ${p.pod} ${p.idle}`);
  const left = others.length - idle.length;
  if (others.length === 0) {
    const until =
      shape.id.startsWith('core/Pod/') && running.length === 1 && running[0]?.id === shape.id
        ? inputs.index.node(shape.id)?.attrs.staticPod === true
          ? 'a static pod, it is down until the node is back'
          : 'a bare pod (no controller), it is down until someone re-creates it'
        : 'it is down until rescheduled';
    return {
      impact: 'unavailable',
      why: [`its only pod${lost.length > 1 ? 's' : ''} (${pods}) ran on node ${node}; ${until}`],
    };
  }
  if (left === 0) {
    return {
      impact: 'unavailable',
      why: [
        `pod${lost.length > 1 ? 's' : ''} ${pods} ran on node ${node}; no other pod keeps it serving (${idle.join(', ')}); it is down until rescheduled`,
      ],
    };
  }
  return {
    impact: 'degraded',
    why: [
      `pod${lost.length > 1 ? 's' : ''} ${pods} ran on node ${node}; ${left} other pod${left > 1 ? 's keep' : ' keeps'} serving${idle.length > 0 ? `; not serving: ${idle.join(', ')}` : ''}`,
    ],
  };
}

/** A Ceph cluster that loses an OSD keeps serving from the others (its pools say how well). */
function osdEffect(workload: Workload, inputs: WorkloadInputs): Effect | null {
  const lost = inputs.lostOsdsOf.get(workload.id) ?? [];
  if (lost.length === 0) return null;
  const all = inputs.osdsOf.get(workload.id) ?? lost.length;
  if (lost.length >= all)
    return { impact: 'unavailable', why: [`loses every OSD: ${lost.map(osdLabel).join(', ')}`] };
  return {
    impact: 'degraded',
    why: [`loses ${lost.map(osdLabel).join(', ')}; its other OSDs keep serving (the pools say how well)`],
  };
}

/** The reasons of several instances, each line once: shared pool lines, then each volume. */
function whyOf(instances: { effect: Effect | null }[]): string[] {
  return [...new Set(instances.flatMap((i) => i.effect?.why ?? []))];
}
