/**
 * Help text fitted to a terminal's 80 columns when it is printed, so each command writes its
 * help as prose and none can grow past the width. A block longer than the width (a line and
 * the lines that continue it at the same hanging indent) is reflowed at that indent: an
 * option's description stays in its column, a synopsis continues after `tierbook <command> `.
 * Blocks that already fit are printed as written.
 */
export const HELP_WIDTH = 80;

export function fitHelp(text: string, width = HELP_WIDTH): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const first = lines[i] ?? '';
    const synopsis = SYNOPSIS.test(first);
    const hang = hangingIndent(first);
    let j = i + 1;
    while (j < lines.length && continues(lines[j] ?? '', hang, synopsis)) j++;
    const block = lines.slice(i, j);
    out.push(...(block.every((l) => columns(l) <= width) ? block : reflow(block, hang, width, synopsis)));
    i = j;
  }
  return out.join('\n');
}

export function columns(line: string): number {
  return [...line].length;
}

const SYNOPSIS = /^tierbook \S+ /;

/** Where a line's continuation lines start. */
function hangingIndent(line: string): number {
  const synopsis = SYNOPSIS.exec(line);
  if (synopsis) return synopsis[0].length;
  // "  --max-bytes SIZE the most bytes…", "  --out DIR        where to write…": the
  // description's column, after the option and its upper-case value name.
  const option =
    /^(\s+-{1,2}[\w-]+(?: [A-Z][A-Z0-9_.|<>-]*)?\s+)\S/.exec(line) ??
    /^(\s+\S+(?: \S+)*?\s{2,})\S/.exec(line);
  if (option?.[1]) return option[1].length;
  return line.length - line.trimStart().length;
}

/**
 * A non-blank line at exactly the indent, not a heading ("Exit codes: …") of its own; after a
 * synopsis, any indented line of `[--option]` groups.
 */
function continues(line: string, hang: number, synopsis: boolean): boolean {
  if (line.trim() === '') return false;
  if (synopsis) return /^\s+\[/.test(line);
  const indent = line.length - line.trimStart().length;
  if (indent !== hang) return false;
  return hang > 0 || !/^[A-Z][\w ]*:(\s|$)/.test(line);
}

function reflow(block: readonly string[], hang: number, width: number, synopsis: boolean): string[] {
  const first = block[0] ?? '';
  const prefix = first.slice(0, hang);
  const text = [first.slice(hang), ...block.slice(1)].join(' ');
  // A synopsis breaks between `[--option VALUE]` groups, never inside one.
  const words = (synopsis ? text.match(/\[[^\]]*\]|\S+/g) : text.split(/\s+/))?.filter(Boolean) ?? [];
  const out: string[] = [];
  let line = prefix;
  let empty = true;
  for (const word of words) {
    if (!empty && columns(line) + 1 + columns(word) > width) {
      out.push(line);
      line = ' '.repeat(hang) + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  out.push(line);
  return out;
}
