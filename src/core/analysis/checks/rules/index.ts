import type { Rule } from '../model.ts';
import { backupFailing } from './backup-failing.ts';
import { backupInBlastRadius } from './backup-in-blast-radius.ts';
import { backupMissing } from './backup-missing.ts';
import { backupStale } from './backup-stale.ts';
import { cephUnhealthy } from './ceph-unhealthy.ts';
import { defaultStorageClassCritical } from './default-storageclass-critical.ts';
import { failureDomainTooNarrow } from './failure-domain-too-narrow.ts';
import { nodePinnedUnprotected } from './node-pinned-unprotected.ts';
import { poolLowRedundancy } from './pool-low-redundancy.ts';
import { reclaimDeleteCritical } from './reclaim-delete-critical.ts';
import { replicasShareFailureDomain } from './replicas-share-failure-domain.ts';
import { restoreFailed } from './restore-failed.ts';
import { restoreUntested } from './restore-untested.ts';
import { rtoExceeded } from './rto-exceeded.ts';
import { singleReplicaCritical } from './single-replica-critical.ts';
import { snapshotOnlyProtection } from './snapshot-only-protection.ts';
import { unclassifiedStateful } from './unclassified-stateful.ts';
import { volatileDeviceName } from './volatile-device-name.ts';

/** Every risk rule. Adding one: a file in this folder, a line here, and docs/rules/<id>.md. */
export const RULES: readonly Rule[] = [
  volatileDeviceName,
  poolLowRedundancy,
  failureDomainTooNarrow,
  backupMissing,
  backupStale,
  backupInBlastRadius,
  snapshotOnlyProtection,
  backupFailing,
  reclaimDeleteCritical,
  defaultStorageClassCritical,
  singleReplicaCritical,
  nodePinnedUnprotected,
  replicasShareFailureDomain,
  cephUnhealthy,
  unclassifiedStateful,
  restoreUntested,
  restoreFailed,
  rtoExceeded,
];
