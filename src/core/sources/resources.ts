import { READ_TABLES } from '../graph/reads.ts';
import { type ResourceType, resourceTypesOf } from './resource-type.ts';

export { NEVER_READ_KINDS, type ResourceType } from './resource-type.ts';

/**
 * The kinds tierbook reads, by API group and plural: what the kind extractors, storage backends
 * and backup adapters declare they read (graph/reads.ts), so a new row of any of those tables
 * is read with no other change. The live source lists each one once, cluster-wide, at whatever
 * version discovery says the server serves; CRDs that are not installed are simply absent.
 * Secrets are never in it (`resourceTypesOf` throws on one): tierbook must not read them.
 */
export const RESOURCE_TYPES: readonly ResourceType[] = resourceTypesOf(READ_TABLES);
