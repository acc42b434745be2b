import type { KubeObject } from '../../src/core/model.ts';
import { etcdKey } from './apiserver-store.ts';

/**
 * Continue tokens as kube-apiserver makes them: base64 of `{"v","rv","start"}`, where `start` is
 * the last key returned plus NUL, so the next page starts strictly after it. Clients must treat
 * them as opaque; tierbook only ever echoes them back.
 */
export interface ContinueKey {
  rv: number;
  start: string;
}

export function encodeContinue(key: ContinueKey): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: key.rv, start: key.start })).toString(
    'base64',
  );
}

export function decodeContinue(token: string): ContinueKey | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, rv, start } = parsed as Record<string, unknown>;
    if (v !== 'meta.k8s.io/v1' || typeof rv !== 'number' || typeof start !== 'string') return undefined;
    return { rv, start };
  } catch {
    return undefined;
  }
}

export interface Page {
  items: KubeObject[];
  /** Set when more items follow. */
  next?: ContinueKey;
  remainingItemCount?: number;
}

/** One page of `objects` (already in key order) from `start`, at most `limit` long (0 = all). */
export function pageOf(objects: readonly KubeObject[], limit: number, rv: number, start = ''): Page {
  const from = objects.findIndex((object) => etcdKey(object) >= start);
  const rest = from < 0 ? [] : objects.slice(from);
  if (limit <= 0 || rest.length <= limit) return { items: rest };
  const items = rest.slice(0, limit);
  const last = items[items.length - 1] as KubeObject;
  return { items, next: { rv, start: `${etcdKey(last)}\u0000` }, remainingItemCount: rest.length - limit };
}
