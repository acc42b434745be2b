import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSource } from '../../src/io/read-source.ts';
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
  /** The kinds tierbook reads that this server serves: what tierbook's own read listed. */
  served: ServedKind[];
  objects: number;
  pods: number;
}

/** One kind as listed: `/apis/apps/v1/deployments`, and kubectl's name for it, `deployments.apps`. */
export interface ServedKind {
  listPath: string;
  kubectlName: string;
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
  // tierbook reads once, in this process: the list requests it makes are the kinds to measure.
  const { result } = await readSource({ from: [], kubeconfig });
  if (result.unreadable.length > 0) throw new Error('the bench server left kinds unread');
  const listPaths = new Set(server.requests.filter((r) => r.verb === 'list').map((r) => r.path));
  const served = [...listPaths].map((path) => ({ listPath: path, kubectlName: kubectlNameOf(path) }));
  server.requests.length = 0;
  return {
    server,
    kubeconfig,
    caFile,
    token: tls ? TOKEN : undefined,
    served,
    objects: objects.length,
    pods: objects.filter((o) => o.kind === 'Pod').length,
  };
}

/** kubectl's name for a list path: `pods` (`/api/v1/pods`), `deployments.apps`. */
function kubectlNameOf(listPath: string): string {
  const segments = listPath.split('/').filter(Boolean);
  const plural = segments[segments.length - 1] ?? listPath;
  return segments[0] === 'apis' ? `${plural}.${segments[1]}` : plural;
}
