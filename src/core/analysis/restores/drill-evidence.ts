import type { RecordedDrill } from '../../drills/model.ts';
import { WORKLOAD_TARGET } from '../../drills/parse.ts';
import { secondsBetween } from '../../graph/restores/durations.ts';
import type { Workload } from '../workloads.ts';
import type { RestoreEvidence } from './model.ts';

export interface DrillEvidence {
  evidence: RestoreEvidence[];
  /** Drills not counted, each with why: another cluster's, or a workload not in the inventory. */
  ignored: string[];
}

/**
 * Drills → restore evidence on the workload each targets: the duration from startedAt to
 * finishedAt, each step's from the step before (the first: from startedAt). A drill of another
 * cluster, or of a workload the inventory does not hold, is not counted and said so.
 */
export function drillEvidence(
  drills: readonly RecordedDrill[],
  workloads: readonly Workload[],
  cluster: string,
): DrillEvidence {
  const evidence: RestoreEvidence[] = [];
  const ignored: string[] = [];
  for (const { file, drill } of drills) {
    if (drill.cluster !== cluster) {
      ignored.push(`${file}: a drill of cluster ${drill.cluster}, not ${cluster}: not counted`);
      continue;
    }
    const workload = workloadOf(drill.target, workloads);
    if (!workload) {
      ignored.push(`${file}: ${drill.target} is not a workload of this inventory: not counted`);
      continue;
    }
    let previous = drill.startedAt;
    const steps = drill.steps.map((step) => {
      const seconds = secondsBetween(previous, step.checkedAt);
      previous = step.checkedAt;
      return { ...step, seconds };
    });
    evidence.push({
      id: `drill:${file}`,
      system: 'drill',
      workload,
      backup: drill.backup,
      policy: null,
      startedAt: drill.startedAt,
      finishedAt: drill.finishedAt,
      durationSeconds: secondsBetween(drill.startedAt, drill.finishedAt),
      measured: "the drill's startedAt to finishedAt, as people checked it",
      result: drill.result,
      detail: drill.result === 'succeeded' ? null : `the drill ended ${drill.result}`,
      why: `drill ${drill.incident} ran runbook ${drill.runbook} against ${drill.target}`,
      steps,
      runbook: drill.runbook,
      incident: drill.incident,
    });
  }
  return { evidence, ignored };
}

/** The workload id a `workload/<ns>/<Kind>/<name>` target names (Kind compared ignoring case). */
export function workloadOf(target: string, workloads: readonly Workload[]): string | null {
  const [, namespace, kind, name] = WORKLOAD_TARGET.exec(target) ?? [];
  const found = workloads.find(
    (w) =>
      w.node.namespace === namespace &&
      w.node.name === name &&
      w.node.kind.toLowerCase() === kind?.toLowerCase(),
  );
  return found?.id ?? null;
}
