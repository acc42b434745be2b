import type { Labels } from '../build/types.ts';

/** What the monitoring area's objects share (monitoring.ts, monitoring-grafana.ts). */
export const NS = 'monitoring';
export const CREATED = '2025-03-05T20:03:37Z';
export const labelsOf = (name: string): Labels => ({
  'app.kubernetes.io/instance': name,
  'app.kubernetes.io/name': name,
});
