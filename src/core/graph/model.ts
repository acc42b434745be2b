import type { Json } from '../model.ts';

/**
 * The dependency graph: plain JSON-safe data. Node ids are `group/Kind/namespace/name`
 * (`core` for the core API group, an empty namespace for cluster-scoped things), so they are
 * stable across snapshots that lack UIDs.
 */
export interface GraphNode {
  id: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** apiVersion of the object it came from; absent for derived nodes (an OSD, a disk). */
  apiVersion?: string;
  /** Derived from other objects (OSD, disk, NFS server, zone) rather than read. */
  derived?: boolean;
  /** Referenced by something but not in the inventory. */
  missing?: boolean;
  /** Facts adapters recorded: pool size, device class, capacity, backend… */
  attrs: Record<string, Json>;
}

/** Every edge says which object's field produced it, and why, in words. */
export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
  /** Node id of the object whose field produced the edge. */
  source: string;
  field: string;
  why: string;
}

export type EdgeType =
  | 'owns'
  | 'mounts'
  | 'uses-config'
  | 'bound-to'
  | 'uses-class'
  | 'uses-driver'
  | 'scheduled-on'
  | 'pinned-to'
  | 'attached-to'
  | 'snapshot-of'
  | 'restored-from'
  | 'stored-in'
  | 'part-of'
  | 'placed-on'
  | 'runs-on'
  | 'on-device'
  | 'in-node'
  | 'replica-on'
  | 'served-by'
  | 'selects'
  | 'references'
  | 'signs-in-with'
  | 'routes-to'
  | 'forward-auth'
  | 'protects'
  | 'stores-to'
  | 'restores';

/**
 * A reference that does not resolve, or disagrees with the other side; or an object of a kind
 * that only enriches, left out for a field of the wrong type (`leftOut`). Reported, never fatal.
 */
export interface Dangling {
  object: string;
  field: string;
  message: string;
  /** Set on an object left out of the analysis: where it was read (file:line or API path). */
  leftOut?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  dangling: Dangling[];
}
