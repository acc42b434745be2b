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
  /** Set where the exact place is known: a syntax error. */
  column?: number;
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

/**
 * Input an offline source could not read: a file that does not parse (or an object whose name is
 * an unresolved variable), with the kinds its text names. `needed` when it may hold a kind
 * tierbook uses: the inventory is then partial.
 */
export interface NotRead {
  /** `file:line:column` of the problem, or the file. */
  where: string;
  reason: string;
  /** Kinds named in its text (`kind:` lines), sorted; empty when none could be found. */
  kinds: string[];
  needed: boolean;
}

export interface SourceResult {
  items: SourceItem[];
  /** Kinds that could not be read: a partial inventory says so. */
  unreadable: Unreadable[];
  skipped: Skipped[];
  /** Offline input passed over because it could not be read (see `NotRead`). */
  notRead?: NotRead[];
  /** Things read but not fully understood, each naming its file and field (unresolved variables). */
  warnings?: Skipped[];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
