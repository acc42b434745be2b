import type { BuildContext } from '../context.ts';

/**
 * A storage backend adapter: after every kind's references are in, it adds what lies below
 * the PersistentVolume (pools, OSDs, disks, nodes, servers). One file per backend; the table
 * is in `index.ts`.
 */
export interface StorageBackend {
  name: string;
  extract(ctx: BuildContext): void;
}

/** Sets `attrs.backend` on a PV or StorageClass, so renderers need not re-derive it. */
export function markBackend(ctx: BuildContext, id: string, backend: string): void {
  ctx.setAttrs(id, { backend });
}
