/** DaemonSet → one Pod per node, pinned there by the controller's matchFields affinity. */
import { templateObject, type WorkloadInput } from './controller.ts';
import { safeSuffix } from './ids.ts';
import { pod } from './pods.ts';
import type { Sample } from './sample.ts';
import { shift } from './time.ts';
import type { KubeObject } from './types.ts';

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
