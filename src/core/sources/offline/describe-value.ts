/**
 * Names the shape of a parsed value for error messages ("a list", "a number (3)"). String values
 * are never quoted back: they may come from a document tierbook must not repeat.
 */
export function describeValue(value: unknown, secret = false): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if ((typeof value === 'number' || typeof value === 'boolean') && !secret)
    return `a ${typeof value} (${String(value)})`;
  return `a ${typeof value}`;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
