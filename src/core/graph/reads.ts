import { coreKind, type Reads } from '../sources/resource-type.ts';
import { STORAGE_BACKENDS } from './backends/index.ts';
import { BACKUP_ADAPTERS } from './backups/index.ts';
import { KIND_EXTRACTORS } from './kinds/index.ts';
import { RESTORE_ADAPTERS } from './restores/index.ts';

/**
 * Kinds the graph reads without an extractor of their own: a Namespace's labels set a tier
 * (analysis/tiers/facts.ts) and backup scopes select namespaces (backups/policy.ts).
 */
const GRAPH_READS: Reads = { reads: [coreKind('Namespace', 'namespaces')] };

/**
 * Every table whose rows declare what they read. `RESOURCE_TYPES` (sources/resources.ts) is
 * derived from these, so a new row is listed live and kept offline with no other change.
 */
export const READ_TABLES: readonly (readonly Reads[])[] = [
  [GRAPH_READS],
  KIND_EXTRACTORS,
  STORAGE_BACKENDS,
  BACKUP_ADAPTERS,
  RESTORE_ADAPTERS,
];
