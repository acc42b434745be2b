/**
 * StatefulSet → Pods `<sts>-<n>` and, per claim template, PVCs `<template>-<sts>-<n>` bound on
 * the node the pod runs on.
 */
import { templateObject, type WorkloadInput } from './controller.ts';
import { safeSuffix } from './ids.ts';
import { pod } from './pods.ts';
import type { Sample } from './sample.ts';
import { shift } from './time.ts';
import type { KubeObject, Labels } from './types.ts';
import { claim } from './volumes.ts';

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
