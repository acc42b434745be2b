import type { Tier } from '../../core/analysis/tiers/model.ts';
import type {
  BoundCommand,
  BoundRunbook,
  BoundStep,
  FillIn,
  GateStatus,
  PauseKind,
} from '../../core/runbooks/model.ts';
import type { Fields } from './fields.ts';

const GATE_STATUSES: readonly GateStatus[] = ['pass', 'fail', 'unknown'];
const PAUSES: readonly PauseKind[] = ['sign-in', 'time-out', 'sign-out'];
const TIER_VALUES: readonly string[] = ['0', '1', '2', '3', '4'];

/**
 * The `runbook:` front matter of a content/runbooks page (the BoundRunbook `tierbook runbook
 * -o json` prints), checked field by field: a hand-edited page with a wrong field fails the
 * build naming file and field, never a checklist with a step missing.
 */
export function readBoundRunbook(f: Fields): BoundRunbook {
  return {
    id: f.string('id'),
    title: f.string('title'),
    version: f.string('version'),
    target: f.optionalString('target'),
    cluster: f.string('cluster'),
    inventoryTakenAt: f.string('inventoryTakenAt'),
    hash: f.string('hash'),
    rto: f.optionalString('rto') ?? '',
    tier: tierOf(f, 'tier'),
    sources: f.stringMap('sources'),
    intro: f.optionalString('intro') ?? '',
    gates: f.records('gates', (g) => ({
      id: g.string('id'),
      status: g.oneOf('status', GATE_STATUSES),
      message: g.string('message'),
    })),
    order: f.records('order', (o) => ({
      workload: o.string('workload'),
      tier: tierOf(o, 'tier') ?? 4,
      why: o.optionalString('why') ?? '',
    })),
    fillIns: f.records('fillIns', readFillIn),
    steps: f.records('steps', readStep),
  };
}

function readStep(f: Fields): BoundStep {
  const verify = f.optionalRecord('verify');
  const command = verify?.optionalRecord('command') ?? null;
  return {
    id: f.string('id'),
    number: f.number('number'),
    title: f.string('title'),
    text: f.optionalString('text') ?? '',
    pause: f.optionalString('pause') === null ? null : f.oneOf('pause', PAUSES),
    checks: f.strings('checks'),
    action: readCommand(f.optionalRecord('action')),
    verify: verify ? readVerify(verify, command) : null,
    abort: f.strings('abort'),
    pointOfNoReturn: f.optionalString('pointOfNoReturn'),
    cites: f.strings('cites'),
  };
}

function readVerify(f: Fields, command: Fields | null): NonNullable<BoundStep['verify']> {
  const look = f.optionalString('look');
  return { command: readCommand(command), expect: f.string('expect'), ...(look === null ? {} : { look }) };
}

function readCommand(f: Fields | null): BoundCommand | null {
  if (f === null) return null;
  return {
    lang: f.optionalString('lang') ?? 'sh',
    text: f.string('text'),
    fillIns: f.records('fillIns', readFillIn),
  };
}

function readFillIn(f: Fields): FillIn {
  return { name: f.string('name'), prompt: f.string('prompt') };
}

function tierOf(f: Fields, key: string): Tier | null {
  const value = f.optionalString(key);
  if (value === null) return null;
  if (!TIER_VALUES.includes(value)) throw f.error(f.at(key), 'a tier 0 to 4 or null', f.value[key]);
  return Number(value) as Tier;
}
