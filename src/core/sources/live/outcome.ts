import { ClusterReadError } from '../../errors.ts';
import { statusMessageOf } from './api-shapes.ts';
import { describeFetched, type Fetched } from './retry.ts';

/** What one (retried) GET amounted to, in the terms the live source acts on. */
export type Outcome = 'ok' | 'unauthorized' | 'forbidden' | 'expired' | 'error';

const OUTCOME_BY_STATUS: ReadonlyMap<number, Outcome> = new Map([
  [401, 'unauthorized'],
  [403, 'forbidden'],
  // 410 Gone on a list means the continue token outlived etcd's compaction window.
  [410, 'expired'],
]);

export function outcomeOf(fetched: Fetched): Outcome {
  if ('failure' in fetched) return 'error';
  const { status } = fetched.response;
  if (status >= 200 && status < 300) return 'ok';
  return OUTCOME_BY_STATUS.get(status) ?? 'error';
}

/** `GET /api/v1/pods: HTTP 403: pods is forbidden: User "x" cannot list…` */
export function describeOutcome(path: string, fetched: Fetched): string {
  const message = 'response' in fetched ? statusMessageOf(fetched.response.body) : undefined;
  return describeFetched(path, fetched, message);
}

/**
 * 401 means the credentials themselves are bad (expired token, wrong cluster): nothing else
 * will read either, so the whole run stops with exit 3 instead of reporting every kind missing.
 */
export function unauthorizedError(path: string, fetched: Fetched): ClusterReadError {
  return new ClusterReadError(
    `the Kubernetes API rejected the credentials (401 Unauthorized): ${describeOutcome(path, fetched)}; ` +
      'check the kubeconfig user, or log in again',
  );
}
