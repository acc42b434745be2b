import { backupAgeSeconds } from '../analysis/backups/coverage.ts';
import type { Protection } from '../analysis/backups/model.ts';
import type { BlastResult, Target, WorkloadImpact } from '../analysis/blast/model.ts';
import { workloadsUsingClaim } from '../analysis/claim-users.ts';
import type { Analysis } from '../analysis/model.ts';
import { workloadTitle } from '../analysis/tiers/facts.ts';
import { tierTargets } from '../analysis/tiers/targets.ts';
import { rootOf } from '../analysis/workloads.ts';
import { qualifiedName } from '../graph/ids.ts';
import { byIdPath, destinationText, diskOf, stringAttr } from './graph-facts.ts';
import type { GateStatus, RunbookGate, RunbookTargetType } from './model.ts';

/** What the gates of one bound runbook read. */
export interface GateContext {
  analysis: Analysis;
  target: Target | null;
  /** The target's blast radius, lost with its data (osd, device, node, pool targets). */
  blast: () => BlastResult | null;
  /** The backup system the runbook restores from (`appliesTo: backup/<system>`), or null. */
  backupSystem: string | null;
  /** What the read could not see; undefined when the caller cannot say. */
  unread: readonly string[] | undefined;
}

type Gate = (ctx: GateContext) => RunbookGate;

const gate = (id: string, status: GateStatus, message: string): RunbookGate => ({ id, status, message });

/** The read was complete: what was not seen cannot pass a gate. */
const readGate: Gate = ({ unread }) => {
  if (unread === undefined)
    return gate('read', 'unknown', 'whether the inventory read every kind tierbook uses is not known');
  if (unread.length > 0)
    return gate(
      'read',
      'unknown',
      `the read was partial: ${unread.join('; ')}; the gates below cannot see what it holds`,
    );
  return gate('read', 'pass', 'the inventory read every kind tierbook uses');
};

/**
 * Workloads that lose data if the target is lost with its data (tierbook blast TARGET); for a
 * runbook that only takes it down (`blast: down`), those that cannot serve while it is down.
 */
const dataLossGate: Gate = (ctx) => {
  const blast = ctx.blast();
  const id = blast?.outage ? 'unavailable' : 'data-loss';
  if (!blast) return gate(id, 'unknown', 'no blast radius for this target');
  const impact = blast.outage ? 'unavailable' : 'data-loss';
  const hit = blast.impacts.filter((i) => i.impact === impact);
  const what = blast.outage
    ? `cannot serve while ${blast.target} is down`
    : `lose data if ${blast.target} is lost with its data`;
  if (hit.length === 0)
    return gate(
      id,
      'pass',
      blast.outage
        ? `every workload keeps serving while ${blast.target} is down`
        : `no workload loses data if ${blast.target} is lost with its data`,
    );
  return gate(
    id,
    'fail',
    `${hit.length} workload(s) ${what}: ${hit.map((i) => `tier ${i.tier} ${workloadTitle(i.id)}`).join(', ')}`,
  );
};

/**
 * Each workload that loses data needs a backup that survives, kept outside the blast radius
 * (a copy on storage the same failure degrades is not independent of it), within its tier's RPO.
 */
const blastBackupGate: Gate = (ctx) => {
  const blast = ctx.blast();
  if (!blast) return gate('backups', 'unknown', 'no blast radius for this target');
  const lost = losing(blast);
  if (lost.length === 0)
    return gate('backups', 'pass', 'no workload loses data: no backup is needed to go on');
  const impacted = new Set(blast.impacts.map((i) => i.id));
  const lines: string[] = [];
  let status: GateStatus = 'pass';
  for (const impact of lost) {
    const protections = ctx.analysis.protections.get(impact.id) ?? [];
    const title = workloadTitle(impact.id);
    if (protections.length === 0) {
      status = 'fail';
      lines.push(`${title}: no backup`);
      continue;
    }
    const judged = protections.map((p, i) =>
      judge(ctx.analysis, p, impact.backups[i]?.survives ?? false, impacted),
    );
    const good = judged.filter((j) => j.status === 'pass');
    if (good.length === 0)
      status = judged.some((j) => j.status === 'unknown') && status !== 'fail' ? 'unknown' : 'fail';
    lines.push(`${title}: ${judged.map((j) => j.text).join('; ')}`);
  }
  const inside = status === 'pass' ? '' : ' Take a copy outside the blast radius before going on.';
  return gate('backups', status, `${lines.join('. ')}.${inside}`);
};

function judge(
  analysis: Analysis,
  p: Protection,
  survives: boolean,
  impacted: ReadonlySet<string>,
): { status: GateStatus; text: string } {
  const where = destinationText(p) ?? 'an unknown destination';
  const last = p.lastSuccess ? `last success ${p.lastSuccess}` : 'no success recorded';
  const head = `${p.method} (${p.system}) kept on ${where}, ${last}`;
  if (!survives) return { status: 'fail', text: `${head}: lost with the target` };
  const failed: string[] = [];
  if (p.destination.where === 'in-cluster') {
    const holders = holdersOf(analysis, p);
    const hit = holders.filter((h) => impacted.has(h));
    if (holders.length === 0)
      return { status: 'unknown', text: `${head}: in the cluster, on something tierbook cannot place` };
    if (hit.length > 0)
      failed.push(`inside the blast radius (${hit.map(workloadTitle).join(', ')} is hit too)`);
  }
  const stale = staleness(analysis, p);
  if (stale) failed.push(stale);
  if (failed.length > 0) return { status: 'fail', text: `${head}: ${failed.join(', ')}` };
  if (p.destination.where === 'unknown') return { status: 'unknown', text: `${head}: destination unknown` };
  if (!p.lastSuccess) return { status: 'unknown', text: head };
  return { status: 'pass', text: `${head}: outside the blast radius` };
}

