import { compare } from '../../../graph/context.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import { type DeclaredPool, declaredPools, num } from '../ceph-pools.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { storageFacts } from '../storage-users.ts';
import { storageSeverity } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'failure-domain-too-narrow',
  defaultSeverity: 'high',
  summary:
    "a pool's copies can share one host (failureDomain osd), or there are fewer failure domains than copies",
  docs: 'docs/rules/failure-domain-too-narrow.md',
};

/**
 * CRUSH puts each copy (or erasure chunk) in a different bucket of the failure-domain type. With
 * `osd`, two copies may sit on one host; with fewer buckets than copies, some copies cannot be
 * placed at all and the pool runs degraded. Buckets come from the OSDs' `topology-location-*`
 * labels (host: the node the OSD runs on) among the OSDs the pool may use.
 */
export const failureDomainTooNarrow: Rule = {
  meta,
  check(analysis) {
    const facts = storageFacts(analysis);
    const found: Finding[] = [];
    for (const pool of declaredPools(analysis.index)) {
      const copies = copiesOf(pool);
      if (copies <= 1) continue; // one copy has nothing to spread: pool-low-redundancy says so
      const domain = String(pool.node.attrs.failureDomain ?? 'host');
      const buckets = bucketsOf(analysis.index, pool, domain);
      let problem: string;
      let fix: string;
      if (domain === 'osd') {
        const hosts = bucketsOf(analysis.index, pool, 'host');
        problem = `spreads its ${copies} copies over OSDs, not hosts: two or more can sit on one host${hosts.length > 0 ? ` (its OSDs are on ${hosts.length} host${hosts.length === 1 ? '' : 's'}: ${hosts.join(', ')})` : ''}, and losing that host loses them together (expected failureDomain host or wider)`;
        fix = `set ${pool.base}.failureDomain: host, with at least ${copies} hosts holding OSDs${pool.node.attrs.deviceClass ? ` of device class ${String(pool.node.attrs.deviceClass)}` : ''}; Ceph moves the copies apart (watch \`ceph -s\`)`;
      } else if (buckets.length > 0 && buckets.length < copies) {
        problem = `needs ${copies} ${domain}s for its ${copies} ${pool.node.attrs.type === 'erasure' ? 'chunks' : 'copies'}, but its OSDs${pool.node.attrs.deviceClass ? ` of device class ${String(pool.node.attrs.deviceClass)}` : ''} are in ${buckets.length} (${buckets.join(', ')}): the rest cannot be placed and the pool runs degraded`;
        fix = `add OSDs in ${copies - buckets.length} more ${domain}${copies - buckets.length === 1 ? '' : 's'}, or lower the copies only if the data can be rebuilt`;
      } else {
        continue;
      }
      const rated = storageSeverity(analysis, meta.defaultSeverity, facts.usersOf(pool.node.id));
      if (!rated.severity) continue;
      found.push(
        finding(meta, analysis.index, {
          severity: rated.severity,
          object: pool.object,
          field: `${pool.base}.failureDomain`,
          message: `${pool.label} ${problem}; it ${rated.who}`,
          fix,
        }),
      );
    }
    return found;
  },
};

function copiesOf(pool: DeclaredPool): number {
  const attrs = pool.node.attrs;
  if (attrs.type === 'erasure') return (num(attrs.dataChunks) ?? 0) + (num(attrs.codingChunks) ?? 0);
  return num(attrs.size) ?? 3;
}

function bucketsOf(index: GraphIndex, pool: DeclaredPool, domain: string): string[] {
  const buckets = new Set<string>();
  for (const edge of index.out(pool.node.id, 'placed-on')) {
    const osd = index.node(edge.to);
    if (!osd) continue;
    const location = (osd.attrs.location ?? {}) as Record<string, string>;
    const bucket = domain === 'host' ? (location.host ?? osd.attrs.node) : location[domain];
    if (typeof bucket === 'string') buckets.add(bucket);
  }
  return [...buckets].sort(compare);
}
