/**
 * A small, real POSIX-shell reader for the guard: enough to find every simple command a line
 * or a script would run. Quotes ('…', "…" with its escapes, $'…'), backslash escapes, line
 * continuations, comments, the separators && || ; | & and newlines, ( ) subshells, redirections
 * (their targets kept: `> /dev/sdc` writes a disk), here-documents (their bodies kept: `bash
 * <<EOF` runs one), and command substitution ($(…) and `…`, whose inner commands run too).
 * It never evaluates: a word holding a variable or a substitution is marked `dynamic`.
 * What it cannot read (an unterminated quote or here-document) is a `problem`: the guard then
 * says "review by hand", never "harmless". One reader in one file (past 250 lines): the
 * tokenizer, quoting and here-document states share the position and are not useful apart.
 */
export interface SimpleCommand {
  /** The words after quote removal; variables and substitutions kept as written. */
  words: string[];
  /** Per word: true when it holds a variable, a substitution or an unquoted glob. */
  dynamic: boolean[];
  /** Files it writes through `>`, `>>`, `&>` (as written). */
  writes: string[];
  /** Here-document or here-string bodies fed to its standard input. */
  stdin: string[];
  /** Words of the command before it in a pipeline (`echo 3 | xargs …`), or null. */
  pipedFrom: SimpleCommand | null;
}

export interface ParsedScript {
  commands: SimpleCommand[];
  /** Commands run inside $(…) or `…` (they run before the command holding them). */
  substituted: SimpleCommand[];
  problems: string[];
}

interface Word {
  text: string;
  dynamic: boolean;
}

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

const OPERATORS = [
  '&&',
  '||',
  ';;',
  '<<-',
  '<<<',
  '<<',
  '>>',
  '&>',
  '>&',
  '<&',
  '>|',
  ';',
  '|',
  '&',
  '(',
  ')',
  '<',
  '>',
  '\n',
];

class Reader {
  readonly text: string;
  pos = 0;
  readonly problems: string[] = [];
  readonly substitutions: string[] = [];
  readonly heredocs: { delimiter: string; strip: boolean; body: string | null }[] = [];

  constructor(text: string) {
    this.text = text;
  }

  tokens(): Token[] {
    const out: Token[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '\\' && this.text[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (c === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else if (c === '\n') {
        this.pos++;
        out.push({ kind: 'op', op: '\n' });
        this.readHeredocBodies();
      } else {
        const op = this.operatorAt();
        if (op) {
          this.pos += op.length;
          out.push({ kind: 'op', op });
          if (op === '<<' || op === '<<-') this.heredocDelimiter(out, op === '<<-');
        } else {
          out.push({ kind: 'word', word: this.word() });
        }
      }
    }
    for (const h of this.heredocs)
      if (h.body === null) this.problems.push(`here-document "${h.delimiter}" is not terminated`);
    return out;
  }

  /** `<<EOF`, `<<'EOF'`, `<<-EOF`: the delimiter word, its body read after the line ends. */
  private heredocDelimiter(out: Token[], strip: boolean): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    const word = this.word();
    out.push({ kind: 'word', word });
    this.heredocs.push({ delimiter: word.text, strip, body: null });
  }

  private operatorAt(): string | null {
    // A file descriptor before a redirection (2>, 1>>) belongs to the operator.
    const fd = /^\d+(?=[<>])/.exec(this.text.slice(this.pos, this.pos + 4));
    const from = this.pos + (fd ? fd[0].length : 0);
    for (const op of OPERATORS) {
      if (op === '\n') continue;
      if (this.text.startsWith(op, from)) {
        if (fd) this.pos += fd[0].length;
        return op;
      }
    }
    return null;
  }

  private word(): Word {
    let text = '';
    let dynamic = false;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (' \t\r\n;&|()<>'.includes(c)) break;
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        this.pos += 2;
        if (next !== undefined && next !== '\n') text += next;
      } else if (c === "'") {
        const end = this.text.indexOf("'", this.pos + 1);
        if (end < 0) return this.unterminated('single quote', text);
        text += this.text.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else if (c === '$' && this.text[this.pos + 1] === "'") {
        this.pos++;
        const start = this.pos;
        const end = this.text.indexOf("'", start + 1);
        if (end < 0) return this.unterminated("$'…' quote", text);
        text += this.text.slice(start + 1, end).replace(/\\(.)/g, '$1');
        this.pos = end + 1;
      } else if (c === '"') {
        const quoted = this.doubleQuoted();
        if (quoted === null) return this.unterminated('double quote', text);
        text += quoted.text;
        dynamic ||= quoted.dynamic;
      } else if (c === '$' || c === '`') {
        const sub = this.expansion();
        if (sub === null) return this.unterminated(c === '`' ? 'backquote' : '$(', text);
        text += sub;
        dynamic = true;
      } else {
        if ('*?['.includes(c)) dynamic = true;
        text += c;
        this.pos++;
      }
    }
    return { text, dynamic };
  }

