import type { FieldReader } from '../../../fields.ts';
import { claimSpecAt, countAt, type OperatorClaim, type OperatorModel } from './model.ts';

/**
 * Crunchy PGO v5 (and Percona's PostgreSQL operator, built on it) runs one StatefulSet per
 * replica of each `spec.instances[]` set, with a `pgdata` claim from `dataVolumeClaimSpec` and
 * a `pgwal` one from `walVolumeClaimSpec`. The real names carry a random suffix
 * (`<cluster>-<set>-<xxxx>-pgdata`); the modelled ones put the replica's ordinal there:
 * `<cluster>-<set>-pgdata-<n>`.
 */
function postgresInstances(group: string, kind: string, plural: string, title: string): OperatorModel {
  return {
    group,
    kind,
    plural,
    title,
    clusterLabel: 'postgres-operator.crunchydata.com/cluster',
    claims(reader) {
      const name = reader.object.metadata.name ?? '';
      const claims: OperatorClaim[] = [];
      const counts: string[] = [];
      for (const i of reader.indexes('spec.instances')) {
        const at = `spec.instances[${i}]`;
        const set = reader.string(`${at}.name`);
        // The CRD defaults replicas to 1.
        const { count } = countAt(reader, `${at}.replicas`, 1);
        const prefix = set ? `${name}-${set}` : name;
        for (let n = 0; n < count; n++) {
          claims.push(...volumes(reader, at).map((v) => ({ ...v, name: `${prefix}-${v.name}-${n}` })));
        }
        counts.push(`${set || `set ${i}`} ×${count}`);
      }
      return { claims, instances: `instance sets ${counts.join(', ')}` };
    },
  };
}

function volumes(reader: FieldReader, at: string): OperatorClaim[] {
  const found: OperatorClaim[] = [];
  for (const [field, volume] of [
    ['dataVolumeClaimSpec', 'pgdata'],
    ['walVolumeClaimSpec', 'pgwal'],
  ] as const) {
    const spec = `${at}.${field}`;
    if (reader.record(spec)) found.push({ name: volume, field: spec, ...claimSpecAt(reader, spec) });
  }
  return found;
}

export const crunchyPostgres = postgresInstances(
  'postgres-operator.crunchydata.com',
  'PostgresCluster',
  'postgresclusters',
  'PostgresCluster',
);
export const perconaPostgres = postgresInstances(
  'pgv2.percona.com',
  'PerconaPGCluster',
  'perconapgclusters',
  'PerconaPGCluster',
);
