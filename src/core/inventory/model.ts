import type { Dependency } from '../analysis/dependencies.ts';
import type { InlineStorage, VolumeChain } from '../analysis/storage-chain.ts';
import type { Dangling, Graph } from '../graph/model.ts';
import type { Json, Skipped, Unreadable } from '../model.ts';

/** Everything `content/` is rendered from: computed once, displayed many ways. */
export interface Inventory {
  cluster: string;
  takenAt: string;
  graph: Graph;
  workloads: WorkloadEntry[];
  storage: StorageEntry[];
  unreadable: Unreadable[];
  skipped: Skipped[];
  counts: Record<string, number>;
}

export interface Ref {
  id: string;
  title: string;
}

export interface WorkloadEntry {
  id: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  /** The workload was referenced as an owner but not read (its CRD was not listed, say). */
  missing: boolean;
  labels: Record<string, string>;
  images: string[];
  replicas: number | null;
  pods: { name: string; node: string | null; phase: string | null }[];
  members: Ref[];
  volumes: VolumeChain[];
  inlineStorage: InlineStorage[];
  dependsOn: (Dependency & { title: string })[];
  dependedOnBy: (Dependency & { title: string })[];
  problems: Dangling[];
}

export type StorageType = 'storageclass' | 'cephcluster' | 'pool' | 'osd' | 'node' | 'disk' | 'nfs-server';

export interface StorageEntry {
  id: string;
  type: StorageType;
  title: string;
  name: string;
  namespace: string;
  attrs: Record<string, Json>;
  /** Storage objects directly below or above this one (pools of a class, OSDs of a pool…). */
  related: Record<string, Ref[]>;
  /** Workloads with data here, through which volumes. */
  workloads: { id: string; title: string; claims: string[] }[];
  problems: Dangling[];
}
