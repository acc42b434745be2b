import { parseDocument } from 'yaml';

/**
 * A ConfigMap value read as the file it is, so each value keeps the key it is written under
 * and can be judged like an env variable: JSON, YAML (`database: {host: gitlab-postgresql}`),
 * and line-based `key = value` / `key: value` formats (INI, properties, `.env`, TOML). Lines
 * that are no `key = value` (an nginx `proxy_pass`, a script) are free text, without a name.
 * A one-line value is named by its data key, as `envFrom` turns it into a variable.
 */
export interface ConfigEntry {
  /** The key the value is written under (its last key; a list item takes its list's key). */
  name?: string;
  /** Where in the value: `datasources[0].url`, `database.host`; absent for a one-line value. */
  path?: string;
  value: string;
}

/** Larger values are read line by line only: dashboards and bundles are not worth a parse. */
const MAX_STRUCTURED = 256 * 1024;
const MAX_DEPTH = 3;
const KEY_VALUE_LINE = /^(?:export\s+)?["']?([A-Za-z_][\w.[\]-]*)["']?\s*(?:=|:(?=\s|$))\s*(.*)$/;

export function configEntries(key: string, value: string, depth = 0): ConfigEntry[] {
  const structured = value.length <= MAX_STRUCTURED ? parseStructured(value) : undefined;
  if (structured !== undefined) {
    const out: ConfigEntry[] = [];
    walk(structured, [], key, out, depth);
    return out;
  }
  if (!value.includes('\n')) return [{ name: key, value }];
  return lineEntries(value);
}

/** A JSON or YAML mapping or list; undefined for scalars and text that parses as neither. */
function parseStructured(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (typeof json === 'object' && json !== null) return json;
    } catch {
      // Not JSON: YAML flow collections start the same way.
    }
  }
  if (!/[:\n-]/.test(trimmed)) return undefined;
  try {
    const doc = parseDocument(trimmed, { uniqueKeys: false, logLevel: 'silent' });
    // Text that YAML only half reads (an INI file's `[section]` then `key = value`) is not YAML.
    if (doc.errors.length > 0) return undefined;
    const yaml: unknown = doc.toJS({ maxAliasCount: 100 });
    return typeof yaml === 'object' && yaml !== null ? yaml : undefined;
  } catch {
    return undefined;
  }
}

function walk(
  node: unknown,
  path: string[],
  name: string | undefined,
  out: ConfigEntry[],
  depth: number,
): void {
  if (typeof node === 'string') {
    const where = path.join('').replace(/^\./, '');
    if (node.includes('\n') && depth < MAX_DEPTH) {
      for (const inner of configEntries(name ?? '', node, depth + 1))
        out.push({ ...inner, path: inner.path ? `${where}: ${inner.path}` : where });
      return;
    }
    out.push({ ...(name === undefined ? {} : { name }), path: where, value: node });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      walk(item, [...path, `[${i}]`], name, out, depth);
    });
    return;
  }
  if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) walk(v, [...path, `.${k}`], k, out, depth);
  }
}

function lineEntries(value: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const line of value.split('\n')) {
    const trimmed = line.trim();
    // Comments (`#`, `;`, `//`, `!`) are not configuration: a commented-out host is no dependency.
    if (!trimmed || /^(#|;|\/\/|!)/.test(trimmed)) continue;
    const pair = KEY_VALUE_LINE.exec(trimmed);
    if (pair?.[1] !== undefined && pair[2] !== undefined)
      out.push({ name: pair[1], path: pair[1], value: pair[2].replace(/^["']|["'],?$/g, '') });
    else out.push({ value: trimmed });
  }
  return out;
}
