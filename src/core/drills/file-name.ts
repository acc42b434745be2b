import { safeSegment } from '../file-names.ts';
import type { DrillRecord } from './model.ts';
import { WORKLOAD_TARGET } from './parse.ts';

/** The folder of content/ drills are kept in: never replaced or removed by regeneration. */
export const DRILLS_DIR = 'drills';

/** `drills/2026-11-24-cnpg-restore-databases.cluster.pg-main.json`: the day it finished, runbook, target. */
export function drillFile(drill: DrillRecord): string {
  const [, namespace = '', kind = '', name = ''] = WORKLOAD_TARGET.exec(drill.target) ?? [];
  const target = [namespace, kind.toLowerCase(), name].map(safeSegment).join('.');
  return `${DRILLS_DIR}/${drill.finishedAt.slice(0, 10)}-${safeSegment(drill.runbook)}-${target}.json`;
}
