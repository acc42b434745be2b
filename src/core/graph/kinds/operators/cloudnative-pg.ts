import type { FieldReader } from '../../../fields.ts';
import { countAt, type OperatorClaim, type OperatorModel, plural } from './model.ts';

/**
 * CloudNativePG creates, for instance n (from 1), PVC `<cluster>-<n>` from `spec.storage`,
 * `<cluster>-<n>-wal` from `spec.walStorage` and `<cluster>-<n>-tbs-<tablespace>` from each
 * `spec.tablespaces[].storage` (cloudnative-pg pkg/specs/volumes.go). `storageClass` and
 * `size` apply over `pvcTemplate`.
 */
export const cloudNativePg: OperatorModel = {
  group: 'postgresql.cnpg.io',
  kind: 'Cluster',
  plural: 'clusters',
  title: 'CloudNativePG Cluster',
  clusterLabel: 'cnpg.io/cluster',
  claims(reader) {
    const name = reader.object.metadata.name ?? '';
    // The CRD defaults instances to 1.
    const { count } = countAt(reader, 'spec.instances', 1);
    const volumes = [{ suffix: '', at: 'spec.storage' }];
    if (reader.record('spec.walStorage')) volumes.push({ suffix: '-wal', at: 'spec.walStorage' });
    for (const i of reader.indexes('spec.tablespaces')) {
      const tablespace = reader.string(`spec.tablespaces[${i}].name`);
      if (tablespace)
        volumes.push({ suffix: `-tbs-${kubernetesName(tablespace)}`, at: `spec.tablespaces[${i}].storage` });
    }
    const claims: OperatorClaim[] = [];
    for (let n = 1; n <= count; n++) {
      for (const v of volumes)
        claims.push({ name: `${name}-${n}${v.suffix}`, field: v.at, ...storageAt(reader, v.at) });
    }
    return { claims, instances: plural(count, 'instance') };
  },
};

function storageAt(
  reader: FieldReader,
  at: string,
): Pick<OperatorClaim, 'storageClass' | 'classField' | 'size'> {
  const direct = reader.string(`${at}.storageClass`);
  const template = `${at}.pvcTemplate`;
  const [storageClass, classField] =
    direct !== undefined
      ? [direct, `${at}.storageClass`]
      : [reader.string(`${template}.storageClassName`), `${template}.storageClassName`];
  const size = reader.string(`${at}.size`) ?? reader.string(`${template}.resources.requests.storage`);
  return { storageClass, classField, size };
}

/** A PostgreSQL tablespace name as CloudNativePG writes it in a PVC name. */
function kubernetesName(tablespace: string): string {
  return tablespace.replace(/^_/, '1').replaceAll('$', '-').replaceAll('_', '-').toLowerCase();
}
