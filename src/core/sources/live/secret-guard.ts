import type { ApiTransport } from './transport.ts';

/**
 * Thrown when something asks for a Secrets path. Secrets are not in RESOURCE_TYPES, so this can
 * only happen through a bug: it is not retried and not turned into a partial result.
 */
export class SecretPathRefused extends Error {
  override name = 'SecretPathRefused';
}

/**
 * True when any path segment is the `secrets` resource, in any case or percent-encoding
 * (`/api/v1/secrets`, `/api/v1/namespaces/x/secrets/y`, `/api/v1/%73ecrets`). Whole segments
 * only, so a CRD plural like `secretstores` is not mistaken for Secrets.
 */
export function isSecretPath(path: string): boolean {
  const withoutQuery = path.split('?', 1)[0] ?? '';
  return withoutQuery.split('/').some((segment) => decodeSegment(segment).toLowerCase() === 'secrets');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The transport the live source actually uses: refuses Secrets before any byte is sent. */
export function refusingSecrets(transport: ApiTransport): ApiTransport {
  return {
    get(path, options) {
      if (isSecretPath(path)) {
        return Promise.reject(
          new SecretPathRefused(`refusing to request ${path}: tierbook never reads Secrets`),
        );
      }
      return transport.get(path, options);
    },
  };
}
