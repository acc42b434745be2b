import type { FieldReader } from '../../../fields.ts';

/** One PVC an operator will create for one instance, as its resource's spec describes it. */
export interface OperatorClaim {
  name: string;
  /** The field holding the claim's spec: `spec.storage`, `spec.pxc.volumeSpec.persistentVolumeClaim`. */
  field: string;
  /** The class as written; undefined when not set (the cluster default applies). */
  storageClass: string | undefined;
  classField: string;
  size: string | undefined;
}

/**
 * How an operator turns its resource into claims, so an inventory read from manifests (a
 * GitOps repository) still sees the data. One file per operator; the table is in `index.ts`.
 */
export interface OperatorModel {
  group: string;
  kind: string;
  /** Its plural, as the API lists it: `clusters`. */
  plural: string;
  /** How messages name the kind: `CloudNativePG Cluster`. */
  title: string;
  /** The label the operator puts on the PVCs it creates, valued with the resource's name. */
  clusterLabel?: string;
  /** The claims the spec asks for, and the instances in words (`3 instances`). */
  claims(reader: FieldReader): { claims: OperatorClaim[]; instances: string };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Instances asked for, or 1 when the field is not set: the fewest copies is the worst case
 * (losing that one loses the data), and the words say it was assumed.
 */
export function countAt(
  reader: FieldReader,
  path: string,
  fallback?: number,
): { count: number; words: string } {
  const count = reader.number(path);
  if (count !== undefined) return { count: Math.max(0, Math.floor(count)), words: '' };
  if (fallback !== undefined) return { count: fallback, words: '' };
  return { count: 1, words: ` (${path} not set: 1 assumed)` };
}

/**
 * A PersistentVolumeClaim spec (Percona `volumeSpec.persistentVolumeClaim`, Crunchy
 * `dataVolumeClaimSpec`): its class, or the legacy class annotation Percona allows, and size.
 */
export function claimSpecAt(
  reader: FieldReader,
  at: string,
): Pick<OperatorClaim, 'storageClass' | 'classField' | 'size'> {
  const explicit = reader.string(`${at}.storageClassName`);
  const annotation = 'volume.beta.kubernetes.io/storage-class';
  const legacy = reader.stringMap(`${at}.annotations`)[annotation];
  const [storageClass, classField] =
    explicit === undefined && legacy !== undefined
      ? [legacy, `${at}.annotations.${annotation}`]
      : [explicit, `${at}.storageClassName`];
  return { storageClass, classField, size: reader.string(`${at}.resources.requests.storage`) };
}
