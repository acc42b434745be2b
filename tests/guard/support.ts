import { join } from 'node:path';
import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Impact } from '../../src/core/analysis/blast/model.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { assessSteps } from '../../src/core/guard/assess.ts';
import { guardInventory } from '../../src/core/guard/inventory.ts';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { recognise } from '../../src/core/guard/recognise.ts';
import { readOffline } from '../../src/io/read-offline.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const NOW = '2026-11-24T06:00:00Z';

let sample: Promise<Analysis> | null = null;

/** The built-in sample cluster (src/sample/cluster), analysed once per test file. */
export function sampleAnalysis(): Promise<Analysis> {
  sample ??= readOffline([join(REPO, 'src/sample/cluster')]).then(({ items }) =>
    analyze(buildGraph(items), { config: DEFAULT_CONFIG, now: NOW }),
  );
  return sample;
}

/** The guard's answer for `text` on the sample, as the CLI computes it. */
export async function guardSample(
  text: string,
  node: string | null = null,
  gate: Impact | null = null,
): Promise<GuardAnswer> {
  const analysis = await sampleAnalysis();
  return assessSteps(text, recognise(text, node, guardInventory(analysis)), analysis, gate);
}
