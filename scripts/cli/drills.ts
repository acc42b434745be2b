import type { Analysis } from '../../src/core/analysis/model.ts';
import type { RecordedDrill } from '../../src/core/drills/model.ts';
import { readDrills } from '../../src/io/drills-dir.ts';

// Apart, so blast's help and options load no drill reader.
export { DRILLS_HELP, DRILLS_OPTION } from './drills-option.ts';

/** The drills of `--drills DIR`, else of the `--content DIR` answered from, else none. */
export async function drillsOf(
  values: { drills?: string | undefined; content?: string | undefined },
  cluster: string,
): Promise<{ records: RecordedDrill[]; cluster: string } | undefined> {
  const dir = values.drills ?? values.content;
  return dir === undefined ? undefined : { records: await readDrills(dir), cluster };
}

/** Drills not counted (another cluster's, a workload not read) are said, never dropped quietly. */
export function warnIgnoredDrills(analysis: Analysis): void {
  for (const ignored of analysis.ignoredDrills) process.stderr.write(`tierbook: warning: ${ignored}\n`);
}
