import { formatProvenance } from '../errors.ts';
import type { FieldTypeError } from '../fields.ts';
import { groupOf, type KubeObject } from '../model.ts';
import { nodeId } from './ids.ts';
import type { Dangling, Graph } from './model.ts';

/**
 * Kinds that only enrich the analysis: backups, their runs and destinations, snapshots. Without
 * one, tierbook sees less protection than there may be (a workload looks unprotected, a
 * destination unknown and so assumed lost): the error is on the safe side. So a field of the
 * wrong type on one of these leaves that object out, with a problem recorded on it, instead of
 * refusing the whole input. Every other kind (workloads, claims, volumes, classes, nodes, pools,
 * Services, operators' clusters) is what blast radius and tiers stand on: a wrong type there is
 * an error (exit 2). docs/reliability.md has this table for people.
 */
const ENRICHING_KINDS: ReadonlySet<string> = new Set([
  'velero.io/Schedule',
  'velero.io/Backup',
  'velero.io/BackupStorageLocation',
  'postgresql.cnpg.io/Backup',
  'postgresql.cnpg.io/ScheduledBackup',
  'barmancloud.cnpg.io/ObjectStore',
  'pxc.percona.com/PerconaXtraDBClusterBackup',
  'psmdb.percona.com/PerconaServerMongoDBBackup',
  'pgv2.percona.com/PerconaPGBackup',
  'volsync.backube/ReplicationSource',
  'volsync.backube/ReplicationDestination',
  'velero.io/Restore',
  'pxc.percona.com/PerconaXtraDBClusterRestore',
  'k8up.io/Restore',
  'k8up.io/Schedule',
  'k8up.io/Backup',
  'longhorn.io/RecurringJob',
  'longhorn.io/BackupTarget',
  'longhorn.io/Backup',
  'snapshot.storage.k8s.io/VolumeSnapshot',
  'snapshot.storage.k8s.io/VolumeSnapshotContent',
  'snapshot.storage.k8s.io/VolumeSnapshotClass',
]);

export function onlyEnriches(object: KubeObject): boolean {
  return ENRICHING_KINDS.has(`${groupOf(object.apiVersion)}/${object.kind}`);
}

/** The problem recorded on an object left out for a field of the wrong type. */
export function leftOutProblem(error: FieldTypeError): Dangling {
  const { apiVersion, kind, metadata } = error.item.object;
  return {
    object: nodeId(groupOf(apiVersion), kind, metadata.namespace, metadata.name ?? ''),
    field: error.field ?? '',
    message: `${error.message}: this ${kind} is left out, so what it adds (a backup, a run, a destination, a snapshot) is not counted`,
    leftOut: formatProvenance(error.from),
  };
}

/** One line per object left out, for stderr: `file:line: Kind ns/name: field f: message`. */
export function leftOutWarnings(graph: Graph): string[] {
  return graph.dangling
    .filter((d) => d.leftOut !== undefined)
    .map((d) => {
      const [, kind = '', namespace = '', ...name] = d.object.split('/');
      const label = `${kind} ${namespace ? `${namespace}/` : ''}${name.join('/')}`;
      return `${d.leftOut ? `${d.leftOut}: ` : ''}${label}: field ${d.field}: ${d.message}`;
    });
}
