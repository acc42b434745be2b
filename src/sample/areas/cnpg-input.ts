/** What the sample says about a CloudNativePG cluster, and the versions it runs. */
import type { AreaFile, Labels } from '../build/types.ts';

export const CNPG_VERSION = '1.24.1';
export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:16.4';

export interface StorageSpec {
  storageClass: string;
  size: string;
}

export interface CnpgInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  podsStarted: string;
  /** One node per instance; instance 1 is the primary. */
  nodes: string[];
  storage: StorageSpec;
  walStorage?: StorageSpec;
  /** `spec.backup`, when the cluster has one. */
  backup?: Record<string, unknown>;
  /** `status` fields about backups and archiving (lastSuccessfulBackup, conditions…). */
  backupStatus?: {
    lastSuccessfulBackup: string;
    firstRecoverabilityPoint: string;
    lastArchivedWalTime: string;
  };
  labels?: Labels;
  database: string;
}
