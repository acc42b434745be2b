import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface KubeconfigContext {
  name: string;
  server: string;
  token?: string;
  /** PEM of the CA that signed the server certificate (HTTPS servers). */
  caPem?: string;
  namespace?: string;
}

/**
 * Writes a kubeconfig (JSON is valid YAML, so every client reads it) with one cluster and one
 * user per context. Plain-HTTP servers get `insecure-skip-tls-verify`, which client-node
 * requires before it will talk HTTP at all.
 */
export async function writeKubeconfig(
  dir: string,
  contexts: readonly KubeconfigContext[],
  currentContext = contexts[0]?.name ?? '',
): Promise<string> {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': currentContext,
    clusters: contexts.map((c) => ({
      name: `${c.name}-cluster`,
      cluster: {
        server: c.server,
        ...(c.caPem
          ? { 'certificate-authority-data': Buffer.from(c.caPem).toString('base64') }
          : { 'insecure-skip-tls-verify': true }),
      },
    })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: c.token ? { token: c.token } : {} })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: {
        cluster: `${c.name}-cluster`,
        user: `${c.name}-user`,
        ...(c.namespace ? { namespace: c.namespace } : {}),
      },
    })),
  };
  const file = path.join(dir, 'kubeconfig');
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return file;
}
