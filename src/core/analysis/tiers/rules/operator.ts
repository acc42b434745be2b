import { workloadKindOf } from '../../workload-kinds.ts';
import { parseImage } from '../image-ref.ts';
import type { TierRuleSpec } from './rule.ts';

/**
 * Operators and controllers that hold the keys to everything else, by image repository path
 * (the end of it): storage (Rook), secrets and PKI (cert-manager, External Secrets, Sealed
 * Secrets, Vault's operators).
 */
const OPERATOR_IMAGES: readonly { paths: readonly string[]; what: string }[] = [
  { paths: ['rook/ceph'], what: 'the Rook operator, which manages Ceph storage and its metadata' },
  {
    paths: [
      'jetstack/cert-manager-controller',
      'jetstack/cert-manager-webhook',
      'jetstack/cert-manager-cainjector',
      'jetstack/trust-manager',
    ],
    what: 'cert-manager (PKI: certificates for everything else)',
  },
  { paths: ['external-secrets/external-secrets'], what: 'External Secrets (secrets for everything else)' },
  {
    paths: ['bitnami/sealed-secrets-controller', 'bitnami-labs/sealed-secrets-controller'],
    what: 'the Sealed Secrets controller (holds the key that decrypts every sealed secret)',
  },
  {
    paths: ['hashicorp/vault-secrets-operator', 'banzaicloud/vault-operator', 'bank-vaults/vault-operator'],
    what: 'a Vault operator (secrets)',
  },
];

export const operatorRule: TierRuleSpec = {
  id: 'operator',
  fixed: false,
  decide(facts) {
    const kind = workloadKindOf({ group: facts.node.group, kind: facts.kind })?.tier;
    if (kind) return { tier: kind.tier, reason: `${facts.title} is ${kind.what}` };
    for (const image of facts.images) {
      const { path } = parseImage(image);
      const known = OPERATOR_IMAGES.find((o) => o.paths.some((p) => path === p || path.endsWith(`/${p}`)));
      if (known) return { tier: 0, reason: `image ${image} is ${known.what}` };
    }
    return null;
  },
};
