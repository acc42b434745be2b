import { type Tier, tierOf } from '../tier.ts';
import { isDuration } from './duration.ts';
import { converted, fail, object, type Schema, text } from './schema.ts';

/**
 * The values of tierbook.config.yaml's fields (durations, tiers, targets, matches, references,
 * dates): the schemas config-schema.ts puts together, one section a field. Each carries its
 * description and example, read by errors, docs/config.md and the JSON Schema.
 */

const DURATION_WORDS = 'a duration such as "15m", "1h", "24h", "7d", or "best-effort", "none", "redeploy"';

const duration = text(
  DURATION_WORDS,
  (value) => (isDuration(value) ? null : `expected ${DURATION_WORDS} (units s, m, h, d, w; no spaces)`),
  '^((\\d+[smhdw])+|best-effort|none|redeploy)$',
);

export const tier = converted<Tier>('a tier 0, 1, 2, 3 or 4', (value) => tierOf(value) ?? undefined, {
  description: 'a tier 0, 1, 2, 3 or 4',
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 4 },
    { type: 'string', enum: ['0', '1', '2', '3', '4'] },
  ],
});

const targets = object<{ rpo: string; rto: string }>(
  {
    rpo: {
      description: 'Recovery point objective: how much recent data the tier may lose.',
      example: 'rpo: 1h',
      schema: duration,
    },
    rto: {
      description: 'Recovery time objective: how long the tier may stay down.',
      example: 'rto: 4h',
      schema: duration,
    },
  },
  'a mapping with rpo and rto',
);

export const tierTargetField = (t: Tier, rpo: string, rto: string) => ({
  description: `Targets of tier ${t}; fields not given keep their default (${rpo} / ${rto}).`,
  example: `${t}: { rpo: ${rpo}, rto: ${rto} }`,
  schema: targets,
});

export const windowField = (t: Tier, value: string) => ({
  description: `The restore window of tier ${t} (default ${value}).`,
  example: `${t}: ${value}`,
  schema: duration,
});

/** `key=value`, or `key` alone (the label is set); keys as Kubernetes writes them. */
const LABEL = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?(=.*)?$/;

export const match = object<{ image: string; namespace: string; name: string; label: string }>(
  {
    image: {
      description:
        'Part of a container image of the workload or its pods, e.g. a repository ("ghcr.io/acme/ledger") or a name ("ledger").',
      example: 'image: ghcr.io/acme/ledger',
      schema: text('part of an image reference'),
    },
    namespace: {
      description: 'The workload\'s namespace; "*" matches any run of characters ("team-*").',
      example: 'namespace: finance',
      schema: text('a namespace, "*" as a wildcard'),
    },
    name: {
      description:
        'The workload\'s name (the operator resource, Deployment, StatefulSet…); "*" is a wildcard.',
      example: 'name: ledger-*',
      schema: text('a workload name, "*" as a wildcard'),
    },
    label: {
      description:
        'A label of the workload, "key=value" or just "key" (set to anything). Only app, app.kubernetes.io/* and tierbook.io/* labels are kept in the inventory.',
      example: 'label: app.kubernetes.io/part-of=ledger',
      schema: text(
        '"key=value" or "key"',
        (value) =>
          LABEL.test(value)
            ? null
            : 'expected a label "key=value" or "key", e.g. app.kubernetes.io/name=ledger',

        LABEL.source,
      ),
    },
  },
  'a mapping with image, namespace, name and/or label',
);

/** `namespace/Kind/name` or `namespace/name`. */
const WORKLOAD_REF =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/([A-Za-z][A-Za-z0-9]*\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** `namespace/Kind/name`, or `Kind/name` for a cluster-scoped object. */
const OBJECT_REF = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[A-Za-z][A-Za-z0-9]*\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A workload named as "namespace/Kind/name" or "namespace/name". */
export const workloadRef = text(
  '"namespace/Kind/name" or "namespace/name"',
  (value) =>
    WORKLOAD_REF.test(value)
      ? null
      : 'expected "namespace/Kind/name" or "namespace/name", e.g. databases/Cluster/pg-main',

  WORKLOAD_REF.source,
);

/** An object named as check prints it: "namespace/Kind/name", or "Kind/name" when cluster-scoped. */
export const objectRef = text(
  '"namespace/Kind/name" or "Kind/name"',
  (value) =>
    OBJECT_REF.test(value)
      ? null
      : 'expected "namespace/Kind/name" or "Kind/name", e.g. media/Deployment/jellyfin',

  OBJECT_REF.source,
);

/** A day, or a time, that Date.parse reads. */
export const date = text(
  'a date such as 2027-03-31',
  (value) =>
    DATE.test(value) && !Number.isNaN(Date.parse(value))
      ? null
      : 'expected a date such as 2027-03-31 or a time such as 2027-03-31T12:00:00Z',

  DATE.source,
);

/** An empty `match` would match every workload: almost certainly a mistake. */
export function atLeastOne<S extends Schema<object>>(schema: S): S {
  return {
    ...schema,
    json: { ...schema.json, minProperties: 1 },
    parse(value, path, ctx) {
      const out = schema.parse(value, path, ctx);
      if (Object.keys(out).length === 0)
        fail(
          ctx,
          path,
          'an empty match would match every workload; give at least one of image, namespace, name, label',
          'match: { namespace: finance }',
        );
      return out;
    },
  };
}
