import type { FieldReader } from '../../../fields.ts';
import { claimSpecAt, countAt, type OperatorClaim, type OperatorModel } from './model.ts';

/**
 * The Percona Server for MongoDB operator runs one StatefulSet per replica set,
 * `<cluster>-<replset>` (and `-hidden`, `-nv` members, `<cluster>-cfg` for sharding's config
 * servers), each with claim template `mongod-data` from its `volumeSpec.persistentVolumeClaim`:
 * PVCs `mongod-data-<statefulset>-<n>` from 0 (percona-server-mongodb-operator deploy/cr.yaml).
 * Replica sets of a sharded cluster hold different data; instances are grouped by ordinal,
 * which errs toward data loss.
 */
export const perconaMongoDb: OperatorModel = {
  group: 'psmdb.percona.com',
  kind: 'PerconaServerMongoDB',
  plural: 'perconaservermongodbs',
  title: 'PerconaServerMongoDB',
  claims(reader) {
    const name = reader.object.metadata.name ?? '';
    const claims: OperatorClaim[] = [];
    const counts: string[] = [];
    const add = (at: string, statefulSet: string, label: string) => {
      const pvc = `${at}.volumeSpec.persistentVolumeClaim`;
      if (!reader.record(pvc)) return;
      const { count, words } = countAt(reader, `${at}.size`);
      const spec = claimSpecAt(reader, pvc);
      for (let n = 0; n < count; n++)
        claims.push({ name: `mongod-data-${statefulSet}-${n}`, field: pvc, ...spec });
      counts.push(`${label} ×${count}${words}`);
    };
    for (const i of reader.indexes('spec.replsets')) {
      const at = `spec.replsets[${i}]`;
      const replset = reader.string(`${at}.name`);
      if (!replset) continue;
      add(at, `${name}-${replset}`, replset);
      if (enabled(reader, `${at}.hidden`))
        add(`${at}.hidden`, `${name}-${replset}-hidden`, `${replset} hidden`);
      if (enabled(reader, `${at}.nonvoting`))
        add(`${at}.nonvoting`, `${name}-${replset}-nv`, `${replset} non-voting`);
    }
    if (reader.boolean('spec.sharding.enabled') === true)
      add('spec.sharding.configsvrReplSet', `${name}-cfg`, 'cfg');
    return { claims, instances: `replica sets ${counts.join(', ')}` };
  },
};

function enabled(reader: FieldReader, at: string): boolean {
  return reader.boolean(`${at}.enabled`) === true;
}
