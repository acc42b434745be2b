/**
 * Where a workload kind declares what the rules talk about, so a finding can name the field an
 * operator edits. One row per kind; `default` for anything else.
 */
export interface WorkloadFields {
  /** How many instances run. */
  instances: string;
  /** Where the storage class of its volumes is chosen. */
  storageClass: string;
  /** Where its backup is (or would be) configured. */
  backup: string;
  /** Where pods are kept apart. */
  affinity: string;
}

const FIELDS: Record<string, WorkloadFields> = {
  'postgresql.cnpg.io/Cluster': {
    instances: 'spec.instances',
    storageClass: 'spec.storage.storageClass',
    backup: 'spec.backup',
    affinity: 'spec.affinity',
  },
  'pxc.percona.com/PerconaXtraDBCluster': {
    instances: 'spec.pxc.size',
    storageClass: 'spec.pxc.volumeSpec.persistentVolumeClaim.storageClassName',
    backup: 'spec.backup',
    affinity: 'spec.pxc.affinity',
  },
  'psmdb.percona.com/PerconaServerMongoDB': {
    instances: 'spec.replsets[].size',
    storageClass: 'spec.replsets[].volumeSpec.persistentVolumeClaim.storageClassName',
    backup: 'spec.backup',
    affinity: 'spec.replsets[].affinity',
  },
  'pgv2.percona.com/PerconaPGCluster': {
    instances: 'spec.instances[].replicas',
    storageClass: 'spec.instances[].dataVolumeClaimSpec.storageClassName',
    backup: 'spec.backups',
    affinity: 'spec.instances[].affinity',
  },
  'postgres-operator.crunchydata.com/PostgresCluster': {
    instances: 'spec.instances[].replicas',
    storageClass: 'spec.instances[].dataVolumeClaimSpec.storageClassName',
    backup: 'spec.backups',
    affinity: 'spec.instances[].affinity',
  },
  'apps/StatefulSet': {
    instances: 'spec.replicas',
    storageClass: 'spec.volumeClaimTemplates[].spec.storageClassName',
    backup: 'spec.volumeClaimTemplates',
    affinity: 'spec.template.spec.affinity',
  },
  '/Pod': {
    instances: 'metadata.ownerReferences',
    storageClass: 'spec.volumes',
    backup: 'spec.volumes',
    affinity: 'spec.affinity',
  },
  'batch/CronJob': {
    instances: 'spec.jobTemplate.spec.parallelism',
    storageClass: 'spec.jobTemplate.spec.template.spec.volumes',
    backup: 'spec.jobTemplate.spec.template.spec.volumes',
    affinity: 'spec.jobTemplate.spec.template.spec.affinity',
  },
};

const DEFAULT_FIELDS: WorkloadFields = {
  instances: 'spec.replicas',
  storageClass: 'spec.template.spec.volumes',
  backup: 'spec.template.spec.volumes',
  affinity: 'spec.template.spec.affinity',
};

export function workloadFields(group: string, kind: string): WorkloadFields {
  return FIELDS[`${group}/${kind}`] ?? DEFAULT_FIELDS;
}
