/**
 * Builds the whole sample cluster, area by area, and renders it as the YAML files of
 * `src/sample/cluster/`. Pure and deterministic: the same code yields the same bytes.
 */

import { apps } from './areas/apps.ts';
import { auth } from './areas/auth.ts';
import { databases } from './areas/databases.ts';
import { media } from './areas/media.ts';
import { minio } from './areas/minio.ts';
import { monitoring } from './areas/monitoring.ts';
import { nodes } from './areas/nodes.ts';
import { rookCeph } from './areas/rook-ceph.ts';
import { attachments, storage } from './areas/storage.ts';
import { velero } from './areas/velero.ts';
import { web } from './areas/web.ts';
import { renderFiles } from './build/render.ts';
import { Sample } from './build/sample.ts';
import type { AreaFile, KubeObject } from './build/types.ts';

export function buildSampleCluster(): Map<AreaFile, KubeObject[]> {
  const sample = new Sample();
  const nodeObjects = nodes(sample);
  storage(sample);
  rookCeph(sample);
  databases(sample);
  auth(sample);
  apps(sample);
  web(sample);
  monitoring(sample);
  velero(sample);
  minio(sample);
  media(sample);
  // Last: attachments depend on every pod placed above.
  attachments(sample, nodeObjects);
  return sample.objects;
}

export function renderSampleCluster(): Map<string, string> {
  return renderFiles(buildSampleCluster());
}
