/**
 * Code-unit order, independent of locale, so output is the same on every machine: the one
 * comparison every sorted list in tierbook uses (a ground-floor module: imports nothing).
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
