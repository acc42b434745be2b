import { basename, resolve } from 'node:path';
import type { SourceResult } from '../core/model.ts';
import { keepKnownKinds } from '../core/sources/known-kinds.ts';
import { readLive } from '../core/sources/live/index.ts';
import { createKubeTransport } from './kube-transport.ts';
import { readOffline } from './read-offline.ts';

export interface SourceOptions {
  /** `--from PATH`, repeatable: offline. Empty: the live cluster. */
  from: string[];
  kubeconfig?: string;
  context?: string;
  /** `--cluster NAME`: the name the inventory is published under. */
  cluster?: string;
  /** `--partial`: skip and list offline files that cannot be read instead of failing. */
  partial?: boolean;
}

export interface ReadSource {
  result: SourceResult;
  cluster: string;
  /** Where it was read from, for the terminal (paths, context and server; never a credential). */
  describe: string;
}

export async function readSource(options: SourceOptions): Promise<ReadSource> {
  if (options.from.length > 0) {
    const result = keepKnownKinds(await readOffline(options.from, { partial: options.partial ?? false }));
    const first = options.from[0] ?? '.';
    return {
      result,
      cluster: options.cluster ?? basename(resolve(first)).replace(/\.(ya?ml|json)$/, ''),
      describe: options.from.join(', '),
    };
  }
  const { transport, describe, context } = await createKubeTransport({
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  const result = await readLive(transport);
  return { result, cluster: options.cluster ?? context, describe };
}
