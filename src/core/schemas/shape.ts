import type { JsonSchema } from '../config/schema.ts';
import { InputError } from '../errors.ts';

/**
 * A small typed schema language for data tierbook writes and reads back (content/ front
 * matter): each shape reads a value, says what it expected with the field path
 * (`volumes[2].pools`) when the value is wrong, and states the same rule as JSON Schema. Types
 * are derived from the shapes (`Infer`), so the writer, the reader and the exported schema
 * cannot drift apart. Mappings are open: a field tierbook does not declare is passed over.
 */
export interface Shape<T> {
  readonly json: JsonSchema;
  read(value: unknown, field: string): T;
}

/** A field that may be absent (not written at all); absent reads as undefined. */
export interface OptionalShape<T> extends Shape<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends OptionalShape<unknown> ? K : never;
}[keyof F];
type Flatten<T> = { [K in keyof T]: T[K] };
export type RecordOf<F extends Fields> = Flatten<
  { -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & {
    -readonly [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined>;
  }
>;

/** What a shape found wrong, at a field path; `readShape` turns it into an InputError. */
class ShapeProblem extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function wrong(field: string, expected: string, actual: unknown): ShapeProblem {
  const shown = actual === undefined ? 'nothing' : JSON.stringify(actual)?.slice(0, 80);
  return new ShapeProblem(field, `expected ${expected}, got ${shown}`);
}

const at = (field: string, key: string) => (field ? `${field}.${key}` : key);

/** Reads `value` (a page's front matter) with `shape`; a wrong field is an InputError naming `file` and the field path. */
export function readShape<T>(shape: Shape<T>, file: string, value: unknown, field = ''): T {
  try {
    return shape.read(value, field);
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    throw new InputError(error.message, { from: { file }, ...(error.field ? { field: error.field } : {}) });
  }
}

/** A string. YAML reads some unquoted text as other scalars (`3`, a timestamp): those read as text. */
export const text: Shape<string> = {
  json: { type: 'string' },
  read(value, field) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
    throw wrong(field, 'a string', value);
  },
};

export const number: Shape<number> = {
  json: { type: 'number' },
  read(value, field) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    throw wrong(field, 'a number', value);
  },
};

export const flag: Shape<boolean> = {
  json: { type: 'boolean' },
  read(value, field) {
    if (typeof value === 'boolean') return value;
    throw wrong(field, 'true or false', value);
  },
};

/** One of a fixed set of words. */
export function words<const T extends string>(choices: readonly T[]): Shape<T> {
  return {
    json: { enum: [...choices] },
    read(value, field) {
      const word = text.read(value, field);
      if ((choices as readonly string[]).includes(word)) return word as T;
      throw new ShapeProblem(field, `expected one of ${choices.join(', ')}, got ${JSON.stringify(word)}`);
    },
  };
}

/** One of a fixed set of whole numbers (a tier), written as a number or as its digits. */
export function whole<const T extends number>(choices: readonly T[], expected: string): Shape<T> {
  return {
    json: { enum: [...choices] },
    read(value, field) {
      const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof n === 'number' && (choices as readonly number[]).includes(n)) return n as T;
      throw wrong(field, expected, value);
    },
  };
}

/** null, or the shape's value. Absent reads as null too: a page leaves out what it does not know. */
export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return {
    json: { anyOf: [shape.json, { type: 'null' }] },
    read: (value, field) => (value === undefined || value === null ? null : shape.read(value, field)),
  };
}

/** A field written only when it has something to say (a page's `runbooks`). */
export function optional<T>(shape: Shape<T>): OptionalShape<T> {
  return {
    optional: true,
    json: shape.json,
    read: (value, field) => (value === undefined || value === null ? undefined : shape.read(value, field)),
  };
}

export function list<T>(item: Shape<T>): Shape<T[]> {
  return {
    json: { type: 'array', items: item.json },
    read(value, field) {
      if (!Array.isArray(value)) throw wrong(field, 'a list', value);
      return value.map((entry, i) => item.read(entry, `${field}[${i}]`));
    },
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A mapping of any keys, each value read with `value` (labels, counts, related objects). */
export function mapOf<T>(value: Shape<T>): Shape<Record<string, T>> {
  return {
    json: { type: 'object', additionalProperties: value.json },
    read(given, field) {
      if (!isMapping(given)) throw wrong(field || 'front matter', 'a mapping', given);
      return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, value.read(v, at(field, k))]));
    },
  };
}

/** Any JSON value, kept as written (a storage object's attributes). */
export const anything: Shape<unknown> = { json: {}, read: (value) => value };

/** A mapping with known fields; every field is required unless its shape is optional or nullable. */
export function record<const F extends Fields>(fields: F): Shape<RecordOf<F>> & { fields: F } {
  const entries = Object.entries(fields);
  return {
    fields,
    json: {
      type: 'object',
      properties: Object.fromEntries(entries.map(([k, s]) => [k, s.json])),
      required: entries.filter(([, s]) => !('optional' in s) && !isNullable(s)).map(([k]) => k),
    },
    read(value, field) {
      if (!isMapping(value)) throw wrong(field || 'front matter', 'a mapping', value);
      const out: Record<string, unknown> = {};
      for (const [key, shape] of entries) {
        const read = shape.read(value[key], at(field, key));
        if (read !== undefined) out[key] = read;
      }
      return out as RecordOf<F>;
    },
  };
}

function isNullable(shape: Shape<unknown>): boolean {
  const anyOf = shape.json.anyOf;
  return (
    Array.isArray(anyOf) &&
    anyOf.some((s) => typeof s === 'object' && s !== null && !Array.isArray(s) && s.type === 'null')
  );
}
