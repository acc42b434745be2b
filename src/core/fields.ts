import { InputError } from './errors.ts';
import type { KubeObject, SourceItem } from './model.ts';
import { mayHoldSecrets } from './secret-fields.ts';

/**
 * Typed reads of object fields. A field that is absent reads as `undefined`; a field that is
 * present with the wrong type is bad input, reported with the file, object and field path.
 * Paths use dots and indexes: `spec.volumes[2].persistentVolumeClaim.claimName`.
 */
export class FieldReader {
  readonly item: SourceItem;

  constructor(item: SourceItem) {
    this.item = item;
  }

  get object(): KubeObject {
    return this.item.object;
  }

  /**
   * The value at `path`, undefined when a step is absent (or null, as the API server treats it).
   * A step of the wrong type on the way (`spec: "x"` when reading `spec.storageClassName`) is not
   * absence: it is bad input, reported at that step.
   */
  raw(path: string): unknown {
    let value: unknown = this.item.object;
    const keys = splitPath(path);
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at] as string | number;
      if (value === null || value === undefined) return undefined;
      if (typeof key === 'number') {
        if (!Array.isArray(value)) throw this.wrongStep(keys, at, 'a list', value);
        value = value[key];
      } else {
        if (!isRecord(value)) throw this.wrongStep(keys, at, 'a mapping', value);
        value = value[key];
      }
    }
    return value;
  }

  string(path: string): string | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    // YAML authors write `size: 3` where Kubernetes wants "3" and vice versa; numbers and
    // booleans are accepted where a string is expected, as the API server's decoder does not.
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') throw this.wrongType(path, 'a string', value);
    return value;
  }

  number(path: string): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    throw this.wrongType(path, 'a number', value);
  }

  boolean(path: string): boolean | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.wrongType(path, 'true or false', value);
  }

  array(path: string): unknown[] {
    const value = this.raw(path);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw this.wrongShape(path, 'a list', value);
    return value;
  }

  /** A list of strings (numbers and booleans read as text, as `string()` does); absent is empty. */
  strings(path: string): string[] {
    return this.indexes(path).flatMap((i) => this.string(`${path}[${i}]`) ?? []);
  }

  /**
   * A mapping of mappings, by key (Longhorn disks by name; keys may hold dots, so they are not
   * read as paths). A null entry is absent; anything else not a mapping is the wrong type.
   */
  recordEntries(path: string): [string, Record<string, unknown>][] {
    return Object.entries(this.record(path) ?? {}).flatMap(
      ([key, value]): [string, Record<string, unknown>][] => {
        if (value === null || value === undefined) return [];
        if (!isRecord(value)) throw this.wrongShape(`${path}.${key}`, 'a mapping', value);
        return [[key, value]];
      },
    );
  }

  record(path: string): Record<string, unknown> | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) throw this.wrongShape(path, 'a mapping', value);
    return value;
  }

  stringMap(path: string): Record<string, string> {
    const value = this.record(path) ?? {};
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') out[key] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
      else if (v !== null && v !== undefined) throw this.wrongType(`${path}.${key}`, 'a string', v);
    }
    return out;
  }

  /** Indexes of a list field, for building element paths: `spec.volumes[i]`. */
  indexes(path: string): number[] {
    return this.array(path).map((_, i) => i);
  }

  wrongType(path: string, expected: string, actual: unknown): FieldTypeError {
    return new FieldTypeError(
      this.item,
      path,
      `expected ${expected}, found ${describeValue(actual, mayHoldSecrets(path))}`,
    );
  }

  /**
   * A scalar (or the other container) where a list or mapping is read: named by its type only,
   * as the value may be anything (a password in an env var).
   */
  wrongShape(path: string, expected: string, actual: unknown, reading?: string): FieldTypeError {
    const why = reading ? ` (reading ${reading})` : '';
    return new FieldTypeError(this.item, path, `expected ${expected}, found ${typeName(actual)}${why}`);
  }

  /** Step `at` of a read needs a list or mapping, and what is there is not one. */
  private wrongStep(keys: readonly (string | number)[], at: number, expected: string, actual: unknown) {
    return this.wrongShape(joinPath(keys.slice(0, at)), expected, actual, joinPath(keys));
  }
}

/**
 * A field of the wrong type: an `InputError` that also carries the object it is on, so the
 * graph can leave out an object of a kind that only enriches instead of refusing the input.
 */
export class FieldTypeError extends InputError {
  readonly item: SourceItem;

  constructor(item: SourceItem, field: string, message: string) {
    super(message, { from: item.from, object: objectLabel(item.object), field });
    this.item = item;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectLabel(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ''}${object.metadata.name ?? '(unnamed)'}`;
}

/** The type and, unless the field may hold a secret, the value (cut at 40 characters). */
function describeValue(value: unknown, secret: boolean): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (secret) return `a ${typeof value} (not quoted: the field may hold a secret)`;
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** The type only: the value may be anything (a password in an env var), so it is never quoted. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return `a ${typeof value}`;
}

function joinPath(keys: readonly (string | number)[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

const pathCache = new Map<string, (string | number)[]>();

function splitPath(path: string): (string | number)[] {
  let parts = pathCache.get(path);
  if (!parts) {
    parts = [];
    for (const segment of path.split('.')) {
      const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment);
      if (!match) {
        parts.push(segment);
        continue;
      }
      if (match[1]) parts.push(match[1]);
      for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
    }
    if (pathCache.size < 10_000) pathCache.set(path, parts);
  }
  return parts;
}