  private doubleQuoted(): Word | null {
    this.pos++;
    let text = '';
    let dynamic = false;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (c === '"') {
        this.pos++;
        return { text, dynamic };
      }
      if (c === '\\' && '"\\$`\n'.includes(this.text[this.pos + 1] ?? '')) {
        const next = this.text[this.pos + 1] ?? '';
        if (next !== '\n') text += next;
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        const sub = this.expansion();
        if (sub === null) return null;
        text += sub;
        dynamic = true;
      } else {
        text += c;
        this.pos++;
      }
    }
    return null;
  }

  /** `$VAR`, `${…}`, `$(…)`, `$((…))`, `` `…` ``: kept as written; a substitution's inside is read too. */
  private expansion(): string | null {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '`') {
      const end = this.text.indexOf('`', this.pos + 1);
      if (end < 0) return null;
      this.substitutions.push(this.text.slice(this.pos + 1, end));
      this.pos = end + 1;
      return this.text.slice(start, this.pos);
    }
    const next = this.text[this.pos + 1];
    if (next === '(' || next === '{') {
      const end = this.matching(this.pos + 1);
      if (end < 0) return null;
      const inner = this.text.slice(this.pos + 2, end);
      // `$((…))` is arithmetic, unless bash reads it as `$( (…) )`: its inside is read either way.
      if (next === '(') this.substitutions.push(inner);
      this.pos = end + 1;
      return this.text.slice(start, this.pos);
    }
    const name = /^\$([A-Za-z_]\w*|[0-9@*#?$!-])?/.exec(this.text.slice(this.pos)) ?? ['$'];
    this.pos += name[0].length;
    return name[0];
  }

  /** The index of the bracket closing the one at `open`, skipping quotes; -1 when none. */
  private matching(open: number): number {
    const pair: Record<string, string> = { '(': ')', '{': '}' };
    const stack: string[] = [pair[this.text[open] ?? ''] ?? ')'];
    for (let i = open + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === "'" && stack.at(-1) !== '"') {
        const end = this.text.indexOf("'", i + 1);
        if (end < 0) return -1;
        i = end;
      } else if (c === '"') {
        if (stack.at(-1) === '"') stack.pop();
        else stack.push('"');
      } else if (stack.at(-1) !== '"' && (c === '(' || c === '{')) stack.push(pair[c] ?? ')');
      else if (c === stack.at(-1)) {
        stack.pop();
        if (stack.length === 0) return i;
      }
    }
    return -1;
  }

  private unterminated(what: string, text: string): Word {
    this.problems.push(`unterminated ${what}`);
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return { text: text + rest, dynamic: true };
  }

  /** After a newline: the bodies of the here-documents opened on the line just read. */
  private readHeredocBodies(): void {
    for (const h of this.heredocs) {
      if (h.body !== null) continue;
      const lines: string[] = [];
      let done = false;
      while (this.pos < this.text.length) {
        const eol = this.text.indexOf('\n', this.pos);
        const end = eol < 0 ? this.text.length : eol;
        const line = this.text.slice(this.pos, end);
        this.pos = end + 1;
        const compare = h.strip ? line.replace(/^\t+/, '') : line;
        if (compare === h.delimiter) {
          done = true;
          break;
        }
        lines.push(line);
      }
      if (done) h.body = lines.join('\n');
      else {
        this.pos = this.text.length;
        return;
      }
    }
  }
}

/** Reads `text` (one command line or a whole script) into the simple commands it would run. */
export function parseShell(text: string, depth = 0): ParsedScript {
  const reader = new Reader(text);
  const tokens = reader.tokens();
  const commands: SimpleCommand[] = [];
  const substituted: SimpleCommand[] = [];
  const problems = [...reader.problems];
  let current = fresh(null);
  let heredocIndex = 0;
  const finish = (pipe: boolean) => {
    const done = current;
    if (done.words.length > 0 || done.writes.length > 0) commands.push(done);
    current = fresh(pipe && done.words.length > 0 ? done : null);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'word') {
      current.words.push(t.word.text);
      current.dynamic.push(t.word.dynamic);
      continue;
    }
    if (t.op === '<<' || t.op === '<<-') {
      const next = tokens[i + 1];
      i++;
      const heredoc = reader.heredocs[heredocIndex++];
      if (next?.kind === 'word' && heredoc) current.stdin.push(heredoc.body ?? '');
      else problems.push('here-document without a delimiter');
    } else if (t.op === '<<<') {
      const next = tokens[++i];
      if (next?.kind === 'word') current.stdin.push(next.word.text);
    } else if (['>', '>>', '&>', '>|'].includes(t.op)) {
      const next = tokens[++i];
      if (next?.kind === 'word') current.writes.push(next.word.text);
      else problems.push(`redirection ${t.op} without a target`);
    } else if (['<', '<&', '>&'].includes(t.op)) {
      i++;
    } else {
      finish(t.op === '|');
    }
  }
  finish(false);
  if (depth < 8) {
    for (const inner of reader.substitutions) {
      const sub = parseShell(inner, depth + 1);
      substituted.push(...sub.substituted, ...sub.commands);
      problems.push(...sub.problems);
    }
  } else if (reader.substitutions.length > 0) problems.push('command substitutions nested too deep');
  return { commands, substituted, problems };
}

function fresh(pipedFrom: SimpleCommand | null): SimpleCommand {
  return { words: [], dynamic: [], writes: [], stdin: [], pipedFrom };
}
