/**
 * The docs and the schema cannot drift apart: the commented example parses and uses every
 * top-level field, and docs/config.md documents every field the schema accepts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG_SCHEMA } from '../../src/core/config/config-schema.ts';
import { parseConfigText } from '../../src/core/config/index.ts';
import type { FieldSpec } from '../../src/core/config/schema.ts';

const docs = join(import.meta.dirname, '..', '..', 'docs');

test('docs/tierbook.config.example.yaml parses and sets every top-level field', () => {
  const text = readFileSync(join(docs, 'tierbook.config.example.yaml'), 'utf8');
  const config = parseConfigText(text, 'docs/tierbook.config.example.yaml');
  assert.ok(config.rules.length > 0 && config.overrides.length > 0);
  assert.ok(config.identityProviders.length > 0 && config.backupTargets.length > 0);
  for (const field of Object.keys(CONFIG_SCHEMA.fields))
    assert.match(text, new RegExp(`^${field}:`, 'm'), field);
});

/** Every field path: `rules[].match.image`; tier keys 0..4 are written `<0..4>`. */
function fieldPaths(schema: unknown, prefix: string): string[] {
  const s = schema as { fields?: Record<string, FieldSpec<unknown>>; item?: unknown };
  if (s.item) return fieldPaths(s.item, `${prefix}[]`);
  if (!s.fields) return [];
  const paths: string[] = [];
  for (const [key, spec] of Object.entries(s.fields)) {
    assert.ok(spec.description.length > 10, `${prefix}.${key} has a description`);
    const path = /^\d$/.test(key) ? `${prefix}.<0..4>` : prefix ? `${prefix}.${key}` : key;
    paths.push(path, ...fieldPaths(spec.schema, path));
  }
  return [...new Set(paths)];
}

test('docs/config.md documents every field of the schema', () => {
  const page = readFileSync(join(docs, 'config.md'), 'utf8');
  const paths = fieldPaths(CONFIG_SCHEMA, '');
  assert.ok(paths.includes('rules[].match.image') && paths.includes('tiers.<0..4>.rpo'), paths.join(' '));
  for (const top of Object.keys(CONFIG_SCHEMA.fields))
    assert.match(page, new RegExp(`^## ${top}$`, 'm'), top);
  for (const path of paths) assert.ok(page.includes(path), `docs/config.md does not mention ${path}`);
});
