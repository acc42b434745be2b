/**
 * tierbook as a library: the package's one public entry (`import … from 'tierbook'`).
 * The path a command takes, in order: read a cluster (live or offline: `readSource`), load it
 * (`loadCluster`: the kinds tierbook reads, the graph), analyse it (tiers, backups,
 * dependencies), then ask it: blast radius, risk checks, runbooks, or the inventory's pages.
 * The core's front door (src/core/index.ts) wires those steps as the CLI does; the synchronous
 * functions below it stay exported. Everything else in the package is internal and may change.
 */
export { analyze } from './core/analysis/analyze.ts';
export {
  blastJson,
  blastRadius,
  failureDomains,
  resolveTarget,
} from './core/analysis/blast/index.ts';
export { findingsJson, runChecks } from './core/analysis/checks/index.ts';
export type { Analysis } from './core/analysis/model.ts';
export { DEFAULT_CONFIG, parseConfigText, type TierbookConfig } from './core/config/index.ts';
export {
  ClusterReadError,
  InputError,
  MissingToolError,
  OutputError,
  UsageError,
} from './core/errors.ts';
export { buildGraph } from './core/graph/build.ts';
export type { Graph } from './core/graph/model.ts';
export {
  type AnalyseOptions,
  analyseCluster,
  applicableRunbooks,
  bindRunbook,
  blast,
  buildInventory,
  check,
  type InventoryOptions,
  type LoadedCluster,
  loadCluster,
} from './core/index.ts';
export { renderContent } from './core/render/content.ts';
export { readConfig } from './io/read-config.ts';
export { type ReadSource, readSource, type SourceOptions } from './io/read-source.ts';
