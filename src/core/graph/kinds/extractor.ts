import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';

/** Reads one kind's references into the graph. One file per kind; the table is in `index.ts`. */
export interface KindExtractor {
  /** API group(s): a kind that moved groups (Traefik) lists both. */
  group: string | readonly string[];
  kind: string;
  extract(ctx: BuildContext, reader: FieldReader): void;
}
