/**
 * Pods as the API server returns them: the controller's template plus what admission, the
 * scheduler and the kubelet add (service-account token volume, default tolerations, nodeName,
 * IPs, container statuses).
 */
import { containerId, imageDigest, safeSuffix } from './ids.ts';
import { nodeAddress, type Sample } from './sample.ts';
import { shift } from './time.ts';
import type { AreaFile, Container, KubeObject, Labels, PodSpec, PodTemplate, Volume } from './types.ts';

/** Container fields the API server defaults when a template omits them. */
export function withContainerDefaults(container: Container): Container {
  return {
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...container,
  };
}

/** Pod-spec fields the API server defaults in every template. */
export function withSpecDefaults(spec: PodSpec): PodSpec {
  return {
    dnsPolicy: spec.hostNetwork === true ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
    containers: spec.containers.map(withContainerDefaults),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(withContainerDefaults) } : {}),
  };
}

export interface PodInput {
  file: AreaFile;
  name: string;
  namespace: string;
  template: PodTemplate;
  node: string;
  owner: KubeObject;
  started: string;
  generateName?: string;
  extraLabels?: Labels;
  /** Extra spec fields a controller sets per pod (StatefulSet hostname, DaemonSet affinity…). */
  extraSpec?: Record<string, unknown>;
  extraVolumes?: Volume[];
  restarts?: number;
}

const DEFAULT_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

function tokenVolume(seed: string): Volume {
  return {
    name: `kube-api-access-${safeSuffix(`token/${seed}`, 5)}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  };
}

function containerStatus(container: Container, podKey: string, started: string, restarts: number) {
  return {
    containerID: containerId(`${podKey}/${container.name}`),
    image: container.image,
    imageID: imageDigest(container.image),
    lastState: {},
    name: container.name,
    ready: true,
    restartCount: restarts,
    started: true,
    state: { running: { startedAt: shift(started, 20) } },
  };
}

function initContainerStatus(container: Container, podKey: string, started: string) {
  return {
    containerID: containerId(`${podKey}/${container.name}`),
    image: container.image,
    imageID: imageDigest(container.image),
    lastState: {},
    name: container.name,
    ready: true,
    restartCount: 0,
    started: false,
    state: {
      terminated: {
        containerID: containerId(`${podKey}/${container.name}`),
        exitCode: 0,
        finishedAt: shift(started, 12),
        reason: 'Completed',
        startedAt: shift(started, 4),
      },
    },
  };
}

function qosClass(spec: PodSpec): string {
  const requests = spec.containers.map((c) => (c.resources as { requests?: object } | undefined)?.requests);
  return requests.some((r) => r !== undefined) ? 'Burstable' : 'BestEffort';
}

export function pod(sample: Sample, input: PodInput): KubeObject {
  const { template, node, started, namespace, name } = input;
  const podKey = `${namespace}/${name}`;
  const base = withSpecDefaults(template.spec);
  const token = tokenVolume(podKey);
  const automount = base.automountServiceAccountToken !== false;
  const mountToken = (c: Container): Container => {
    if (!automount) return c;
    const mounts = (c.volumeMounts as unknown[] | undefined) ?? [];
    return {
      ...c,
      volumeMounts: [
        ...mounts,
        { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: token.name, readOnly: true },
      ],
    };
  };
  const volumes = [...(input.extraVolumes ?? []), ...(base.volumes ?? []), ...(automount ? [token] : [])];
  const spec: PodSpec = {
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    serviceAccount: (base.serviceAccountName as string | undefined) ?? 'default',
    serviceAccountName: 'default',
    ...base,
    ...input.extraSpec,
    // Admission appends the not-ready/unreachable tolerations to whatever the template had.
    tolerations: [...((base.tolerations as unknown[] | undefined) ?? []), ...DEFAULT_TOLERATIONS],
    nodeName: node,
    containers: base.containers.map(mountToken),
    ...(base.initContainers ? { initContainers: base.initContainers.map(mountToken) } : {}),
    volumes,
  };
  const hostNetwork = spec.hostNetwork === true;
  const hostIp = nodeAddress(node);
  const podIp = hostNetwork ? hostIp : sample.podIp(node);
  const restarts = input.restarts ?? 0;

  for (const volume of volumes) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (claimName !== undefined) sample.mounts.push({ node, namespace, claimName, since: started });
  }

  const labels = { ...template.labels, ...input.extraLabels };
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: sample.meta('Pod', {
      name,
      namespace,
      created: started,
      labels,
      ...(template.annotations ? { annotations: template.annotations } : {}),
      owners: [input.owner],
      ...(input.generateName ? { generateName: input.generateName } : {}),
    }),
    spec,
    status: {
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: shift(started, 6),
          status: 'True',
          type: 'PodReadyToStartContainers',
        },
        { lastProbeTime: null, lastTransitionTime: shift(started, 13), status: 'True', type: 'Initialized' },
        { lastProbeTime: null, lastTransitionTime: shift(started, 41), status: 'True', type: 'Ready' },
        {
          lastProbeTime: null,
          lastTransitionTime: shift(started, 41),
          status: 'True',
          type: 'ContainersReady',
        },
        { lastProbeTime: null, lastTransitionTime: started, status: 'True', type: 'PodScheduled' },
      ],
      containerStatuses: spec.containers.map((c) => containerStatus(c, podKey, started, restarts)),
      ...(spec.initContainers
        ? { initContainerStatuses: spec.initContainers.map((c) => initContainerStatus(c, podKey, started)) }
        : {}),
      hostIP: hostIp,
      hostIPs: [{ ip: hostIp }],
      phase: 'Running',
      podIP: podIp,
      podIPs: [{ ip: podIp }],
      qosClass: qosClass(spec),
      startTime: started,
    },
  };
  return sample.add(input.file, object);
}
