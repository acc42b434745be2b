import { time } from '../backups/runs.ts';

/** Whole seconds from `start` to `end`; null when either is absent, unreadable, or end is before start. */
export function secondsBetween(start: string | null, end: string | null): number | null {
  const from = time(start);
  const to = time(end);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  return Math.round((to - from) / 1000);
}

const GO_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * A Go `time.Duration` as Kubernetes' `metav1.Duration` prints it ("1m30.5s", "2h0m0s", "850ms"),
 * in whole seconds (rounded); null when it is not one.
 */
export function goDurationSeconds(text: string | undefined): number | null {
  if (!text || !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    total += Number(amount) * (GO_UNITS[unit as string] ?? 0);
  return Math.round(total);
}

/** The `lastTransitionTime` of the condition of `type` whose status is `status`; undefined when there is none. */
export function conditionTime(
  reader: { indexes(path: string): number[]; string(path: string): string | undefined },
  type: string,
  status: string,
): string | undefined {
  const at = reader
    .indexes('status.conditions')
    .find(
      (i) =>
        reader.string(`status.conditions[${i}].type`) === type &&
        reader.string(`status.conditions[${i}].status`) === status,
    );
  return at === undefined ? undefined : reader.string(`status.conditions[${at}].lastTransitionTime`);
}
