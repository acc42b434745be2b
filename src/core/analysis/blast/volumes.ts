import type { NodePlacement } from '../../graph/backends/placement.ts';
import { qualifiedName } from '../../graph/ids.ts';
import type { ClaimStorage } from './context.ts';
import type { Effect } from './effect.ts';
import { worse } from './effect.ts';
import type { Losses } from './losses.ts';

export interface VolumeInputs {
  losses: Losses;
  outage: boolean;
  poolEffect: (pool: string) => Effect | null;
  assume: (line: string) => void;
}

/**
 * What the target does to one volume (before `--outage` softens it), from the placement its
 * backend reported: pools (the worst of them), copies on nodes (lost when every copy may be
 * on lost nodes), or outside the cluster's failure domains (only a class or PVC target
 * reaches it). A placement's assumptions are stated whenever the target could touch it.
 */
export function volumeEffect(
  storage: ClaimStorage,
  inputs: VolumeInputs,
  labels: ClaimLabels = claimLabels(storage),
): Effect | null {
  const { losses } = inputs;
  const { placement } = storage;
  const direct = losses.claims.get(storage.claim);
  if (direct) return lost(inputs, [direct]);
  if (unknownAndLost(storage, losses)) {
    const claim = labels.claim;
    inputs.assume(
      `${claim}: ${storage.unknownPlacement}; where its data lives is unknown, assumed worst case: on what is lost`,
    );
    return lost(inputs, [`${claim} may keep its data on what is lost: where it lives is unknown`]);
  }
  switch (placement.type) {
    case 'pools': {
      let effect: Effect | null = null;
      for (let i = 0; i < placement.pools.length; i++) {
        const poolEffect = inputs.poolEffect(placement.pools[i] as string);
        if (poolEffect)
          effect = worse(effect, {
            impact: poolEffect.impact,
            why: [...poolEffect.why, inPoolLine(storage, labels, i)],
          });
      }
      if (effect) for (const line of placement.assumptions) inputs.assume(line);
      return effect;
    }
    case 'nodes':
      return nodesEffect(placement, labels.claim, inputs);
    case 'outside': {
      const infrastructure = losses.nodes.size + losses.osds.size + losses.disks.size + losses.pools.size;
      if (infrastructure > 0) for (const line of placement.assumptions) inputs.assume(line);
      return null;
    }
  }
}

/**
 * Copies on distinct nodes: losing nodes loses at most that many copies. Known placement
 * counts the lost copies; unknown takes the worst case, every lost candidate node holding one.
 */
function nodesEffect(placement: NodePlacement, claim: string, inputs: VolumeInputs): Effect | null {
  const lostNodes = placement.nodes.filter((n) => inputs.losses.nodes.has(n));
  if (lostNodes.length === 0) return null;
  for (const line of placement.assumptions) inputs.assume(line);
  const { words, copies, known } = placement;
  const where = lostNodes.map(qualifiedName).join(', ');
  const gone = Math.min(copies, lostNodes.length);
  if (gone >= copies) {
    let why: string;
    if (known && copies === 1)
      why = `${claim} is ${words} on node ${where}: its only ${placement.unit} is on that node`;
    else if (known) why = `${claim} is ${words} whose every ${placement.unit} is on ${where}`;
    else if (copies === 1)
      why = `${claim} is ${words} kept on one node (assumed ${lostNodes.length > 1 ? `one of nodes ${where}` : `node ${where}`})`;
    else why = `${claim} is ${words} kept on ${copies} distinct nodes, which may be ${where}`;
    return lost(inputs, [why]);
  }
  const left = copies - gone;
  if (known) {
    return {
      impact: 'degraded',
      why: [
        `${claim} is ${words} with ${plural(placement.unit)} on ${placement.nodes.map(qualifiedName).join(', ')}: the ${gone === 1 ? 'one' : 'ones'} on ${where} ${gone === 1 ? 'is' : 'are'} lost, ${left} remain${left === 1 ? 's' : ''}`,
      ],
    };
  }
  return {
    impact: 'degraded',
    why: [
      `${claim} is ${words} kept on ${copies} distinct nodes: at most ${gone === 1 ? 'one of them is' : `${gone} of them are`} ${where}`,
    ],
  };
}

/**
 * `PVC namespace/name`, and each `… is WORDS in pool P` line of a claim: made once per claim
 * by the caller that keeps them (a blast context keeps them for every query), rather than again
 * in every query that reaches the claim (every failure domain of an inventory); one string, so
 * the answers' reasons are the same string too.
 */
export interface ClaimLabels {
  claim: string;
  inPool: (string | undefined)[];
}

export function claimLabels(storage: ClaimStorage): ClaimLabels {
  return { claim: `PVC ${qualifiedName(storage.claim)}`, inPool: [] };
}

/** `${claim} is ${words} in pool ${pool}` for the claim's i-th pool (placement type 'pools'). */
function inPoolLine(storage: ClaimStorage, labels: ClaimLabels, i: number): string {
  let line = labels.inPool[i];
  if (line === undefined) {
    const placement = storage.placement as Extract<ClaimStorage['placement'], { type: 'pools' }>;
    line = `${labels.claim} is ${placement.words} in pool ${qualifiedName(placement.pools[i] as string)}`;
    line.charCodeAt(0);
    labels.inPool[i] = line;
  }
  return line;
}

function plural(unit: string): string {
  return unit.endsWith('y') ? `${unit.slice(0, -1)}ies` : `${unit}s`;
}

/**
 * The claim's effect is settled before its placement is read (no pool of it is weighed): it
 * is lost itself, or where it lives is unknown while storage is lost (reach.ts).
 */
export function decidedBeforePlacement(storage: ClaimStorage | undefined, losses: Losses): boolean {
  return !storage || !!losses.claims.get(storage.claim) || unknownAndLost(storage, losses);
}

function unknownAndLost(storage: ClaimStorage, losses: Losses): boolean {
  return !!storage.unknownPlacement && storageIsLost(losses);
}

/** A node, disk, OSD or pool is lost: storage that an unknown claim may be on. */
export function storageIsLost(losses: Losses): boolean {
  return losses.nodes.size + losses.disks.size + losses.osds.size + losses.pools.size > 0;
}

/** Lost with its data, or with `--outage` down until the target returns. */
function lost(inputs: VolumeInputs, why: string[]): Effect {
  return inputs.outage
    ? { impact: 'unavailable', why: [...why, 'down with the target; the data is intact once it is back'] }
    : { impact: 'data-loss', why };
}
