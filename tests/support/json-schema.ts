/**
 * A JSON Schema (draft 2020-12) checker for the keywords tierbook's schemas use: type, enum,
 * properties, required, additionalProperties (false or a schema), items, anyOf, oneOf, minimum,
 * maximum, minLength,
 * pattern, minProperties. It refuses a keyword it does not know, so a schema can never pass
 * for want of a checker. Returns every problem with its JSON path.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  'title',
  'description',
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
  'minProperties',
]);

export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) return [`${path}: schema keyword "${key}" not supported`];
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => isType(t as string, value)))
      return [`${path}: expected ${types.join(' or ')}, found ${JSON.stringify(value)?.slice(0, 60)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf)) {
    const each = schema.anyOf.map((s) => validate(s as Schema, value, path));
    if (!each.some((p) => p.length === 0))
      problems.push(`${path}: matches none of anyOf (${each.map((p) => p[0]).join(' | ')})`);
  }
  if (Array.isArray(schema.oneOf)) {
    const matching = schema.oneOf.filter((s) => validate(s as Schema, value, path).length === 0).length;
    if (matching !== 1) problems.push(`${path}: matches ${matching} of oneOf, not exactly one`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      problems.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      problems.push(`${path}: above ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      problems.push(`${path}: too short`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries())
      problems.push(...validate(schema.items as Schema, item, `${path}[${i}]`));
  }
  if (isType('object', value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) problems.push(`${path}: missing required "${name}"`);
    if (typeof schema.minProperties === 'number' && Object.keys(object).length < schema.minProperties)
      problems.push(`${path}: fewer than ${schema.minProperties} properties`);
    for (const [name, item] of Object.entries(object)) {
      const sub = properties[name];
      if (sub) problems.push(...validate(sub, item, `${path}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property "${name}"`);
      else if (isType('object', schema.additionalProperties))
        problems.push(...validate(schema.additionalProperties as Schema, item, `${path}.${name}`));
    }
  }
  return problems;
}

function isType(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}
