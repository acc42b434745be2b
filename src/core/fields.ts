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

  raw(path: string): unknown {
    let value: unknown = this.item.object;
    for (const key of splitPath(path)) {
      if (value === null || value === undefined) return undefined;
      if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
      else value = isRecord(value) ? value[key] : undefined;
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
    if (!Array.isArray(value)) throw this.wrongType(path, 'a list', value);
    return value;
  }

  record(path: string): Record<string, unknown> | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) throw this.wrongType(path, 'a mapping', value);
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

  wrongType(path: string, expected: string, actual: unknown): InputError {
    return new InputError(`expected ${expected}, found ${describeValue(actual, mayHoldSecrets(path))}`, {
      from: this.item.from,
      object: objectLabel(this.item.object),
      field: path,
    });
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