/** Workloads that hold an in-cluster copy: behind a Service, mounting a PVC, or the workload itself. */
function holdersOf(analysis: Analysis, p: Protection): string[] {
  const node = p.destination.node;
  if (!node) return [];
  const { index } = analysis;
  const kind = index.node(node)?.kind;
  if (kind === 'Service') return [...new Set(index.out(node, 'selects').map((e) => rootOf(index, e.to)))];
  if (kind === 'PersistentVolumeClaim') return [...workloadsUsingClaim(analysis, node)];
  if (analysis.workloadById.has(node)) return [node];
  return [];
}

function staleness(analysis: Analysis, p: Protection): string | null {
  const age = backupAgeSeconds(p, analysis.now);
  const workload = [...analysis.protections.entries()].find(([, ps]) => ps.includes(p))?.[0];
  const tier = workload ? analysis.tiers.get(workload)?.tier : undefined;
  if (age === null || tier === undefined) return null;
  const { rpo, rpoSeconds } = tierTargets(analysis.config, tier);
  return rpoSeconds !== null && age > rpoSeconds ? `older than tier ${tier}'s RPO of ${rpo}` : null;
}

/** A wipe needs the by-id path; a kernel name can point at another disk after a reboot. */
const deviceIdGate: Gate = ({ analysis, target }) => {
  const node = target ? analysis.index.node(target.nodes[0] ?? '') : undefined;
  const disk = node?.kind === 'OSD' ? diskOf(analysis, node) : node;
  const path = stringAttr(disk, 'path') ?? stringAttr(node, 'blockPath');
  if (byIdPath(path)) return gate('device-id', 'pass', `the device is recorded by its by-id path ${path}`);
  return gate(
    'device-id',
    'unknown',
    `the device is recorded as ${path ?? 'nothing'}, not a /dev/disk/by-id/ path: resolve the by-id path on the node before any wipe`,
  );
};

/** A workload restore needs a backup of the runbook's system that succeeded within the tier's RPO. */
const workloadBackupGate: Gate = ({ analysis, target, backupSystem }) => {
  const id = target?.nodes[0] ?? '';
  const all = analysis.protections.get(id) ?? [];
  const ps = backupSystem ? all.filter((p) => p.system === backupSystem) : all;
  const title = workloadTitle(id);
  if (ps.length === 0)
    return gate(
      'backup',
      'fail',
      `the inventory shows no ${backupSystem ? `${backupSystem} ` : ''}backup of ${title}`,
    );
  const lines = ps.map((p) => {
    const where = destinationText(p) ?? 'an unknown destination';
    const stale = staleness(analysis, p);
    const status: GateStatus =
      p.state === 'failing' || p.state === 'never-run' || stale
        ? 'fail'
        : p.state === 'ok' && p.lastSuccess && p.destination.where !== 'unknown'
          ? 'pass'
          : 'unknown';
    const text = `${p.method} ${qualifiedName(p.id)} (${p.system}) kept on ${where}: ${p.state}${p.lastSuccess ? `, last success ${p.lastSuccess}` : ''}${stale ? `, ${stale}` : ''}`;
    return { status, text };
  });
  const status: GateStatus = lines.some((l) => l.status === 'pass')
    ? 'pass'
    : lines.some((l) => l.status === 'unknown')
      ? 'unknown'
      : 'fail';
  return gate('backup', status, lines.map((l) => l.text).join('; '));
};

function losing(blast: BlastResult): WorkloadImpact[] {
  return blast.impacts.filter((i) => i.impact === 'data-loss');
}

/** The gates of each target type, in the order they are shown. */
export const GATES: Readonly<Record<RunbookTargetType, readonly Gate[]>> = {
  osd: [readGate, dataLossGate, blastBackupGate, deviceIdGate],
  device: [readGate, dataLossGate, blastBackupGate, deviceIdGate],
  node: [readGate, dataLossGate, blastBackupGate],
  pool: [readGate, dataLossGate, blastBackupGate],
  workload: [readGate, workloadBackupGate],
  cluster: [readGate],
};

/**
 * The gates of a target type, in order. When the read gate does not pass, no other gate passes
 * either: what the read did not see may be exactly what would fail it (decision 42).
 */
export function runGates(type: RunbookTargetType, ctx: GateContext): RunbookGate[] {
  const gates = GATES[type].map((g) => g(ctx));
  if (gates[0]?.status === 'pass') return gates;
  return gates.map((g) =>
    g.id !== 'read' && g.status === 'pass'
      ? { ...g, status: 'unknown', message: `${g.message}, in what was read; the read gate did not pass` }
      : g,
  );
}
