export { backupAgeSeconds, backupCoverage } from './coverage.ts';
export type {
  BackupDestination,
  BackupState,
  BackupSystem,
  Protection,
  ProtectionMap,
} from './model.ts';
