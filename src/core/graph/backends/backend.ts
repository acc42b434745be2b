import type { ResourceType } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import type { Placement, VolumeView } from './placement.ts';

/**
 * A storage backend adapter: after every kind's references are in, it adds what lies below
 * the PersistentVolume (pools, OSDs, disks, nodes, servers), and it says where a volume it
 * claimed keeps its copies. One file per backend; the table is in `index.ts`.
 */
export interface StorageBackend {
  name: string;
  /** The kinds of its own API it reads (pools, volumes, replicas), listed live and kept offline. */
  reads: readonly ResourceType[];
  extract(ctx: BuildContext): void;
  /**
   * Where the copies of a volume this backend claimed (by `attrs.backend`) may sit, or null
   * when the volume is not its own. The table's last backend answers for every volume.
   */
  placement(volume: VolumeView): Placement | null;
  /**
   * Who keeps the snapshots of a volume of this backend (`attrs.backend`), in words, when they
   * live outside the cluster ("the cloud provider"); null or absent: on the volume's own storage.
   */
  snapshotsKeptBy?(backend: string): string | null;
}

/** Sets `attrs.backend` on a PV or StorageClass, so renderers need not re-derive it. */
export function markBackend(ctx: BuildContext, id: string, backend: string): void {
  ctx.setAttrs(id, { backend });
}
