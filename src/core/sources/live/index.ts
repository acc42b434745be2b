export type { ServedResource } from './discovery.ts';
export { describePending, kindName, type LiveProgress } from './progress.ts';
export { type LiveReadOptions, readLive } from './read-live.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
export { isSecretPath, SecretPathRefused } from './secret-guard.ts';
export { type ApiResponse, type ApiTransport, NetworkFailure, ResponseTooLarge } from './transport.ts';
