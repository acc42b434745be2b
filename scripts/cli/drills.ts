import type { Analysis } from '../../src/core/analysis/model.ts';
import type { RecordedDrill } from '../../src/core/drills/model.ts';
import { readDrills } from '../../src/io/drills-dir.ts';

/** `--drills DIR` of check and blast: an inventory folder whose drills/ count as restore evidence. */
export const DRILLS_OPTION = { drills: { type: 'string' } } as const;

export const DRILLS_HELP = `  --drills DIR     an inventory folder: its recorded drills (DIR/drills,
                   docs/drills.md) count as restore evidence (default: the
                   --content DIR, else none)`;

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
