import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { discover, type ServedResource } from '../../src/core/sources/live/discovery.ts';
import { DEFAULT_RETRY, getWithRetry } from '../../src/core/sources/live/retry.ts';
import { RESOURCE_TYPES } from '../../src/core/sources/resources.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { type ApiServer, startApiServer } from '../../tests/support/apiserver.ts';
import { writeKubeconfig } from '../../tests/support/apiserver-kubeconfig.ts';
import { makeServerCertificate } from '../../tests/support/apiserver-tls.ts';
import { syntheticCluster } from '../synthetic/index.ts';

export interface ServedCluster {
  server: ApiServer;
  kubeconfig: string;
  /** The PEM of the server's self-signed certificate (NODE_EXTRA_CA_CERTS), when it serves HTTPS. */
  caFile: string | undefined;
  /** Sent as a bearer token (HTTPS only: kubectl sends none over plain HTTP). */
  token: string | undefined;
  /** The kinds tierbook reads that this server serves, found by tierbook's own discovery. */
  served: ServedResource[];
  objects: number;
  pods: number;
}

const TOKEN = 'tierbook-bench-token';

/**
 * The synthetic cluster served by the tests' local API server (tests/support/apiserver.ts) on
 * 127.0.0.1, over HTTPS with a bearer token when openssl can make a certificate (plain HTTP
 * otherwise, and said so), with a kubeconfig for it in `dir`.
 */
export async function serveSyntheticCluster(dir: string, workloads: number): Promise<ServedCluster> {
  const objects = syntheticCluster({ workloads, podsPerWorkload: 2 }).map((item) => item.object);
  const tls = makeServerCertificate();
  const server = await startApiServer({ objects, ...(tls ? { tls, token: TOKEN } : {}) });
  let caFile: string | undefined;
  if (tls) {
    caFile = join(dir, 'ca.pem');
    await writeFile(caFile, tls.cert);
  }
  const kubeconfig = await writeKubeconfig(dir, [
    { name: 'bench', server: server.url, ...(tls ? { token: TOKEN, caPem: tls.cert } : {}) },
  ]);
  const { transport } = await createKubeTransport({ kubeconfig });
  const discovery = await discover((path) => getWithRetry(transport, path, DEFAULT_RETRY), RESOURCE_TYPES, 4);
  if (discovery.unreadable.length > 0) throw new Error('the bench server answered discovery with errors');
  server.requests.length = 0;
  return {
    server,
    kubeconfig,
    caFile,
    token: tls ? TOKEN : undefined,
    served: discovery.served,
    objects: objects.length,
    pods: objects.filter((o) => o.kind === 'Pod').length,
  };
}

/** `/api/v1/pods`, `/apis/apps/v1/deployments`: the cluster-wide list path of a served kind. */
export function listPathOf(resource: ServedResource): string {
  const gv =
    resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`;
  return `${gv}/${resource.plural}`;
}

/** kubectl's name for a kind: `pods`, `deployments.apps`, `cephclusters.ceph.rook.io`. */
export function kubectlNameOf(resource: ServedResource): string {
  return resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;
}
