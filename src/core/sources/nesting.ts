import { InputError } from '../errors.ts';

/**
 * The deepest nesting tierbook reads. Kubernetes objects nest a few dozen levels at most (a
 * CRD's openAPIV3Schema perhaps a hundred); far deeper input is hostile or broken, and reading it
 * would overflow the stack in every later step that walks the object.
 */
export const MAX_NESTING = 1000;

const TOO_DEEP = 'nested too deeply';

/** True when the error is V8's stack overflow (`RangeError: Maximum call stack size exceeded`). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The message for input whose nesting overflowed the parser itself. */
export function tooDeepReason(): string {
  return `${TOO_DEEP}: more levels of mappings or lists than the parser can follow (Kubernetes objects nest a few dozen)`;
}

/** Throws an InputError at `file:line` when `value` nests deeper than MAX_NESTING. */
export function checkNesting(value: unknown, file: string, line: number): void {
  if (nestsTooDeep(value)) throw new InputError(tooDeepDetail(), { from: { file, line } });
}

/** `nested too deeply: more than 1000 levels of mappings or lists`. */
export function tooDeepDetail(): string {
  return `${TOO_DEEP}: more than ${MAX_NESTING} levels of mappings or lists`;
}

/**
 * True when `value` nests deeper than MAX_NESTING. A recursion that stops at that depth, so at
 * most MAX_NESTING + 1 frames deep whatever the input: it cannot overflow, and it allocates
 * nothing (it runs over every object a live read or a dump holds, tens of thousands of them).
 */
export function nestsTooDeep(value: unknown): boolean {
  return deeperThanMax(value, 0);
}

/** `containers`: how many arrays and objects enclose `value`. */
function deeperThanMax(value: unknown, containers: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (containers >= MAX_NESTING) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (deeperThanMax(child, containers + 1)) return true;
    return false;
  }
  const fields = value as Record<string, unknown>;
  for (const key in fields)
    if (Object.hasOwn(fields, key) && deeperThanMax(fields[key], containers + 1)) return true;
  return false;
}
