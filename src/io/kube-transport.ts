/**
 * The real ApiTransport: GETs against the cluster of a kubeconfig context, with that context's
 * TLS and credentials applied by @kubernetes/client-node (tokens, client certificates, exec and
 * auth-provider plugins, CA bundles, proxies). The live source above it stays network-free.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterReadError } from '../core/errors.ts';
import { formatBytes } from '../core/sizes.ts';
import {
  type ApiResponse,
  type ApiTransport,
  NetworkFailure,
  ResponseTooLarge,
} from '../core/sources/live/transport.ts';
import { redactUrl } from '../core/url-credentials.ts';
import { loadKubeConfigClass } from './client-node-config.ts';
import { http, https, keepAliveAgents, type RequestAgent } from './keep-alive-agents.ts';

export interface KubeTransportOptions {
  /** `--kubeconfig FILE`; else KUBECONFIG, ~/.kube/config, or the in-cluster service account. */
  kubeconfig?: string;
  /** `--context NAME`; else the kubeconfig's current context. */
  context?: string;
  /** Per request, connect to last byte (`--request-timeout`; default 60 s). */
  timeoutMs?: number;
  /** The most bytes one response body may have (`--max-bytes`; default 256 MiB). */
  maxBytes?: number;
}

export interface KubeTransport {
  transport: ApiTransport;
  /** Which context and server, for messages and the inventory index; never a credential. */
  describe: string;
  /** The kubeconfig context used: the default name of the inventory. */
  context: string;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** Certificate problems will not fix themselves on a retry: they stop the run (exit 3). */
const TLS_FAILURE_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export async function createKubeTransport(options: KubeTransportOptions = {}): Promise<KubeTransport> {
  // Loaded lazily, and only its KubeConfig: offline sources never need it.
  const KubeConfig = await loadKubeConfigClass();
  const config = new KubeConfig();
  loadConfig(config, options.kubeconfig);
  const context = selectContext(config, options.context);
  const cluster = config.getCurrentCluster();
  if (!cluster)
    throw new ClusterReadError(`context "${context}" names a cluster that is not in the kubeconfig`);
  const server = parseServer(cluster.server, context);
  const limits: Limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const where = `context "${context}" (server ${server.display})`;
  const agents = keepAliveAgents();
  return {
    transport: {
      get: (path, opts) => get(config, agents, server.base, path, limits, where, opts?.signal),
    },
    describe: where,
    context,
  };
}

function loadConfig(config: KubeConfig, file: string | undefined): void {
  try {
    if (file !== undefined) config.loadFromFile(file);
    else config.loadFromDefault();
  } catch (error) {
    const source = file ?? process.env.KUBECONFIG ?? '~/.kube/config';
    throw new ClusterReadError(`cannot load the kubeconfig ${source}: ${messageOf(error)}`);
  }
  // client-node falls back to an unauthenticated http://localhost:8080 when it finds nothing.
  const cluster = config.getCurrentCluster();
  if (
    file === undefined &&
    config.getCurrentContext() === 'loaded-context' &&
    cluster?.server === 'http://localhost:8080'
  ) {
    throw new ClusterReadError(
      'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account',
    );
  }
}

function selectContext(config: KubeConfig, wanted: string | undefined): string {
  const names = config.getContexts().map((c) => c.name);
  const known = names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none';
  if (wanted !== undefined) {
    if (!config.getContextObject(wanted)) {
      throw new ClusterReadError(`context "${wanted}" is not in the kubeconfig (contexts: ${known})`);
    }
    config.setCurrentContext(wanted);
    return wanted;
  }
  const current = config.getCurrentContext();
  if (!current || !config.getContextObject(current)) {
    throw new ClusterReadError(
      `the kubeconfig has no usable current context; pass --context NAME (contexts: ${known})`,
    );
  }
  return current;
}

/**
 * `base` keeps a path prefix (Rancher's `/k8s/clusters/<id>`); `display` drops any userinfo and
 * credential-like parameter (docs/security.md).
 */
function parseServer(server: string, context: string): { base: string; display: string } {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ClusterReadError(
      `context "${context}": the cluster server "${redactUrl(server)}" is not a URL`,
    );
  }
  url.username = '';
  url.password = '';
  const display = redactUrl(url.toString()).replace(/\/+$/, '');
  return { base: server.replace(/\/+$/, ''), display };
}

interface Limits {
  timeoutMs: number;
  maxBytes: number;
}

async function get(
  config: KubeConfig,
  keepAlive: (agent: RequestAgent) => RequestAgent,
  base: string,
  path: string,
  { timeoutMs, maxBytes }: Limits,
  where: string,
  deadline: AbortSignal | undefined,
) {
  const options: RequestOptions = {};
  try {
    // Per request, not once: exec plugins and token files hand out credentials that expire.
    await config.applyToHTTPSOptions(options);
    options.agent = keepAlive(options.agent);
  } catch (error) {
    throw new ClusterReadError(`cannot apply the credentials of ${where}: ${messageOf(error)}`);
  }
  // Concatenate rather than `new URL(path, base)`, which would drop a server path prefix.
  const url = `${base}${path}`;
  const client = url.startsWith('https:') ? https : http;
  const headers = { ...options.headers, Accept: 'application/json', 'User-Agent': 'tierbook' };
  // The timeout covers connect to last byte, so a server that drips its body is cut off too.
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
  return new Promise<ApiResponse>((resolve, reject) => {
    const fail = (error: Error) =>
      reject(deadline?.aborted ? deadline.reason : failureOf(error, timeoutMs, where));
    const request = client.request(url, { ...options, method: 'GET', headers, signal }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const tooLarge = () => {
        // Counted while streaming: nothing past the limit is ever held in memory.
        reject(
          new ResponseTooLarge(
            `the response is larger than ${formatBytes(maxBytes)}, the limit (raise it with --max-bytes)`,
          ),
        );
        request.destroy();
      };
      if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return tooLarge();
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        // The bytes go before the parse: a page is never held as bytes, text and objects at once.
        chunks.length = 0;
        resolve({ status: response.statusCode ?? 0, headers: headersOf(response), body: bodyOf(text) });
      });
    });
    request.on('error', fail);
    request.end();
  });
}

function headersOf(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** JSON when it parses (error pages from proxies are often HTML): the live source narrows it. */
function bodyOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function failureOf(error: Error, timeoutMs: number, where: string): Error {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    return new NetworkFailure(`no answer from ${where} within ${timeoutMs} ms`, 'ETIMEDOUT', {
      cause: error,
    });
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && TLS_FAILURE_CODES.has(code)) {
    return new ClusterReadError(`TLS verification of ${where} failed: ${code}: ${error.message}`);
  }
  return new NetworkFailure(error.message, typeof code === 'string' ? code : 'EUNKNOWN', { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
