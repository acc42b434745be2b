import { compare } from '../../../graph/context.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import { qualifiedName } from '../../../graph/ids.ts';
import type { Json } from '../../../model.ts';
import { holdsData } from '../../host-paths.ts';
import { claimsOf } from '../../storage-chain.ts';
import type { TierRuleSpec } from './rule.ts';

/** A host path that holds no data of the workload's own (the table in ../../host-paths.ts). */
export function isSystemPath(path: string): boolean {
  return !holdsData(path);
}

/**
 * The last rule, always decides: a workload that keeps data (PVCs, hostPath outside the system
 * paths, NFS) but that nothing above recognised is tier 2 and flagged unclassified; one that
 * keeps none is stateless, tier 4.
 */
export const volumesRule: TierRuleSpec = {
  id: 'volumes',
  fixed: false,
  decide(facts, ctx) {
    const data: string[] = claimsOf(ctx.index, facts.workload)
      .filter((claim) => !isEphemeralClaim(ctx.index, claim))
      .map((c) => `PVC ${qualifiedName(c)}`);
    const system = new Set<string>();
    for (const id of [facts.workload.id, ...facts.workload.members]) {
      for (const volume of inlineVolumes(ctx.index.node(id)?.attrs.inlineVolumes)) {
        if (volume.type === 'hostPath' && isSystemPath(volume.path)) system.add(volume.path);
        else if (volume.type === 'hostPath') data.push(`hostPath ${volume.path}`);
        else if (volume.type === 'nfs') data.push(`NFS ${volume.server}:${volume.path}`);
      }
    }
    const kept = [...new Set(data)].sort(compare);
    if (kept.length > 0) {
      const more = kept.length > 1 ? ` (and ${kept.length - 1} more)` : '';
      return {
        tier: 2,
        reason: `keeps data in ${kept[0]}${more} but nothing says what it is: tier 2 until a tierbook.io/tier label or tierbook.config.yaml says otherwise`,
        unclassifiedStateful: true,
      };
    }
    const paths = [...system].sort(compare);
    const note = paths.length > 0 ? ` (hostPath ${paths.join(', ')} expose the node, they hold no data)` : '';
    return { tier: 4, reason: `no PVCs, node-local or NFS data: stateless${note}` };
  },
};

/** The PVC of a generic ephemeral volume lives and dies with its pod: scratch space, not data. */
function isEphemeralClaim(index: GraphIndex, claim: string): boolean {
  const mounts = index.in(claim, 'mounts');
  return mounts.length > 0 && mounts.every((m) => m.field.endsWith('.ephemeral'));
}

interface InlineVolume {
  type: string;
  path: string;
  server: string;
}

function inlineVolumes(value: Json | undefined): InlineVolume[] {
  if (!Array.isArray(value)) return [];
  const out: InlineVolume[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
    out.push({ type: text('type'), path: text('path'), server: text('server') });
  }
  return out;
}
