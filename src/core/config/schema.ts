import { InputError } from '../errors.ts';
import { closestWord } from './suggest.ts';

/**
 * A small schema language for tierbook.config.yaml: each field carries its description and an
 * example, so errors can say what to write and docs/config.md can be checked against it.
 * Errors are InputErrors naming the file (and line, when the YAML parser can tell), the field
 * path (`tiers.1.rpo`, `rules[2].match.image`), what was found and what to write.
 */

/** A key of a mapping, or (a number) an index in a list. */
export type PathPart = string | number;

export interface ParseContext {
  file: string;
  /** The line a field path is written on, when the caller parsed YAML and kept positions. */
  locate?: (path: readonly PathPart[]) => number | undefined;
  /** The section of docs/config.md that documents a path, e.g. "#tiers". */
  docsSection?: (path: readonly PathPart[]) => string;
}

/** A JSON Schema (draft 2020-12) fragment: what editors validate tierbook.config.yaml with. */
export type JsonSchema = { [key: string]: JsonSchemaValue };
type JsonSchemaValue = string | number | boolean | null | JsonSchema | JsonSchemaValue[];

export interface Schema<T> {
  /** What a correct value is, in words: 'a duration such as "1h"'. */
  expected: string;
  parse(value: unknown, path: readonly PathPart[], ctx: ParseContext): T;
  /** The same rule as JSON Schema, as far as JSON Schema can say it (the parser has the last word). */
  json: JsonSchema;
}

export interface FieldSpec<T> {
  description: string;
  /** YAML to write, as it appears under the parent: `rpo: 1h`. */
  example: string;
  required?: boolean;
  schema: Schema<T>;
}

export type Fields<T> = { [K in keyof T]-?: FieldSpec<T[K]> };

/** What a leaf schema found wrong, below the nearest field (`at`: list indexes in between). */
class FieldProblem extends Error {
  readonly at: PathPart[];
  constructor(message: string, at: PathPart[] = []) {
    super(message);
    this.at = at;
  }
}

export const DOCS = 'docs/config.md';

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export function fail(ctx: ParseContext, path: readonly PathPart[], message: string, example?: string): never {
  const stop = /[.?!]$/.test(message) ? '' : '.';
  const write = example ? ` Write for example: ${example}` : '';
  const line = lineOf(ctx, path);
  throw new InputError(`${message}${stop}${write} (see ${DOCS}${ctx.docsSection?.(path) ?? ''})`, {
    from: line ? { file: ctx.file, line } : { file: ctx.file },
    ...(path.length > 0 ? { field: formatPath(path) } : {}),
  });
}

/** Walks up the path until the YAML parser knows a line: a missing field points at its parent. */
function lineOf(ctx: ParseContext, path: readonly PathPart[]): number | undefined {
  for (let n = path.length; n >= 0 && ctx.locate; n--) {
    const line = ctx.locate(path.slice(0, n));
    if (line) return line;
  }
  return undefined;
}

export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A mapping with known fields. Unknown keys are errors with a "did you mean"; a field given as
 * `null` (`rules:` with nothing after it) counts as not given.
 */
export function object<T>(
  fields: Fields<T>,
  expected = 'a mapping',
): Schema<Partial<T>> & { fields: Fields<T> } {
  const names = Object.keys(fields);
  const specs = Object.entries(fields) as [string, FieldSpec<unknown>][];
  return {
    expected,
    fields,
    json: {
      type: 'object',
      description: expected,
      properties: Object.fromEntries(
        specs.map(([name, spec]) => [
          name,
          { ...spec.schema.json, description: `${spec.description} Example: ${spec.example}` },
        ]),
      ),
      required: specs.filter(([, spec]) => spec.required).map(([name]) => name),
      additionalProperties: false,
    },
    parse(value, path, ctx) {
      if (!isMapping(value)) {
        // The top level has no field to add an example; a field's example is added by parseField.
        if (path.length === 0) fail(ctx, path, `found ${describeFound(value)}, expected ${expected}`);
        throw new FieldProblem(`found ${describeFound(value)}, expected ${expected}`);
      }
      for (const key of Object.keys(value)) {
        if (names.includes(key)) continue;
        const guess = closestWord(key, names);
        const hint = guess ? `did you mean "${guess}"?` : `known fields: ${names.join(', ')}`;
        fail(ctx, [...path, key], `unknown field "${key}"; ${hint}`);
      }
      const out: Partial<T> = {};
      for (const name of names) {
        const spec = fields[name as keyof T];
        const given = value[name];
        if (given === undefined || given === null) {
          if (spec.required) fail(ctx, [...path, name], `missing`, spec.example);
          continue;
        }
        out[name as keyof T] = parseField(spec, given, [...path, name], ctx);
      }
      return out;
    },
  };
}

function parseField<T>(spec: FieldSpec<T>, value: unknown, path: readonly PathPart[], ctx: ParseContext): T {
  try {
    return spec.schema.parse(value, path, ctx);
  } catch (error) {
    // Leaf schemas say what is wrong; the field that holds them knows what to write instead.
    if (error instanceof FieldProblem) fail(ctx, [...path, ...error.at], error.message, spec.example);
    throw error;
  }
}

export function list<T>(
  item: Schema<T>,
  expected = `a list of ${item.expected}`,
): Schema<T[]> & { item: Schema<T> } {
  return {
    expected,
    item,
    json: { type: 'array', description: expected, items: item.json },
    parse(value, path, ctx) {
      if (!Array.isArray(value))
        throw new FieldProblem(`found ${describeFound(value)}, expected ${expected}`);
      return value.map((entry, i) => {
        try {
          return item.parse(entry, [...path, i], ctx);
        } catch (error) {
          if (error instanceof FieldProblem) throw new FieldProblem(error.message, [i, ...error.at]);
          throw error;
        }
      });
    },
  };
}

/** A string; `check` returns what is wrong with it, or null. */
export function text(
  expected: string,
  check?: (value: string) => string | null,
  pattern?: string,
): Schema<string> {
  return {
    expected,
    json: { type: 'string', minLength: 1, description: expected, ...(pattern ? { pattern } : {}) },
    parse(value) {
      if (typeof value !== 'string' || value.trim() === '')
        throw new FieldProblem(`found ${describeFound(value)}, expected ${expected}`);
      const problem = check?.(value);
      if (problem) throw new FieldProblem(`found "${value}": ${problem}`);
      return value;
    },
  };
}

export function oneOf<const T extends string>(choices: readonly T[]): Schema<T> {
  const expected = choices.map((c) => `"${c}"`).join(' or ');
  return {
    expected,
    json: { enum: [...choices] },
    parse(value) {
      if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
      const guess = typeof value === 'string' ? closestWord(value, choices) : undefined;
      throw new FieldProblem(
        `found ${describeFound(value)}, expected ${expected}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    },
  };
}

/** Any value, converted by `convert`, which returns undefined when the value is wrong. */
export function converted<T>(
  expected: string,
  convert: (value: unknown) => T | undefined,
  json: JsonSchema = { description: expected },
): Schema<T> {
  return {
    expected,
    json,
    parse(value) {
      const out = convert(value);
      if (out === undefined) throw new FieldProblem(`found ${describeFound(value)}, expected ${expected}`);
      return out;
    },
  };
}
