import { claimSpecAt, countAt, type OperatorModel, plural } from './model.ts';

/**
 * The Percona XtraDB Cluster operator runs StatefulSet `<cluster>-pxc` with claim template
 * `datadir` from `spec.pxc.volumeSpec.persistentVolumeClaim`: PVCs `datadir-<cluster>-pxc-<n>`
 * from 0 (percona-xtradb-cluster-operator e2e-tests/default-cr/compare/statefulset_cluster1-pxc.yml).
 * `emptyDir` and `hostPath` volume specs make no claim.
 */
export const perconaXtraDb: OperatorModel = {
  group: 'pxc.percona.com',
  kind: 'PerconaXtraDBCluster',
  plural: 'perconaxtradbclusters',
  title: 'PerconaXtraDBCluster',
  claims(reader) {
    const name = reader.object.metadata.name ?? '';
    const at = 'spec.pxc.volumeSpec.persistentVolumeClaim';
    if (!reader.record(at)) return { claims: [], instances: '' };
    const { count, words } = countAt(reader, 'spec.pxc.size');
    const spec = claimSpecAt(reader, at);
    const claims = Array.from({ length: count }, (_, n) => ({
      name: `datadir-${name}-pxc-${n}`,
      field: at,
      ...spec,
    }));
    return { claims, instances: `${plural(count, 'instance')}${words}` };
  },
};
