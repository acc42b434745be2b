import { type KindFixes, type WorkloadFields, workloadKindOf } from '../workload-kinds.ts';

/**
 * The fields findings name for the built-in kinds; an operator kind's are on its WORKLOAD_KINDS
 * row (workload-kinds.ts). `DEFAULT_FIELDS` for anything else.
 */
const BUILT_IN_FIELDS: Record<string, WorkloadFields> = {
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
  return workloadKindOf({ group, kind })?.fields ?? BUILT_IN_FIELDS[`${group}/${kind}`] ?? DEFAULT_FIELDS;
}

/**
 * What findings tell the operator to do for the built-in kinds; an operator kind's is on its
 * WORKLOAD_KINDS row. Absent: the rule's general advice.
 */
const BUILT_IN_FIXES: Record<string, KindFixes> = {
  'apps/StatefulSet': {
    oneInstance:
      'if the application replicates (Redis with Sentinel, a database with streaming replicas), run at least 2 replicas with pod anti-affinity; if not, keep a backup within the tier RPO and a tested restore',
  },
};

export function workloadFixes(group: string, kind: string): KindFixes {
  return workloadKindOf({ group, kind })?.fixes ?? BUILT_IN_FIXES[`${group}/${kind}`] ?? {};
}
