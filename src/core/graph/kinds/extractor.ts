import type { FieldReader } from '../../fields.ts';
import type { ResourceType } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';

/** Reads one kind's references into the graph. One file per kind; the table is in `index.ts`. */
export interface KindExtractor {
  /** API group(s): a kind that moved groups (Traefik) lists both. */
  group: string | readonly string[];
  kind: string;
  /**
   * The kinds it reads, each listed by the live source and kept by the offline one: its own
   * kind, and any it looks up (Traefik Middlewares for an Ingress).
   */
  reads: readonly ResourceType[];
  extract(ctx: BuildContext, reader: FieldReader): void;
}
