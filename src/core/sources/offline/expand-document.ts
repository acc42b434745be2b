import { InputError } from '../../errors.ts';
import { describeValue, isMapping } from './describe-value.ts';
import type { KindHint } from './layout-hints.ts';
import type { RawDocument } from './raw-document.ts';

/** A mapping that should be a Kubernetes object, with what its surroundings say about its kind. */
export interface Candidate {
  fields: Record<string, unknown>;
  line: number;
  /** Where in its document, for messages about objects without a name (`items[3]`). */
  place: string | undefined;
  /** Kind and apiVersion from the enclosing `PodList` or the file's place in a dump. */
  inherited: KindHint | undefined;
}

/** A document, or an entry of a top-level array, that is not a Kubernetes object. */
export interface NotObject {
  line: number;
  what: string;
}

export type DocumentPart = { candidate: Candidate } | { notObject: NotObject } | { emptyList: number };

/**
 * Splits a document into the objects it holds: a List (`kind: List`, `PodList`, or support
 * bundles' kindless `{metadata, items}`) gives its items, a top-level array gives its elements
 * (support bundles' custom-resources files), a single object gives itself.
 */
export function expandDocument(
  document: RawDocument,
  file: string,
  hint: KindHint | undefined,
): DocumentPart[] {
  const { value, line, entryLines } = document;
  if (!Array.isArray(value)) {
    return expandValue(value, { file, line, place: undefined, hint, itemLines: entryLines, inArray: false });
  }
  // A List inside a top-level array has no item lines of its own: its items share the entry's line.
  return value.flatMap((entry, index) =>
    expandValue(entry, {
      file,
      line: entryLines[index] ?? line,
      place: `[${index}]`,
      hint,
      itemLines: [],
      inArray: true,
    }),
  );
}

interface Where {
  file: string;
  line: number;
  place: string | undefined;
  hint: KindHint | undefined;
  itemLines: readonly number[];
  /**
   * kubectl never writes a top-level array: in one, only self-describing entries (apiVersion and
   * kind) or entries of a hinted dump file are objects, so a kustomize fragment such as
   * `- metadata: {name: data}` is passed over rather than rejected.
   */
  inArray: boolean;
}

function expandValue(value: unknown, where: Where): DocumentPart[] {
  const { file, line, place, hint, itemLines, inArray } = where;
  if (!isMapping(value)) return [{ notObject: { line, what: describeValue(value) } }];
  if (isList(value)) {
    const items = Array.isArray(value.items) ? value.items : [];
    if (items.length === 0) return [{ emptyList: line }];
    const inherited = listItemKind(value) ?? hint;
    return items.map((item, index) => {
      const itemLine = itemLines[index] ?? line;
      const itemPlace = `${place ?? ''}items[${index}]`;
      if (!isMapping(item)) {
        throw new InputError(`expected an object, got ${describeValue(item)}`, {
          from: { file, line: itemLine },
          object: itemPlace,
        });
      }
      return { candidate: { fields: item, line: itemLine, place: itemPlace, inherited } };
    });
  }
  const describesItself = 'apiVersion' in value && 'kind' in value;
  if (describesItself || ('metadata' in value && (!inArray || hint !== undefined))) {
    return [{ candidate: { fields: value, line, place, inherited: hint } }];
  }
  return [{ notObject: { line, what: `a mapping with keys ${keyList(value)}` } }];
}

const LIST_KEYS = new Set(['apiVersion', 'kind', 'metadata', 'items']);

/**
 * `kind: List` and `kind: PodList` are Lists when they carry `items`. A kindless mapping is one when
 * it has nothing but List fields and a ListMeta (metadata without a name), as support bundles
 * write; a bare `{items: [...]}` is more likely some tool's settings than a List.
 */
function isList(value: Record<string, unknown>): boolean {
  if (!('items' in value) || !(Array.isArray(value.items) || value.items === null)) return false;
  if (typeof value.kind === 'string') return value.kind.endsWith('List');
  if (value.kind !== undefined) return false;
  const onlyListKeys = Object.keys(value).every((key) => LIST_KEYS.has(key));
  return onlyListKeys && isMapping(value.metadata) && !('name' in value.metadata);
}

/** `PodList` (apiVersion v1) holds `Pod`s of apiVersion v1; a plain `List` says nothing. */
function listItemKind(list: Record<string, unknown>): KindHint | undefined {
  const kind = typeof list.kind === 'string' ? list.kind.slice(0, -'List'.length) : '';
  if (!kind) return undefined;
  return typeof list.apiVersion === 'string' ? { kind, apiVersion: list.apiVersion } : { kind };
}

function keyList(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  const shown = keys.slice(0, 4).join(', ');
  return keys.length > 4 ? `${shown}, …` : shown || '(none)';
}
