import { knownImage } from '../known-images.ts';
import type { Tier } from '../model.ts';
import type { TierRuleSpec } from './rule.ts';

/** `app.kubernetes.io/component` values that say what the data is. */
const COMPONENTS: Readonly<Record<string, { tier: Tier; what: string }>> = {
  database: { tier: 1, what: 'a database' },
  db: { tier: 1, what: 'a database' },
  cache: { tier: 3, what: 'a cache' },
};

/** Labels that name the app, read like an image name ("postgresql", "redis"). */
const NAME_LABELS = ['app.kubernetes.io/name', 'app'] as const;

/**
 * The recommended labels, for images the image table does not know (a private registry's
 * `registry.example/acme/db:1`) that are labelled for what they are.
 */
export const labelsRule: TierRuleSpec = {
  id: 'labels',
  fixed: false,
  decide(facts) {
    const component = facts.labels['app.kubernetes.io/component'];
    const known = component === undefined ? undefined : COMPONENTS[component.toLowerCase()];
    if (known)
      return {
        tier: known.tier,
        reason: `label app.kubernetes.io/component=${component} says it is ${known.what}`,
      };
    for (const key of NAME_LABELS) {
      const value = facts.labels[key];
      if (value === undefined) continue;
      const image = knownImage(value.toLowerCase(), `${facts.namespace}/${facts.name}`);
      if (image) return { tier: image.tier, reason: `label ${key}=${value} names ${image.what}` };
    }
    return null;
  },
};
