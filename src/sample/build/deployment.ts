/** Deployment → ReplicaSet (named and labelled by pod-template-hash) → Pods. */
import { templateObject, type WorkloadInput } from './controller.ts';
import { safeSuffix } from './ids.ts';
import { pod } from './pods.ts';
import type { Sample } from './sample.ts';
import { shift } from './time.ts';
import type { KubeObject } from './types.ts';

export interface DeploymentInput extends WorkloadInput {
  /** One node per replica, in pod order. */
  nodes: string[];
  strategy?: Record<string, unknown>;
  revision?: number;
}

export interface DeploymentParts {
  deployment: KubeObject;
  replicaSet: KubeObject;
  pods: KubeObject[];
}

export function deployment(sample: Sample, input: DeploymentInput): DeploymentParts {
  const replicas = input.nodes.length;
  const revision = String(input.revision ?? 1);
  const generation = input.generation ?? input.revision ?? 1;
  const labels = { ...input.selector, ...input.labels };
  const conditionTime = shift(input.podsStarted, 41);
  const deploymentObject = sample.add(input.file, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: sample.meta('Deployment', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': revision, ...input.annotations },
      generation,
      ...(input.owners ? { owners: input.owners } : {}),
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: input.selector },
      strategy: input.strategy ?? {
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        type: 'RollingUpdate',
      },
      template: templateObject(input.template),
    },
    status: {
      availableReplicas: replicas,
      conditions: [
        {
          lastTransitionTime: conditionTime,
          lastUpdateTime: conditionTime,
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: shift(input.created, 3),
          lastUpdateTime: conditionTime,
          message: `ReplicaSet "${input.name}-${podTemplateHash(input)}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: generation,
      readyReplicas: replicas,
      replicas,
      updatedReplicas: replicas,
    },
  });

  const hash = podTemplateHash(input);
  const rsName = `${input.name}-${hash}`;
  const rsSelector = { ...input.selector, 'pod-template-hash': hash };
  const replicaSet = sample.add(input.file, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: sample.meta('ReplicaSet', {
      name: rsName,
      namespace: input.namespace,
      created: shift(input.created, 1),
      labels: { ...input.template.labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        'deployment.kubernetes.io/revision': revision,
      },
      generation: 1,
      owners: [deploymentObject],
    }),
    spec: {
      replicas,
      selector: { matchLabels: rsSelector },
      template: templateObject(input.template, { 'pod-template-hash': hash }),
    },
    status: {
      availableReplicas: replicas,
      fullyLabeledReplicas: replicas,
      observedGeneration: 1,
      readyReplicas: replicas,
      replicas,
    },
  });

  const pods = input.nodes.map((node, i) => {
    const name = `${rsName}-${safeSuffix(`pod/${input.namespace}/${rsName}/${i}`, 5)}`;
    return pod(sample, {
      file: input.file,
      name,
      generateName: `${rsName}-`,
      namespace: input.namespace,
      template: input.template,
      extraLabels: { 'pod-template-hash': hash },
      node,
      owner: replicaSet,
      started: shift(input.podsStarted, i * 9),
    });
  });
  return { deployment: deploymentObject, replicaSet, pods };
}

function podTemplateHash(input: DeploymentInput): string {
  return safeSuffix(`pod-template-hash/${input.namespace}/${input.name}/${input.revision ?? 1}`, 10);
}
