import { InputError } from '../../errors.ts';
import type { KubeObject, ObjectMeta } from '../../model.ts';
import { mayHoldSecrets } from '../../secret-fields.ts';
import { NEVER_READ_KINDS } from '../resource-type.ts';
import { describeValue, isMapping } from './describe-value.ts';
import type { Candidate } from './expand-document.ts';

/** Why a candidate is passed over: a Secret (never read), or a document with no name to key it by. */
export type CheckedObject = { object: KubeObject } | { skip: string; because: 'secret' | 'unnamed' };

/**
 * Turns a candidate into a `KubeObject` whose typed fields really have their types, or says why it
 * is passed over. Secrets are recognised first, before any field is looked at, so nothing of theirs
 * reaches a message. Wrong types are an `InputError` naming file, line, object and field.
 */
export function checkObject(candidate: Candidate, file: string): CheckedObject {
  const { fields, inherited } = candidate;
  const fail = (field: string, message: string, kind?: string): never => {
    throw new InputError(message, {
      from: { file, line: candidate.line },
      object: label(candidate, kind),
      field,
    });
  };

  const ownKind = optionalString(fields.kind, (actual) => fail('kind', expected('a string', actual)));
  const kind = ownKind || inherited?.kind;
  if (!kind) {
    return fail(
      'kind',
      'missing: the object has no kind and nothing around it says what it is; add kind and apiVersion',
    );
  }
  if (NEVER_READ_KINDS.has(kind))
    return { skip: `${label(candidate, kind)}: ${kind}s are never read`, because: 'secret' };

  const ownVersion = optionalString(fields.apiVersion, (actual) =>
    fail('apiVersion', expected('a string', actual), kind),
  );
  const inheritedVersion = inherited?.kind === kind ? inherited.apiVersion : undefined;
  const apiVersion = ownVersion || inheritedVersion;
  if (!apiVersion) return fail('apiVersion', 'missing: expected a string such as v1 or apps/v1', kind);

  const metadata = fields.metadata;
  if (metadata === undefined || metadata === null)
    return { skip: `${label(candidate, kind)}: no metadata.name`, because: 'unnamed' };
  if (!isMapping(metadata)) return fail('metadata', expected('a mapping', metadata), kind);
  const name = metadata.name;
  if (name === undefined || name === null || name === '') {
    const generated =
      typeof metadata.generateName === 'string' ? ' (only generateName, set by the server)' : '';
    return { skip: `${label(candidate, kind)}: no metadata.name${generated}`, because: 'unnamed' };
  }
  if (typeof name !== 'string') return fail('metadata.name', expected('a string', name), kind);

  const checked = checkMetadata(metadata, (field, message) => fail(field, message, kind));
  const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, ...rest } = fields;
  return { object: { apiVersion, kind, metadata: checked, ...rest } };
}

function optionalString(value: unknown, fail: (actual: unknown) => never): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : fail(value);
}

type Fail = (field: string, message: string) => never;

/**
 * `null` where a map or list may be is what an empty `labels:` line parses to; the API server
 * treats it as absent, and so does tierbook (the key is dropped from the copy).
 */
function checkMetadata(metadata: Record<string, unknown>, fail: Fail): ObjectMeta {
  const checked: Record<string, unknown> = { ...metadata };
  for (const key of ['namespace', 'labels', 'annotations', 'ownerReferences']) {
    if (checked[key] === null) delete checked[key];
  }
  if (checked.namespace !== undefined && typeof checked.namespace !== 'string') {
    fail('metadata.namespace', expected('a string', checked.namespace));
  }
  for (const key of ['labels', 'annotations']) {
    if (checked[key] !== undefined) checked[key] = stringMap(checked[key], `metadata.${key}`, fail);
  }
  if (checked.ownerReferences !== undefined) checkOwnerReferences(checked.ownerReferences, fail);
  return checked as ObjectMeta;
}

/** An empty value (`app:` with nothing after it) is what the API server stores as "". */
function stringMap(value: unknown, field: string, fail: Fail): Record<string, string> {
  if (!isMapping(value)) return fail(field, expected('a mapping of strings to strings', value));
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) map[key] = '';
    else if (typeof entry === 'string') map[key] = entry;
    else
      fail(
        `${field}.${key}`,
        `${expected('a string', entry, mayHoldSecrets(field))} (quote the value in YAML)`,
      );
  }
  return map;
}

const OWNER_FIELDS: readonly { key: string; type: 'string' | 'boolean'; required: boolean }[] = [
  { key: 'apiVersion', type: 'string', required: true },
  { key: 'kind', type: 'string', required: true },
  { key: 'name', type: 'string', required: true },
  { key: 'uid', type: 'string', required: false },
  { key: 'controller', type: 'boolean', required: false },
];

function checkOwnerReferences(value: unknown, fail: Fail): void {
  if (!Array.isArray(value)) fail('metadata.ownerReferences', expected('a list', value));
  for (const [index, reference] of value.entries()) {
    const at = `metadata.ownerReferences[${index}]`;
    if (!isMapping(reference)) fail(at, expected('a mapping', reference));
    for (const { key, type, required } of OWNER_FIELDS) {
      const field = reference[key];
      if (field === undefined || field === null) {
        if (required)
          fail(`${at}.${key}`, `missing: expected ${type === 'string' ? 'a string' : 'a boolean'}`);
      } else if (typeof field !== type) {
        fail(`${at}.${key}`, expected(type === 'string' ? 'a string' : 'a boolean', field));
      }
    }
  }
}

function expected(what: string, actual: unknown, secret = false): string {
  return `expected ${what}, got ${describeValue(actual, secret)}`;
}

/** `Pod default/web-0`, or `Pod at items[3]` before a name is known. */
function label(candidate: Candidate, kind: string | undefined): string {
  const metadata = isMapping(candidate.fields.metadata) ? candidate.fields.metadata : {};
  const what = kind ?? (typeof candidate.fields.kind === 'string' ? candidate.fields.kind : 'object');
  const name = typeof metadata.name === 'string' && metadata.name ? metadata.name : undefined;
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace ? `${metadata.namespace}/` : '';
  if (name) return `${what} ${namespace}${name}`;
  return candidate.place ? `${what} at ${candidate.place}` : what;
}
