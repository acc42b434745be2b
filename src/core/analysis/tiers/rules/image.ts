import { parseImage } from '../image-ref.ts';
import { isHelperImage, knownImage } from '../known-images.ts';
import { globMatches } from './glob.ts';
import type { OwnDecision, TierRuleSpec } from './rule.ts';

/**
 * The workload's images, by repository (KNOWN_IMAGES), after the configured identity
 * providers. With several images (sidecars) the strictest known one decides; helpers
 * (exporters, operators, backup tools) never do.
 */
export const imageRule: TierRuleSpec = {
  id: 'image',
  fixed: false,
  decide(facts, ctx) {
    for (const pattern of ctx.config.identityProviders) {
      for (const image of facts.images) {
        const { registry, path, name } = parseImage(image);
        const candidates = [name, path, registry ? `${registry}/${path}` : path];
        if (candidates.some((c) => globMatches(pattern.toLowerCase(), c)))
          return {
            tier: 0,
            reason: `image ${image} is a configured identity provider (identityProviders: ${pattern})`,
          };
      }
      if (globMatches(pattern, facts.name))
        return {
          tier: 0,
          reason: `${facts.title} is a configured identity provider (identityProviders: ${pattern})`,
        };
    }
    let best: OwnDecision | null = null;
    let unknown = false;
    for (const image of facts.images) {
      const { path } = parseImage(image);
      const known = knownImage(path, `${facts.namespace}/${facts.name}`);
      if (!known && !isHelperImage(path)) unknown = true;
      if (known && (best === null || known.tier < best.tier))
        best = { tier: known.tier, reason: `image ${image} is ${known.what}` };
    }
    // A known image may make a workload critical on its own, but "rebuildable" (3) is only
    // safe to say when no other container is an app we do not know: a Redis sidecar says
    // nothing about the data its unknown neighbour keeps.
    if (best && best.tier >= 3 && unknown) return null;
    return best;
  },
};
