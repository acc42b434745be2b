/**
 * Builds the shared Analysis for check tests from real offline inputs, the way analyze() does:
 * real tiers and real backup coverage.
 */

import { backupCoverage } from '../../src/core/analysis/backups/index.ts';
import { workloadDependencies } from '../../src/core/analysis/dependencies.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { classifyTiers } from '../../src/core/analysis/tiers/index.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { DEFAULT_CONFIG, type TierbookConfig } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import type { SourceItem } from '../../src/core/model.ts';
import { keepKnownKinds } from '../../src/core/sources/known-kinds.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

export const SAMPLE_NOW = '2026-11-24T06:00:00Z';

export function analysisOf(
  items: SourceItem[],
  now = SAMPLE_NOW,
  config: TierbookConfig = DEFAULT_CONFIG,
): Analysis {
  const index = new GraphIndex(buildGraph(items));
  const workloads = findWorkloads(index);
  const dependencies = workloadDependencies(index, workloads);
  return {
    index,
    workloads,
    workloadById: new Map(workloads.map((w) => [w.id, w])),
    dependencies,
    tiers: classifyTiers(index, workloads, dependencies, config),
    protections: backupCoverage(index, workloads, config),
    config,
    now,
  };
}

export async function analysisOfPaths(paths: string[], now = SAMPLE_NOW): Promise<Analysis> {
  return analysisOf(keepKnownKinds(await readOffline(paths)).items, now);
}

export function analysisOfText(text: string, file: string, now = SAMPLE_NOW): Analysis {
  const parsed = parseDocuments(text, file);
  return analysisOf(
    keepKnownKinds({ items: parsed.items, skipped: parsed.skipped, unreadable: [] }).items,
    now,
  );
}
