/**
 * tierbook as a library: the package's one public entry (`import … from 'tierbook'`).
 * The path a command takes, in order: read a cluster (live or offline), build its graph,
 * analyse it (tiers, backups, dependencies), then ask it: blast radius, risk checks, or the
 * inventory's pages. Everything else in the package is internal and may change.
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
export { assembleInventory } from './core/inventory/assemble.ts';
export { renderContent } from './core/render/content.ts';
export { readConfig } from './io/read-config.ts';
export { type ReadSource, readSource, type SourceOptions } from './io/read-source.ts';
