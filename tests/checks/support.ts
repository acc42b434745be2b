/**
 * The shared Analysis for check tests, from real offline inputs: files through the front door
 * (tests/support/pipeline.ts), as the CLI reads them; parsed text and items (synchronous, for the
 * many rule tests) through the same kind filter, then analyze() directly.
 */

import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { DEFAULT_CONFIG, type TierbookConfig } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import type { SourceItem } from '../../src/core/model.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { analysisFrom } from '../support/pipeline.ts';

export const SAMPLE_NOW = '2026-11-24T06:00:00Z';

export function analysisOf(
  items: SourceItem[],
  now = SAMPLE_NOW,
  config: TierbookConfig = DEFAULT_CONFIG,
): Analysis {
  return analyze(buildGraph(items), { config, now });
}

export async function analysisOfPaths(paths: string[], now = SAMPLE_NOW): Promise<Analysis> {
  return analysisFrom(await readOffline(paths), { now });
}

export function analysisOfText(text: string, file: string, now = SAMPLE_NOW): Analysis {
  const parsed = parseDocuments(text, file);
  return analysisOf(
    keepKnownKinds({ items: parsed.items, skipped: parsed.skipped, unreadable: [] }).items,
    now,
  );
}
