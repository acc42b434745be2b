import type { GuardAnswer } from './model.ts';
import { renderGuardText } from './render.ts';

/**
 * Claude Code's PreToolUse hook protocol (code.claude.com/docs/en/hooks): the event arrives as
 * JSON on stdin (`hook_event_name`, `tool_name`, `tool_input.command` for Bash). A hook that
 * exits 0 with `hookSpecificOutput.permissionDecision` "deny" blocks the call and shows the
 * reason to Claude; "ask" asks the user, showing the reason. Exit 2 blocks with stderr as the
 * reason. Any other exit code lets the call run, so every failure must become exit 2.
 */
export type HookEvent = { tool: 'other' } | { tool: 'Bash'; command: string };

/** Reads the event; anything that is not a well-formed event throws (the caller blocks). */
export function parseHookEvent(text: string): HookEvent {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new Error('the hook event on stdin is not JSON');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new Error('the hook event on stdin is not a JSON object');
  const e = event as Record<string, unknown>;
  if (typeof e.tool_name !== 'string') throw new Error('the hook event has no tool_name');
  if (e.hook_event_name !== undefined && e.hook_event_name !== 'PreToolUse')
    throw new Error(`the hook event is ${String(e.hook_event_name)}, not PreToolUse`);
  if (e.tool_name !== 'Bash') return { tool: 'other' };
  const input = e.tool_input;
  const command =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>).command : undefined;
  if (typeof command !== 'string') throw new Error('the Bash hook event has no tool_input.command string');
  return { tool: 'Bash', command };
}

export interface HookReply {
  /** Printed on stdout (the decision JSON), or empty to let Claude Code's own rules decide. */
  stdout: string;
  exitCode: 0;
}

/**
 * Data loss is denied; any other block (a tier-0/1 outage, "cannot tell", review by hand) and
 * any step that destroys something below the gate is put to the user, the blast radius as the
 * reason. A pass prints nothing: Claude Code's
 * own permission rules still apply (the guard never says "allow").
 */
export function hookReply(answer: GuardAnswer): HookReply {
  // Below the gate, a step that still loses something (a claim, a disk) is a point of no return.
  const noReturn = answer.steps.some((s) => s.targets.some((t) => t.effect === 'lost' && !t.alternative));
  if (answer.decision === 'pass' && !noReturn) return { stdout: '', exitCode: 0 };
  const decision = answer.level === 'data-loss' ? 'deny' : 'ask';
  const reason = `${renderGuardText(answer).trimEnd()}\n\n(tierbook guard: ${decision === 'deny' ? 'this would lose data; follow the runbook instead' : 'a point of no return; confirm only after reading the blast radius'})`;
  const output = {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: decision,
      permissionDecisionReason: reason,
    },
  };
  return { stdout: `${JSON.stringify(output)}\n`, exitCode: 0 };
}
