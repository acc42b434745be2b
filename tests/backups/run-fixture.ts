/**
 * Shared by the backup tests: inputs → graph → what the backup adapters recorded and what
 * `backupCoverage` makes of it, as plain JSON.
 */
import { backupAgeSeconds, backupCoverage } from '../../src/core/analysis/backups/index.ts';
import type { Protection } from '../../src/core/analysis/backups/model.ts';
import { findWorkloads } from '../../src/core/analysis/workloads.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';
import type { TierbookConfig } from '../../src/core/config/model.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import { loadCluster } from '../../src/core/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

/** API groups of the backup systems: their dangling references belong in a backup report. */
const BACKUP_GROUPS = [
  'velero.io',
  'postgresql.cnpg.io',
  'barmancloud.cnpg.io',
  'volsync.backube',
  'k8up.io',
  'pxc.percona.com',
  'psmdb.percona.com',
  'pgv2.percona.com',
  'longhorn.io',
  'snapshot.storage.k8s.io',
];

export interface BackupReport {
  policies: { id: string; protection: unknown; protects: string[]; storesTo: string[] }[];
  coverage: Record<string, (Protection & { ageSeconds: number | null })[]>;
  dangling: Graph['dangling'];
}

export async function backupReport(
  paths: string[],
  now: string,
  backupTargets: TierbookConfig['backupTargets'] = [],
): Promise<{ report: BackupReport; graph: Graph }> {
  const source = await readOffline(paths);
  const { graph } = await loadCluster(source);
  const index = new GraphIndex(graph);
  const config: TierbookConfig = { ...DEFAULT_CONFIG, backupTargets };
  const coverage = backupCoverage(index, findWorkloads(index), config);
  const policies = graph.nodes
    .filter((n) => n.attrs.protection !== undefined)
    .map((n) => ({
      id: n.id,
      protection: n.attrs.protection,
      protects: index.out(n.id, 'protects').map((e) => `${e.to} (${e.field}: ${e.why})`),
      storesTo: index.out(n.id, 'stores-to').map((e) => `${e.to} (${e.field}: ${e.why})`),
    }));
  const report: BackupReport = {
    policies,
    coverage: Object.fromEntries(
      [...coverage].map(([w, ps]) => [w, ps.map((p) => ({ ...p, ageSeconds: backupAgeSeconds(p, now) }))]),
    ),
    dangling: graph.dangling.filter((d) => BACKUP_GROUPS.some((g) => d.object.startsWith(`${g}/`))),
  };
  return { report, graph };
}
