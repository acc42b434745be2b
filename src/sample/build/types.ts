/**
 * The shapes the generator builds. Only the fields the generator itself reads back are typed;
 * everything else is plain data that goes straight to YAML.
 */

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface Metadata {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generation?: number;
  generateName?: string;
  labels?: Labels;
  annotations?: Labels;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image: string;
  [field: string]: unknown;
}

export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  [field: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeSelector?: Labels;
  [field: string]: unknown;
}

export interface PodTemplate {
  labels: Labels;
  annotations?: Labels;
  spec: PodSpec;
}

/** The files of `src/sample/cluster/`, one per area. */
export type AreaFile =
  | 'nodes'
  | 'storage'
  | 'rook-ceph'
  | 'databases'
  | 'auth'
  | 'apps'
  | 'web'
  | 'monitoring'
  | 'velero'
  | 'minio'
  | 'media';

export const AREA_FILES: readonly AreaFile[] = [
  'nodes',
  'storage',
  'rook-ceph',
  'databases',
  'auth',
  'apps',
  'web',
  'monitoring',
  'velero',
  'minio',
  'media',
];
