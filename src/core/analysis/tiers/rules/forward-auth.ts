import type { TierRuleSpec } from './rule.ts';

/**
 * An identity provider by role: an Ingress sends every request to it to be authenticated
 * (nginx `auth-url`, a Traefik forwardAuth middleware), or an app signs its users in through it
 * (an OIDC issuer URL, dependency `via sign-in`). Everything behind it is down when it is,
 * whatever its image; after the image rule, which names known providers more precisely.
 */
export const forwardAuthRule: TierRuleSpec = {
  id: 'forward-auth',
  fixed: false,
  decide(facts, ctx) {
    const why = ctx.forwardAuthTargets.get(facts.workload.id);
    return why === undefined ? null : { tier: 0, reason: `an identity provider by role: ${why}` };
  },
};
