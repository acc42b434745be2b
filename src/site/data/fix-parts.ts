/**
 * A finding's fix, cut into prose and commands so the page can show each command as a code
 * block to copy: a run that starts with a command word (`kubectl patch pv … -p '{…}'`) up to
 * the next "; ", ", or " or the end, and anything in backticks. The parts keep the fix's words
 * in order; backticks, and the "; " or ", " that ends a command, are dropped.
 */
export type FixPart = { text: string } | { command: string } | { code: string };

const COMMAND = /^(?:kubectl|ceph|velero|rclone|mc|tierbook|ls|rbd|helm|flux)\s/;

export function fixParts(fix: string): FixPart[] {
  const out: FixPart[] = [];
  for (const [i, piece] of fix.split('`').entries()) {
    if (piece === '') continue;
    if (i % 2 === 1) out.push({ code: piece });
    else out.push(...commands(piece));
  }
  return out;
}

/** Prose with whole commands in it: a command starts the text or follows ": " or "; ". */
function commands(text: string): FixPart[] {
  const out: FixPart[] = [];
  let rest = text;
  while (rest !== '') {
    const start = commandStart(rest);
    if (start === -1) {
      out.push({ text: rest });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start) });
    const after = rest.slice(start);
    const end = [after.indexOf('; '), after.indexOf(', or ')].filter((n) => n > 0);
    const stop = end.length > 0 ? Math.min(...end) : after.length;
    out.push({ command: after.slice(0, stop) });
    // The command stands as a block: the separator after it goes ("; for new volumes…").
    rest = after.slice(stop).replace(/^(?:; |, )/, '');
  }
  return out;
}

function commandStart(text: string): number {
  if (COMMAND.test(text)) return 0;
  for (const sep of [': ', '; ']) {
    let at = text.indexOf(sep);
    while (at !== -1) {
      if (COMMAND.test(text.slice(at + sep.length))) return at + sep.length;
      at = text.indexOf(sep, at + 1);
    }
  }
  return -1;
}
