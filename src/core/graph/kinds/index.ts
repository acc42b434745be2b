import { configMap } from './config-map.ts';
import type { KindExtractor } from './extractor.ts';
import { ingress } from './ingress.ts';
import { node } from './node.ts';
import { OPERATOR_CLAIM_EXTRACTORS } from './operators/index.ts';
import { persistentVolume } from './persistent-volume.ts';
import { persistentVolumeClaim } from './persistent-volume-claim.ts';
import { pod } from './pod.ts';
import { service } from './service.ts';
import { volumeSnapshot, volumeSnapshotClass, volumeSnapshotContent } from './snapshots.ts';
import { storageClass } from './storage-class.ts';
import { ingressRoute } from './traefik.ts';
import { volumeAttachment } from './volume-attachment.ts';
import {
  cronJob,
  daemonSet,
  deployment,
  job,
  replicaSet,
  replicationController,
  statefulSet,
} from './workload-templates.ts';

/**
 * One row per Kubernetes kind. Adding a kind: one file and one line here; what the row `reads` is
 * listed live and kept offline (RESOURCE_TYPES is derived from it, graph/reads.ts).
 */
export const KIND_EXTRACTORS: readonly KindExtractor[] = [
  node,
  pod,
  deployment,
  replicaSet,
  statefulSet,
  daemonSet,
  job,
  cronJob,
  replicationController,
  persistentVolumeClaim,
  persistentVolume,
  storageClass,
  volumeAttachment,
  volumeSnapshot,
  volumeSnapshotContent,
  volumeSnapshotClass,
  service,
  configMap,
  ingress,
  ingressRoute,
  ...OPERATOR_CLAIM_EXTRACTORS,
];
