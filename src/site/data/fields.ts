import { InputError } from '../../core/errors.ts';

/**
 * Typed reads of a content page's front matter. A wrong type is bad input naming the file and
 * the field path (`volumes[2].pools`), so a hand-edited page fails the build with a message an
 * operator can act on instead of a broken page.
 */
export class Fields {
  readonly file: string;
  readonly path: string;
  readonly value: Record<string, unknown>;

  constructor(file: string, value: unknown, path = '') {
    this.file = file;
    this.path = path;
    if (!isRecord(value)) throw this.error(path || 'front matter', 'a mapping', value);
    this.value = value;
  }

  string(key: string): string {
    const v = this.optionalString(key);
    if (v === null) throw this.error(this.at(key), 'a string', this.value[key]);
    return v;
  }

  optionalString(key: string): string | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    // YAML reads an unquoted timestamp as a date.
    if (v instanceof Date) return v.toISOString().replace(/\.000Z$/, 'Z');
    throw this.error(this.at(key), 'a string', v);
  }

  optionalNumber(key: string): number | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    throw this.error(this.at(key), 'a number', v);
  }

  number(key: string): number {
    const v = this.optionalNumber(key);
    if (v === null) throw this.error(this.at(key), 'a number', this.value[key]);
    return v;
  }

  optionalBoolean(key: string): boolean | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'boolean') return v;
    throw this.error(this.at(key), 'true or false', v);
  }

  strings(key: string): string[] {
    return this.list(key, (item, path) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number') return String(item);
      throw this.error(path, 'a string', item);
    });
  }

  /** A list; absent reads as empty. */
  list<T>(key: string, read: (item: unknown, path: string) => T): T[] {
    const v = this.value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw this.error(this.at(key), 'a list', v);
    return v.map((item, i) => read(item, `${this.at(key)}[${i}]`));
  }

  /** A list of mappings, each read through its own Fields. */
  records<T>(key: string, read: (fields: Fields) => T): T[] {
    return this.list(key, (item, path) => read(new Fields(this.file, item, path)));
  }

  /** A nested mapping, or null when absent. */
  optionalRecord(key: string): Fields | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    return new Fields(this.file, v, this.at(key));
  }

  /** A mapping of strings (labels): other scalars are written as text. */
  stringMap(key: string): Record<string, string> {
    const fields = this.optionalRecord(key);
    if (!fields) return {};
    const out: Record<string, string> = {};
    for (const k of Object.keys(fields.value)) {
      const v = fields.optionalString(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  /** A mapping of numbers (counts). */
  numberMap(key: string): Record<string, number> {
    const fields = this.optionalRecord(key);
    if (!fields) return {};
    const out: Record<string, number> = {};
    for (const k of Object.keys(fields.value)) {
      const v = fields.optionalNumber(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.string(key);
    if (!(allowed as readonly string[]).includes(v)) {
      throw new InputError(`expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`, {
        from: { file: this.file },
        field: this.at(key),
      });
    }
    return v as T;
  }

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  error(field: string, expected: string, actual: unknown): InputError {
    const shown = actual === undefined ? 'nothing' : JSON.stringify(actual)?.slice(0, 80);
    return new InputError(`expected ${expected}, got ${shown}`, { from: { file: this.file }, field });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
