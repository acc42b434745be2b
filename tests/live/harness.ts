import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import type { SourceResult } from '../../src/core/model.ts';
import { type ApiTransport, type LiveReadOptions, readLive } from '../../src/core/sources/live/index.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { type ApiServer, type ApiServerOptions, startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';

/** A sleep that returns at once and remembers how long it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { waits, sleep };
}

export async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierbook-live-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function serve(
  t: { after(fn: () => Promise<void>): void },
  options: ApiServerOptions,
): Promise<ApiServer> {
  const server = await startApiServer(options);
  t.after(() => server.close());
  return server;
}

/** The real client-node transport for `server`, through a kubeconfig file. */
export async function transportFor(
  t: { after(fn: () => Promise<void>): void },
  server: ApiServer,
  token?: string,
): Promise<ApiTransport> {
  const dir = await tempDir(t);
  const kubeconfig = await writeKubeconfig(dir, [
    { name: 'local', server: server.url, ...(token ? { token } : {}) },
  ]);
  return (await createKubeTransport({ kubeconfig })).transport;
}

/**
 * Reads the server end to end the way the CLI will: a kubeconfig file, the real client-node
 * transport, then `readLive`. Backoff waits are recorded, not slept.
 */
export async function readServer(
  t: { after(fn: () => Promise<void>): void },
  server: ApiServer,
  options: Partial<LiveReadOptions> & { token?: string } = {},
): Promise<{ result: SourceResult; waits: number[] }> {
  const { token, ...readOptions } = options;
  const transport = await transportFor(t, server, token);
  const { sleep, waits } = recordingSleep();
  const result = await readLive(transport, { resourceTypes: RESOURCE_TYPES, sleep, ...readOptions });
  return { result, waits };
}

/** `v1 Pod kube-system/coredns-x` lines, for readable assertions. */
export function summary(result: SourceResult): string[] {
  return result.items.map(({ object }) => {
    const ns = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
    return `${object.apiVersion} ${object.kind} ${ns}${object.metadata.name}`;
  });
}
