/** An image reference taken apart: `ghcr.io/goauthentik/server:2025.8.1@sha256:…`. */
export interface ImageRef {
  /** As written. */
  ref: string;
  /** Registry host, or "" for Docker Hub written short. */
  registry: string;
  /** Repository path without registry, tag or digest: `goauthentik/server`, `library/redis`. */
  path: string;
  /** The last path segment: `server`, `redis`. */
  name: string;
}

export function parseImage(ref: string): ImageRef {
  let rest = ref.trim().toLowerCase();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  // A tag is a colon after the last slash; a colon before it is a registry port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon);
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : '';
  const path = (hasRegistry ? parts.slice(1) : parts).join('/');
  return { ref, registry, path, name: parts[parts.length - 1] ?? '' };
}
