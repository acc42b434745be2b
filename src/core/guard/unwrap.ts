import { programName } from './args.ts';
import type { Invocation } from './model.ts';
import { parseShell, type SimpleCommand } from './shell.ts';
import { WRAPPER_BY_NAME } from './wrappers.ts';

/**
 * Takes the wrappers off every command of a script until the command that would really run is
 * left: `sudo`, `env X=1`, `nice`, `timeout 60`, `nsenter … --`, `chroot /host`, `xargs`, a
 * shell's `-c '…'` or here-document, `ssh NODE '…'`, `kubectl exec POD -- …`, `kubectl debug
 * node/NODE -- …`, `kubectl rook-ceph ceph …`, `watch …`. One row per wrapper: adding one is
 * a row in wrappers.ts.
 */
export interface Unwrapped {
  invocations: Invocation[];
  problems: string[];
}

/** Every command a script runs, wrappers taken off; `node` is where it runs (`--node`). */
export function unwrapScript(text: string, node: string | null, depth = 0): Unwrapped {
  const parsed = parseShell(text);
  const out: Unwrapped = { invocations: [], problems: [...parsed.problems] };
  for (const command of [...parsed.substituted, ...parsed.commands]) {
    const inv: Invocation = {
      words: command.words,
      dynamic: command.dynamic,
      node,
      via: [],
      writes: command.writes,
      piped: literalPipe(command.pipedFrom),
      pipedIn: command.pipedFrom !== null,
    };
    unwrapInto(out, stripAssignments(inv), command.stdin, depth);
  }
  return out;
}

function unwrapInto(out: Unwrapped, inv: Invocation, stdin: readonly string[], depth: number): void {
  if (depth > 12) {
    out.problems.push('wrappers nested too deep');
    return;
  }
  const wrapper = WRAPPER_BY_NAME.get(programName(inv.words[0]));
  const inner = wrapper?.unwrap(inv, stdin) ?? null;
  if (inner === null) {
    out.invocations.push(inv);
    return;
  }
  const node = inner.node ?? inv.node;
  const via = [...inv.via, inner.via];
  if ('script' in inner) {
    const nested = unwrapScript(inner.script, node, depth + 1);
    out.problems.push(...nested.problems);
    for (const n of nested.invocations) out.invocations.push({ ...n, via: [...via, ...n.via] });
    // Redirections of the wrapper itself (`ssh n 'cat' > /dev/sdc`) still write.
    if (inv.writes.length > 0) out.invocations.push({ ...inv, words: [programName(inv.words[0])], via });
    return;
  }
  const next: Invocation = {
    words: inner.words,
    dynamic: inner.dynamic,
    node,
    via,
    writes: inv.writes,
    piped: inv.piped,
    ...(inv.pipedIn === true ? { pipedIn: true } : {}),
  };
  unwrapInto(out, stripAssignments(next), stdin, depth + 1);
}

/** Reserved words before a command: `if … then CMD`, `do CMD`, `{ CMD; }`, `! CMD`. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', '}', 'time']);

/** `X=1 Y=2 cmd …` and `then cmd …`, `do cmd …` run `cmd …`. */
function stripAssignments(inv: Invocation): Invocation {
  let i = 0;
  while (
    i < inv.words.length - 1 &&
    (/^[A-Za-z_]\w*=/.test(inv.words[i] ?? '') || KEYWORDS.has(inv.words[i] ?? ''))
  )
    i++;
  return i === 0 ? inv : { ...inv, words: inv.words.slice(i), dynamic: inv.dynamic.slice(i) };
}

/** `echo 3 4 | …`: the literal words piped in; null when not known. */
function literalPipe(from: SimpleCommand | null): string[] | null {
  if (!from) return null;
  const name = programName(from.words[0]);
  if ((name === 'echo' || name === 'printf') && !from.dynamic.some(Boolean)) {
    return from.words
      .slice(1)
      .filter((w) => !w.startsWith('-'))
      .flatMap((w) => w.split(/\s+|\\n/))
      .filter(Boolean);
  }
  return null;
}
