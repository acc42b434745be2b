/**
 * Controllers and what they create: Deployment → ReplicaSet (pod-template-hash) → Pods,
 * StatefulSet → Pods `<sts>-<n>` and PVCs `<template>-<sts>-<n>`, DaemonSet → one Pod per node.
 */
import { safeSuffix } from './ids.ts';
import { pod, withSpecDefaults } from './pods.ts';
import type { Sample } from './sample.ts';
import { shift } from './time.ts';
import type { AreaFile, KubeObject, Labels, PodTemplate } from './types.ts';
import { claim } from './volumes.ts';

interface WorkloadInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  /** Object labels; the selector labels are added to them. */
  labels?: Labels;
  annotations?: Labels;
  selector: Labels;
  template: PodTemplate;
  podsStarted: string;
  owners?: KubeObject[];
  generation?: number;
}

function templateObject(template: PodTemplate, extraLabels: Labels = {}) {
  return {
    metadata: {
      ...(template.annotations ? { annotations: template.annotations } : {}),
      labels: { ...template.labels, ...extraLabels },
    },
    spec: withSpecDefaults(template.spec),
  };
}

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

export interface ClaimTemplate {
  name: string;
  storageClass: string;
  size: string;
  accessModes?: string[];
  labels?: Labels;
}

export interface StatefulSetInput extends WorkloadInput {
  serviceName: string;
  nodes: string[];
  claimTemplates?: ClaimTemplate[];
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  updateStrategy?: Record<string, unknown>;
}

export interface StatefulSetParts {
  statefulSet: KubeObject;
  pods: KubeObject[];
  claims: KubeObject[];
}

export function statefulSet(sample: Sample, input: StatefulSetInput): StatefulSetParts {
  const replicas = input.nodes.length;
  const revision = `${input.name}-${safeSuffix(`revision/${input.namespace}/${input.name}`, 10)}`;
  const generation = input.generation ?? 1;
  const templates = input.claimTemplates ?? [];
  const statefulSetObject = sample.add(input.file, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: sample.meta('StatefulSet', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      labels: { ...input.selector, ...input.labels },
      ...(input.annotations ? { annotations: input.annotations } : {}),
      generation,
      ...(input.owners ? { owners: input.owners } : {}),
    }),
    spec: {
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: input.podManagementPolicy ?? 'OrderedReady',
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: input.selector },
      serviceName: input.serviceName,
      template: templateObject(input.template),
      updateStrategy: input.updateStrategy ?? { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
      ...(templates.length > 0
        ? {
            volumeClaimTemplates: templates.map((t) => ({
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { ...(t.labels ? { labels: t.labels } : {}), name: t.name },
              spec: {
                accessModes: t.accessModes ?? ['ReadWriteOnce'],
                resources: { requests: { storage: t.size } },
                storageClassName: t.storageClass,
                volumeMode: 'Filesystem',
              },
              status: { phase: 'Pending' },
            })),
          }
        : {}),
    },
    status: {
      availableReplicas: replicas,
      collisionCount: 0,
      currentReplicas: replicas,
      currentRevision: revision,
      observedGeneration: generation,
      readyReplicas: replicas,
      replicas,
      updateRevision: revision,
      updatedReplicas: replicas,
    },
  });

  const claims: KubeObject[] = [];
  const pods = input.nodes.map((node, i) => {
    const name = `${input.name}-${i}`;
    const started = shift(input.podsStarted, i * 47);
    const claimVolumes = templates.map((t) => {
      const claimName = `${t.name}-${name}`;
      const made = claim(sample, {
        file: input.file,
        name: claimName,
        namespace: input.namespace,
        storageClass: t.storageClass,
        size: t.size,
        created: shift(input.created, 2 + i * 47),
        ...(t.accessModes ? { accessModes: t.accessModes } : {}),
        // The StatefulSet controller stamps the claim with the template's and the selector's labels.
        labels: { ...t.labels, ...input.selector },
        node,
      });
      claims.push(made.pvc);
      return { name: t.name, persistentVolumeClaim: { claimName } };
    });
    return pod(sample, {
      file: input.file,
      name,
      generateName: `${input.name}-`,
      namespace: input.namespace,
      template: input.template,
      extraLabels: {
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      },
      extraSpec: { hostname: name, subdomain: input.serviceName },
      extraVolumes: claimVolumes,
      node,
      owner: statefulSetObject,
      started,
    });
  });
  return { statefulSet: statefulSetObject, pods, claims };
}

export interface DaemonSetInput extends WorkloadInput {
  nodes: readonly string[];
}

export function daemonSet(
  sample: Sample,
  input: DaemonSetInput,
): { daemonSet: KubeObject; pods: KubeObject[] } {
  const count = input.nodes.length;
  const revisionHash = safeSuffix(`revision/${input.namespace}/${input.name}`, 10);
  const daemonSetObject = sample.add(input.file, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: sample.meta('DaemonSet', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      labels: { ...input.selector, ...input.labels },
      annotations: { 'deprecated.daemonset.template.generation': '1', ...input.annotations },
      generation: 1,
    }),
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: input.selector },
      template: templateObject(input.template),
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: {
      currentNumberScheduled: count,
      desiredNumberScheduled: count,
      numberAvailable: count,
      numberMisscheduled: 0,
      numberReady: count,
      observedGeneration: 1,
      updatedNumberScheduled: count,
    },
  });
  const pods = input.nodes.map((node, i) =>
    pod(sample, {
      file: input.file,
      name: `${input.name}-${safeSuffix(`pod/${input.namespace}/${input.name}/${node}`, 5)}`,
      generateName: `${input.name}-`,
      namespace: input.namespace,
      template: input.template,
      extraLabels: { 'controller-revision-hash': revisionHash, 'pod-template-generation': '1' },
      // The DaemonSet controller pins each pod to its node with a matchFields affinity.
      extraSpec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
              ],
            },
          },
        },
      },
      node,
      owner: daemonSetObject,
      started: shift(input.podsStarted, i * 31),
    }),
  );
  return { daemonSet: daemonSetObject, pods };
}
