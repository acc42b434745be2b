/**
 * A name holding a `${VAR}` reference that nothing substituted (a Flux variable whose value was
 * not in the input). Kubernetes names cannot contain `$`, so it names no real object: the graph
 * reads it as unknown, never as an object or a failure domain of its own.
 */
export function isUnresolvedName(text: string): boolean {
  return /(?<!\$)\$\{[^}]*\}/.test(text);
}
