/**
 * Deterministic identifiers. The sample must be byte-identical on every run, so everything a real
 * API server would randomise (uids, hashes, name suffixes, container ids) is derived from a stable
 * seed string with SHA-256 instead.
 */
import { createHash } from 'node:crypto';

export function sha256(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** A version-4-shaped UUID derived from `seed`. */
export function uuidFrom(seed: string): string {
  const hex = sha256(seed);
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The uid the API server would have given this object. */
export function uidOf(kind: string, namespace: string | undefined, name: string): string {
  return uuidFrom(`uid/${kind}/${namespace ?? ''}/${name}`);
}

// Kubernetes' rand.SafeEncodeString alphabet: no vowels, no confusable digits.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A name suffix in the alphabet Kubernetes uses for pod-template-hash and generated names. */
export function safeSuffix(seed: string, length: number): string {
  const hex = sha256(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    const byte = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    out += SAFE_ALPHABET[byte % SAFE_ALPHABET.length];
  }
  return out;
}

export function containerId(seed: string): string {
  return `containerd://${sha256(`container/${seed}`)}`;
}

export function imageDigest(image: string): string {
  const repository = image.split(':')[0] ?? image;
  return `${repository}@sha256:${sha256(`image/${image}`)}`;
}

/** etcd revisions only grow; a counter in creation order gives believable resourceVersions. */
export class ResourceVersions {
  next = 48_210_000;

  take(seed: string): string {
    this.next += 1 + (Number.parseInt(sha256(seed).slice(0, 2), 16) % 97);
    return String(this.next);
  }
}
