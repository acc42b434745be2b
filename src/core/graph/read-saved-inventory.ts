import { parseConfig } from '../config/parse.ts';
import { InputError } from '../errors.ts';
import type { Json } from '../model.ts';
import type { Unread } from '../sources/unread.ts';
import type { Dangling, GraphEdge, GraphNode } from './model.ts';
import { SAVED_INVENTORY_SCHEMA, type SavedInventory } from './saved-inventory.ts';
import { migrateSavedInventory } from './saved-inventory-migrations.ts';

/**
 * Parses content/graph.json (`file` names it in errors). An older schema is migrated in memory
 * first, a newer one refused (saved-inventory-migrations.ts). Checked field by field: the file
 * is in git and may have been edited or merged by hand, and an answer built on a half-read
 * graph would be a false "safe". Every error names the file and the field.
 */
export function readSavedInventory(text: string, file: string): SavedInventory {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`not valid JSON (${why}); regenerate it with "tierbook inventory"`, {
      from: { file },
    });
  }
  const top = migrateSavedInventory(record(raw, file, '(top level)'), file).raw;
  return {
    schema: SAVED_INVENTORY_SCHEMA,
    ...(top.tierbook === undefined ? {} : { tierbook: text_(top.tierbook, file, 'tierbook') }),
    cluster: text_(top.cluster, file, 'cluster'),
    takenAt: text_(top.takenAt, file, 'takenAt'),
    config: parseConfig(top.config, `${file} (field config)`),
    unread: list(top.unread, file, 'unread').map((u, i) => unreadOf(u, file, `unread[${i}]`)),
    graph: {
      nodes: list(top.nodes, file, 'nodes').map((n, i) => nodeOf(n, file, `nodes[${i}]`)),
      edges: list(top.edges, file, 'edges').map((e, i) => edgeOf(e, file, `edges[${i}]`)),
      dangling: list(top.dangling, file, 'dangling').map((d, i) => danglingOf(d, file, `dangling[${i}]`)),
    },
  };
}

/**
 * graph.json's head (schema, tierbook, cluster, time taken, configuration, what was not read),
 * read and checked as readSavedInventory reads it, from the lines before its nodes alone: the
 * writer (saved-inventory.ts) puts each head field on one line before `"nodes": `, so a 30 MB
 * graph is not parsed to learn its head.
 */
export function readSavedHead(text: string, file = 'graph.json'): Omit<SavedInventory, 'graph'> {
  const end = text.indexOf(NODES);
  if (end < 0) return withoutGraph(readSavedInventory(text, file));
  const { graph: _, ...head } = readSavedInventory(
    `${text.slice(0, end)}${NODES}[],\n"edges": [],\n"dangling": []\n}\n`,
    file,
  );
  return head;
}

const NODES = ',\n"nodes": ';

function withoutGraph({ graph: _, ...head }: SavedInventory): Omit<SavedInventory, 'graph'> {
  return head;
}

function nodeOf(value: unknown, file: string, field: string): GraphNode {
  const n = record(value, file, field);
  const node: GraphNode = {
    id: text_(n.id, file, `${field}.id`),
    group: text_(n.group, file, `${field}.group`, true),
    kind: text_(n.kind, file, `${field}.kind`),
    namespace: text_(n.namespace, file, `${field}.namespace`, true),
    name: text_(n.name, file, `${field}.name`),
    attrs: record(n.attrs, file, `${field}.attrs`) as Record<string, Json>,
  };
  if (n.apiVersion !== undefined) node.apiVersion = text_(n.apiVersion, file, `${field}.apiVersion`);
  if (n.derived !== undefined) node.derived = flag(n.derived, file, `${field}.derived`);
  if (n.missing !== undefined) node.missing = flag(n.missing, file, `${field}.missing`);
  return node;
}

function edgeOf(value: unknown, file: string, field: string): GraphEdge {
  const e = record(value, file, field);
  return {
    from: text_(e.from, file, `${field}.from`),
    to: text_(e.to, file, `${field}.to`),
    type: text_(e.type, file, `${field}.type`) as GraphEdge['type'],
    source: text_(e.source, file, `${field}.source`),
    field: text_(e.field, file, `${field}.field`, true),
    why: text_(e.why, file, `${field}.why`, true),
  };
}

function danglingOf(value: unknown, file: string, field: string): Dangling {
  const d = record(value, file, field);
  const out: Dangling = {
    object: text_(d.object, file, `${field}.object`),
    field: text_(d.field, file, `${field}.field`, true),
    message: text_(d.message, file, `${field}.message`, true),
  };
  if (d.leftOut !== undefined) out.leftOut = text_(d.leftOut, file, `${field}.leftOut`);
  return out;
}

function unreadOf(value: unknown, file: string, field: string): Unread {
  const u = record(value, file, field);
  const reason = text_(u.reason, file, `${field}.reason`);
  if ('kind' in u) {
    return {
      kind: text_(u.kind, file, `${field}.kind`),
      reason: reason as Extract<Unread, { kind: string }>['reason'],
      detail: text_(u.detail, file, `${field}.detail`, true),
    };
  }
  return {
    input: text_(u.input, file, `${field}.input`),
    kinds: list(u.kinds, file, `${field}.kinds`).map((k, i) => text_(k, file, `${field}.kinds[${i}]`)),
    reason,
  };
}

function record(value: unknown, file: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(file, field, 'an object', value);
  return value as Record<string, unknown>;
}

function list(value: unknown, file: string, field: string): unknown[] {
  if (!Array.isArray(value)) fail(file, field, 'a list', value);
  return value;
}

function text_(value: unknown, file: string, field: string, emptyOk = false): string {
  if (typeof value !== 'string' || (!emptyOk && value === '')) fail(file, field, 'a non-empty string', value);
  return value;
}

function flag(value: unknown, file: string, field: string): boolean {
  if (typeof value !== 'boolean') fail(file, field, 'true or false', value);
  return value;
}

function fail(file: string, field: string, expected: string, got: unknown): never {
  const actual = got === undefined ? 'nothing' : Array.isArray(got) ? 'a list' : typeof got;
  throw new InputError(`expected ${expected}, found ${actual}; regenerate it with "tierbook inventory"`, {
    from: { file },
    field,
  });
}
