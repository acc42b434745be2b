import type { Tier } from '../tier.ts';
import {
  atLeastOne,
  date,
  match,
  objectRef,
  tier,
  tierTargetField,
  windowField,
  workloadRef,
} from './config-values.ts';
import { list, object, oneOf, text } from './schema.ts';

/**
 * tierbook.config.yaml as written (every field optional): one section a field, its values'
 * schemas in config-values.ts. docs/config.md documents each field here (a test checks), and
 * parse.ts fills in the defaults. Every field carries its description and example, which
 * errors, docs/config.md and the JSON Schema (`tierbook schema config`) are all read from.
 */

/** What the schema returns: the file's fields, each optional (`required` ones are checked). */
type Targets = Partial<{ rpo: string; rto: string }>;
type Match = Partial<{ image: string; namespace: string; name: string; label: string }>;
export interface RawConfig {
  tiers: Partial<Record<Tier, Targets>>;
  rules: Partial<{ match: Match; tier: Tier; reason: string }>[];
  overrides: Partial<{ workload: string; tier: Tier; reason: string }>[];
  identityProviders: string[];
  backupTargets: Partial<{ match: string; where: 'in-cluster' | 'outside' }>[];
  restoreWindow: Partial<Record<Tier, string>>;
  accept: Partial<{ rule: string; object: string; reason: string; who: string; until: string }>[];
}

export const CONFIG_SCHEMA = object<RawConfig>(
  {
    tiers: {
      description: 'Recovery targets (RPO and RTO) per tier, keyed 0 to 4.',
      example: 'tiers: { 1: { rpo: 30m, rto: 2h } }',
      schema: object(
        {
          0: tierTargetField(0, '15m', '1h'),
          1: tierTargetField(1, '1h', '4h'),
          2: tierTargetField(2, '24h', '24h'),
          3: tierTargetField(3, 'best-effort', '72h'),
          4: tierTargetField(4, 'none', 'redeploy'),
        },
        'a mapping from tier (0 to 4) to { rpo, rto }',
      ),
    },
    rules: {
      description:
        'Extra classification rules, tried in order after overrides and before the built-in operator, image, label and volume rules. The first that matches decides.',
      example: 'rules: [{ match: { image: ghcr.io/acme/ledger }, tier: 1, reason: the ledger database }]',
      schema: list(
        object(
          {
            match: {
              description: 'What the workload must have; every field given must match. At least one field.',
              example: 'match: { namespace: finance, name: ledger }',
              required: true,
              schema: atLeastOne(match),
            },
            tier: {
              description: 'The tier (0 to 4) of matching workloads.',
              example: 'tier: 1',
              required: true,
              schema: tier,
            },
            reason: {
              description: 'Why, in words; shown with every decision the rule makes.',
              example: 'reason: invoices, kept 10 years',
              schema: text('a sentence'),
            },
          },
          'a mapping with match, tier and reason',
        ),
        'a list of rules, each a mapping with match, tier and reason',
      ),
    },
    overrides: {
      description:
        'Fixed tiers for named workloads, after the tierbook.io/tier label or annotation and before any rule. Inheritance does not raise them.',
      example:
        'overrides: [{ workload: media/Deployment/jellyfin, tier: 3, reason: the library is re-rippable }]',
      schema: list(
        object(
          {
            workload: {
              description:
                'The workload as "namespace/Kind/name" (Kind as in the manifest: Deployment, StatefulSet, Cluster…) or "namespace/name" (any kind).',
              example: 'workload: databases/Cluster/pg-main',
              required: true,
              schema: workloadRef,
            },
            tier: { description: 'The tier (0 to 4).', example: 'tier: 0', required: true, schema: tier },
            reason: {
              description: 'Why, in words; shown with the decision.',
              example: 'reason: holds the signing keys',
              schema: text('a sentence'),
            },
          },
          'a mapping with workload, tier and reason',
        ),
        'a list of overrides, each a mapping with workload, tier and reason',
      ),
    },
    identityProviders: {
      description:
        'More identity providers (tier 0), besides the built-in Authentik, Keycloak, Dex, Zitadel, Authelia, LLDAP and Kanidm: an image repository or name, or a workload name; "*" is a wildcard.',
      example: 'identityProviders: [ghcr.io/pocket-id/pocket-id]',
      schema: list(text('an image or workload name'), 'a list of image or workload names'),
    },
    backupTargets: {
      description:
        'Where backup destinations live, for endpoints tierbook cannot place by itself: a URL, host or bucket substring, and whether it is inside the cluster (shares its fate) or outside.',
      example: 'backupTargets: [{ match: s3.eu-central-003.backblazeb2.com, where: outside }]',
      schema: list(
        object(
          {
            match: {
              description:
                'Part of the destination URL, host or bucket ("minio.minio.svc", "s3://offsite-backups").',
              example: 'match: s3.eu-central-003.backblazeb2.com',
              required: true,
              schema: text('part of a URL, host or bucket'),
            },
            where: {
              description: '"outside" the cluster\'s blast radius, or "in-cluster".',
              example: 'where: outside',
              required: true,
              schema: oneOf(['in-cluster', 'outside'] as const),
            },
          },
          'a mapping with match and where',
        ),
        'a list of backup targets, each a mapping with match and where',
      ),
    },
    restoreWindow: {
      description:
        'How recent a proven restore (a restore read from the cluster, or a recorded drill) of tier-N data must be, keyed 0 to 4; "none" asks for none. Defaults: 0: 90d, 1: 180d, others none.',
      example: 'restoreWindow: { 0: 30d, 1: 90d }',
      schema: object(
        {
          0: windowField(0, '90d'),
          1: windowField(1, '180d'),
          2: windowField(2, 'none'),
          3: windowField(3, 'none'),
          4: windowField(4, 'none'),
        },
        'a mapping from tier (0 to 4) to a duration such as 90d, or none',
      ),
    },
    accept: {
      description:
        'Findings accepted on purpose, each with a reason: shown as accepted (never hidden) and not failing a gate until the acceptance expires. The annotations tierbook.io/accept and tierbook.io/accept-reason on the object do the same.',
      example:
        'accept: [{ rule: pool-low-redundancy, object: rook-ceph/CephBlockPool/scratch, reason: scratch data only, who: alice, until: 2027-03-31 }]',
      schema: list(
        object(
          {
            rule: {
              description: 'The rule id (docs/rules/), e.g. backup-missing.',
              example: 'rule: backup-missing',
              required: true,
              schema: text('a rule id such as backup-missing'),
            },
            object: {
              description:
                'The object the finding names, as "namespace/Kind/name" ("Kind/name" when cluster-scoped), as check prints it.',
              example: 'object: media/Deployment/jellyfin',
              required: true,
              schema: objectRef,
            },
            reason: {
              description: 'Why it is accepted; shown beside the finding.',
              example: 'reason: the library can be re-ripped',
              required: true,
              schema: text('a sentence'),
            },
            who: {
              description: 'Who accepted it (a name or a team).',
              example: 'who: platform-team',
              schema: text('a name'),
            },
            until: {
              description:
                'The day (or time) the acceptance ends; after it the finding counts again. Without it, it never ends.',
              example: 'until: 2027-03-31',
              schema: date,
            },
          },
          'a mapping with rule, object, reason, who and until',
        ),
        'a list of acceptances, each a mapping with rule, object and reason',
      ),
    },
  },
  'a mapping with tiers, rules, overrides, identityProviders, backupTargets, accept and/or restoreWindow',
);
