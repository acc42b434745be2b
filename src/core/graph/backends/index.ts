import type { StorageBackend } from './backend.ts';
import { ceph } from './ceph.ts';
import { genericCsi } from './csi.ts';
import { local } from './local.ts';
import { longhorn } from './longhorn.ts';
import { nfs } from './nfs.ts';

/** Storage backends, in order; generic CSI last, for whatever the others did not claim. */
export const STORAGE_BACKENDS: readonly StorageBackend[] = [ceph, local, longhorn, nfs, genericCsi];
