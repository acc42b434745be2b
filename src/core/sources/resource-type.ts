/**
 * One kind as the API serves it: its group, kind and plural (the path segment the live source
 * lists). Every table that reads objects (kind extractors, storage backends, backup adapters)
 * declares the kinds it reads with these; graph/reads.ts derives what tierbook reads from them.
 */
export interface ResourceType {
  group: string;
  kind: string;
  plural: string;
}

/** What a table row reads. */
export interface Reads {
  readonly reads: readonly ResourceType[];
}

/** A kind of the core API group (`v1`). */
export const coreKind = (kind: string, plural: string): ResourceType => ({ group: '', kind, plural });

/** A kind of `group`. */
export const groupKind = (group: string, kind: string, plural: string): ResourceType => ({
  group,
  kind,
  plural,
});

/** Kinds that must never be read or written, whatever a file contains. */
export const NEVER_READ_KINDS: ReadonlySet<string> = new Set(['Secret']);

/**
 * What tierbook reads: every kind the rows of the tables declare, once each, in table order.
 * Throws on a Secret (tierbook never reads one) and on one kind declared with two plurals.
 */
export function resourceTypesOf(tables: readonly (readonly Reads[])[]): ResourceType[] {
  const found = new Map<string, ResourceType>();
  for (const table of tables)
    for (const row of table)
      for (const type of row.reads) {
        if (NEVER_READ_KINDS.has(type.kind)) throw new Error(`${type.kind} must never be read`);
        const key = `${type.group}/${type.kind}`;
        const seen = found.get(key);
        if (seen && seen.plural !== type.plural)
          throw new Error(`${key} is read as both ${seen.plural} and ${type.plural}`);
        if (!seen) found.set(key, { group: type.group, kind: type.kind, plural: type.plural });
      }
  return [...found.values()];
}
