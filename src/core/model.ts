/**
 * Plain data shapes shared by every stage: sources produce `SourceItem`s, the graph reads them.
 * Kubernetes objects stay untyped (`unknown` fields) and are read through `fields.ts`, which
 * checks each field's type and names the object and field when it is wrong.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** Where an object came from, for messages: a file and line, or an API path. */
export interface Provenance {
  file?: string;
  line?: number;
  apiPath?: string;
}

export interface SourceItem {
  object: KubeObject;
  from: Provenance;
}

/** A reference to an object as the contract prints it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A kind tierbook wanted and could not read, and why. */
export interface Unreadable {
  group: string;
  kind: string;
  reason: 'forbidden' | 'unauthorized' | 'error';
  detail: string;
}

/** A file or document a source passed over on purpose (not Kubernetes objects, a Secret…). */
export interface Skipped {
  where: string;
  reason: string;
}

export interface SourceResult {
  items: SourceItem[];
  /** Kinds that could not be read: a partial inventory says so. */
  unreadable: Unreadable[];
  skipped: Skipped[];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
