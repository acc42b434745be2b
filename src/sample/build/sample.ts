/**
 * The collector every area writes into: it hands out metadata (uid, resourceVersion), IP
 * addresses, and remembers which pod mounts which CSI volume on which node, so the storage file
 * can carry the VolumeAttachments and the nodes their `volumesInUse`, as a live cluster would.
 */
import { ResourceVersions, uidOf } from './ids.ts';
import type { AreaFile, KubeObject, Labels, Metadata, OwnerReference } from './types.ts';

export interface MetaInput {
  name: string;
  namespace?: string;
  created: string;
  labels?: Labels;
  annotations?: Labels;
  /** The controlling owner first; `controller: false` owners follow. */
  owners?: KubeObject[];
  finalizers?: string[];
  generation?: number;
  generateName?: string;
}

/** A CSI volume as attach/detach needs it. */
export interface CsiVolume {
  pvName: string;
  driver: string;
  volumeHandle: string;
}

export interface PodMount {
  node: string;
  namespace: string;
  claimName: string;
  since: string;
}

export const NODE_NAMES = ['k8s-1', 'k8s-2', 'k8s-3'] as const;
export type NodeName = (typeof NODE_NAMES)[number];

export function nodeIndex(node: string): number {
  const index = NODE_NAMES.indexOf(node as NodeName);
  if (index < 0) throw new Error(`sample: unknown node ${node}`);
  return index;
}

export function nodeAddress(node: string): string {
  return `192.168.1.${21 + nodeIndex(node)}`;
}

export function ownerReference(owner: KubeObject, controller = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    ...(controller ? { controller: true, blockOwnerDeletion: true } : {}),
  };
}

export class Sample {
  readonly objects = new Map<AreaFile, KubeObject[]>();
  readonly versions = new ResourceVersions();
  readonly csiVolumes = new Map<string, CsiVolume>();
  readonly mounts: PodMount[] = [];
  private readonly podHosts = new Map<string, number>();
  private serviceHosts = 10;

  add<T extends KubeObject>(file: AreaFile, object: T): T {
    const list = this.objects.get(file) ?? [];
    list.push(object);
    this.objects.set(file, list);
    return object;
  }

  meta(kind: string, input: MetaInput): Metadata {
    const metadata: Metadata = {
      name: input.name,
      uid: uidOf(kind, input.namespace, input.name),
      resourceVersion: this.versions.take(`${kind}/${input.namespace ?? ''}/${input.name}`),
      creationTimestamp: input.created,
    };
    if (input.namespace !== undefined) metadata.namespace = input.namespace;
    if (input.generateName !== undefined) metadata.generateName = input.generateName;
    if (input.generation !== undefined) metadata.generation = input.generation;
    if (input.labels !== undefined) metadata.labels = input.labels;
    if (input.annotations !== undefined) metadata.annotations = input.annotations;
    if (input.owners !== undefined && input.owners.length > 0) {
      metadata.ownerReferences = input.owners.map((owner, i) => ownerReference(owner, i === 0));
    }
    if (input.finalizers !== undefined) metadata.finalizers = input.finalizers;
    return metadata;
  }

  /** Pod IPs come from the node's /24 of the 10.42.0.0/16 pod network (flannel-style). */
  podIp(node: string): string {
    const next = (this.podHosts.get(node) ?? 11) + 1;
    this.podHosts.set(node, next);
    return `10.42.${nodeIndex(node)}.${next}`;
  }

  serviceIp(): string {
    this.serviceHosts += 7;
    return `10.43.${Math.floor(this.serviceHosts / 250)}.${this.serviceHosts % 250}`;
  }

  /** Record a CSI volume bound to a claim, for VolumeAttachments. */
  registerCsiVolume(namespace: string, claimName: string, volume: CsiVolume): void {
    this.csiVolumes.set(`${namespace}/${claimName}`, volume);
  }
}
