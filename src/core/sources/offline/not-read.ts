import { formatProvenance, InputError } from '../../errors.ts';
import type { NotRead } from '../../model.ts';
import type { ResourceType } from '../resource-type.ts';

/**
 * `kind: Pod`, `- kind: "Pod"`, `{kind: Pod, …}` and JSON's `"kind": "Pod"`. Every occurrence
 * counts, nested ones too (an ownerReference's or an Event's `involvedObject.kind`): a file that
 * merely mentions a kind tierbook uses is treated as possibly holding it, the worst case.
 */
const KIND_LINE = /(?:^|[\s{,[-])["']?kind["']?\s*:\s*["']?([A-Za-z][A-Za-z0-9]*)/gm;

/**
 * The kinds a text names, for a file that does not parse: a documented heuristic over its
 * `kind:` lines. `PodList` names Pod; a bare `List` names nothing.
 */
export function kindsNamedIn(text: string): string[] {
  const kinds = new Set<string>();
  for (const match of text.matchAll(KIND_LINE)) {
    const kind = match[1] ?? '';
    if (kind === 'List') continue;
    kinds.add(kind.endsWith('List') && kind.length > 4 ? kind.slice(0, -4) : kind);
  }
  return [...kinds].sort();
}

/**
 * What becomes of a file that could not be read. It is needed (the inventory would be partial
 * without it) when its text names a kind tierbook uses, or names no kind at all (nothing says it
 * is harmless). `text` is undefined when the file could not even be decoded; `hintKind` is what
 * the file's place in a dump says it holds; `reads` are the kinds tierbook reads (RESOURCE_TYPES):
 * a kind name among them is enough to need the file, whatever its group.
 */
export function notReadFile(
  file: string,
  error: unknown,
  text: string | undefined,
  reads: readonly ResourceType[],
  hintKind?: string,
): NotRead {
  const kinds = new Set(text === undefined ? [] : kindsNamedIn(text));
  if (hintKind) kinds.add(hintKind);
  const sorted = [...kinds].sort();
  const needed = sorted.length === 0 || sorted.some((kind) => reads.some((type) => type.kind === kind));
  if (error instanceof InputError) {
    const where = formatProvenance(error.from) || file;
    const prefix = [error.object, error.field ? `field ${error.field}` : undefined].filter(Boolean);
    return { where, reason: [...prefix, error.message].join(': '), kinds: sorted, needed };
  }
  return {
    where: file,
    reason: error instanceof Error ? error.message : String(error),
    kinds: sorted,
    needed,
  };
}
