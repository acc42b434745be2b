import { coreKind, type Reads, type ResourceType, resourceTypesOf } from '../sources/resource-type.ts';
import { STORAGE_BACKENDS } from './backends/index.ts';
import { BACKUP_ADAPTERS } from './backups/index.ts';
import { KIND_EXTRACTORS } from './kinds/index.ts';
import { RESTORE_ADAPTERS } from './restores/index.ts';
import type { GraphTables } from './tables.ts';

/**
 * Kinds the graph reads without an extractor of their own: a Namespace's labels set a tier
 * (analysis/tiers/facts.ts) and backup scopes select namespaces (backups/policy.ts).
 */
const GRAPH_READS: Reads = { reads: [coreKind('Namespace', 'namespaces')] };

/** The registries: what `loadCluster` builds a graph from unless a test hands it other rows. */
export const GRAPH_TABLES: GraphTables = {
  kinds: KIND_EXTRACTORS,
  backends: STORAGE_BACKENDS,
  backups: BACKUP_ADAPTERS,
  restores: RESTORE_ADAPTERS,
};

/**
 * Every table whose rows declare what they read. `RESOURCE_TYPES` is derived from these, so a
 * new row is listed live and kept offline with no other change.
 */
export const READ_TABLES: readonly (readonly Reads[])[] = readTables(GRAPH_TABLES);

/** The tables of reads a set of graph tables declares, the graph's own first. */
export function readTables(tables: GraphTables): readonly (readonly Reads[])[] {
  return [[GRAPH_READS], tables.kinds, tables.backends, tables.backups, tables.restores];
}

/**
 * The kinds tierbook reads, by API group and plural: what the kind extractors, storage backends,
 * backup and restore adapters declare they read. The live source lists each one once,
 * cluster-wide, at whatever version discovery says the server serves (CRDs that are not
 * installed are simply absent); the offline source keeps only these. The sources are handed
 * this list (they sit below the graph and know no table); the CLI's read (io/read-source.ts)
 * passes it. Secrets are never in it (`resourceTypesOf` throws on one).
 */
export const RESOURCE_TYPES: readonly ResourceType[] = resourceTypesOf(READ_TABLES);
