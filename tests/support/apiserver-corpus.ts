import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '../../src/core/model.ts';

/**
 * The objects of a real k3s cluster, read back from its API by replicatedhq/troubleshoot
 * (Apache-2.0, commit 24cf4628): /work/shared/corpus/replicatedhq__troubleshoot/testdata/
 * supportbundle/support-bundle.tar.gz!/support-bundle/cluster-resources. Live objects with uids,
 * resourceVersions, status and managedFields; local-path storage; Traefik IngressRoute CRs.
 */
export const K3S_BUNDLE_DIR = path.join(
  '/work/shared/corpus/replicatedhq__troubleshoot/testdata/supportbundle',
  'support-bundle.tar.gz.d/support-bundle/cluster-resources',
);

/** Files (or per-namespace folders) holding `kubectl get -o json` Lists of kinds tierbook reads. */
const LISTS = [
  'namespaces.json',
  'nodes.json',
  'pvs.json',
  'storage-classes.json',
  'pods',
  'pvcs',
  'services',
  'deployments',
  'replicasets',
  'statefulsets',
  'jobs',
  'cronjobs',
];

export function loadK3sBundle(dir = K3S_BUNDLE_DIR): KubeObject[] {
  const files = LISTS.flatMap((entry) =>
    entry.endsWith('.json')
      ? [path.join(dir, entry)]
      : readdirSync(path.join(dir, entry))
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => path.join(dir, entry, name)),
  );
  const listed = files.flatMap((file) => itemsOf(JSON.parse(readFileSync(file, 'utf8'))));
  const routes = parse(
    readFileSync(
      path.join(dir, 'custom-resources/ingressroutes.traefik.containo.us/kube-system.yaml'),
      'utf8',
    ),
  );
  return [...listed, ...itemsOf(routes)];
}

function itemsOf(document: unknown): KubeObject[] {
  const items = Array.isArray(document)
    ? document
    : typeof document === 'object' &&
        document !== null &&
        'items' in document &&
        Array.isArray(document.items)
      ? document.items
      : [];
  return items as KubeObject[];
}
