/**
 * Fields whose values may be credentials: environment variables, command lines, ConfigMap and
 * Secret data, annotations (`kubectl.kubernetes.io/last-applied-configuration` holds a whole
 * manifest). An error about such a field names its path and the type found, never the value.
 */
const SECRET_SEGMENTS = new Set([
  'env',
  'envFrom',
  'args',
  'command',
  'data',
  'binaryData',
  'stringData',
  'annotations',
]);

/** `spec.containers[0].env[2].value` → true; `spec.replicas` → false. */
export function mayHoldSecrets(path: string): boolean {
  return path.split('.').some((segment) => SECRET_SEGMENTS.has(segment.replace(/\[\d+\]/g, '')));
}
