/**
 * Times in the sample. The demo fixes "now" at 2026-11-24T06:00:00Z, so every timestamp is before
 * it and backup ages come out the same on every run.
 */

export const NOW = '2026-11-24T06:00:00Z';

/** When the cluster was installed: nodes, Rook, the storage classes. */
export const CLUSTER_INSTALLED = '2025-03-02T10:14:07Z';

/** The last rolling node reboot (kernel update): most pods started then. */
export const LAST_REBOOT = '2026-11-02T04:12:00Z';

/** `iso` shifted by whole seconds, as an API timestamp (no milliseconds). */
export function shift(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const minutes = (n: number): number => n * 60;
export const hours = (n: number): number => n * 3600;
export const days = (n: number): number => n * 86_400;
