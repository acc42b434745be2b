import type { AcceptConfig } from '../../config/model.ts';
import type { Analysis } from '../model.ts';
import type { Finding } from './model.ts';

/** Annotations on the object a finding names: rules (comma-separated) and why. */
export const ACCEPT_KEY = 'tierbook.io/accept';
export const ACCEPT_REASON_KEY = 'tierbook.io/accept-reason';

export interface Acceptance {
  reason: string;
  who: string | null;
  until: string | null;
  /** `annotation` on the object, or `config` (tierbook.config.yaml accept:). */
  source: 'annotation' | 'config';
}

export interface AcceptedFinding extends Finding {
  accepted: Acceptance;
}

export interface AcceptanceResult {
  /** Findings that count: not accepted, or accepted until a time already past. */
  open: Finding[];
  /** Findings accepted on purpose: shown as accepted, never failing a gate. */
  accepted: AcceptedFinding[];
  /** Open findings whose acceptance ended, with it (said beside the finding). */
  expired: AcceptedFinding[];
}

/**
 * Splits findings by acceptance: the object's `tierbook.io/accept` annotation (its reason in
 * `tierbook.io/accept-reason`, required) or an `accept:` entry of the configuration. An
 * acceptance without a reason is not one (a finding silenced for no stated reason is how the
 * next outage hides). An acceptance whose `until` has passed at `now` counts for nothing: the
 * finding is open again and says when its acceptance ended.
 */
export function applyAcceptances(findings: readonly Finding[], analysis: Analysis): AcceptanceResult {
  const result: AcceptanceResult = { open: [], accepted: [], expired: [] };
  const now = Date.parse(analysis.now);
  for (const f of findings) {
    const acceptance = annotationAcceptance(f, analysis) ?? configAcceptance(f, analysis.config.accept);
    if (acceptance === null) {
      result.open.push(f);
    } else if (acceptance.until !== null && Date.parse(acceptance.until) <= now) {
      result.open.push(f);
      result.expired.push({ ...f, accepted: acceptance });
    } else {
      result.accepted.push({ ...f, accepted: acceptance });
    }
  }
  return result;
}

function annotationAcceptance(f: Finding, analysis: Analysis): Acceptance | null {
  const annotations = analysis.index.node(f.id)?.attrs.annotations;
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) return null;
  const rules = annotations[ACCEPT_KEY];
  const reason = annotations[ACCEPT_REASON_KEY];
  if (typeof rules !== 'string' || typeof reason !== 'string' || reason.trim() === '') return null;
  const listed = rules.split(',').map((r) => r.trim());
  if (!listed.includes(f.rule) && !listed.includes('*')) return null;
  return { reason: reason.trim(), who: null, until: null, source: 'annotation' };
}

function configAcceptance(f: Finding, accept: readonly AcceptConfig[]): Acceptance | null {
  const { namespace, kind, name } = f.object;
  const object = namespace ? `${namespace}/${kind}/${name}` : `${kind}/${name}`;
  const entry = accept.find((a) => a.rule === f.rule && a.object === object);
  return entry ? { reason: entry.reason, who: entry.who, until: entry.until, source: 'config' } : null;
}
