// The imports of the project's own source, read from the text: every `import … from`,
// `export … from`, side-effect `import '…'`, `import('…')` (lazy loads and `typeof import`) and
// `import type`, since a type import ties two files as surely as a value import does. The reader
// skips comments, strings, template literals and regular expressions, so an import-shaped line
// inside generated code or a message is not taken for one. Only relative specifiers name a file of
// the tree; packages and `node:` modules are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type ImportEdge = { from: string; to: string; specifier: string };

const SOURCE = /\.(ts|astro)$/;
const SKIP_DIRS = new Set(['node_modules', 'fixtures', 'out']);

/** Files under `roots` (project-relative, `/`-separated), sorted. */
export function sourceFiles(root: string, roots: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const r of roots) {
    if (SOURCE.test(r)) files.push(r);
    else walk(r);
  }
  return files.sort();
}

/** An .astro file's code is its front matter (between the opening `---` fences) and its scripts. */
function codeOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const parts: string[] = [];
  const fence = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fence) parts.push(fence[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n');
}

type Token = { kind: 'word' | 'string' | 'punct'; text: string };

// A `/` starts a regular expression where an operand is expected: at the start, after an
// operator or an opening bracket, or after a keyword that precedes an expression.
const BEFORE_OPERAND = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

function regexAllowed(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.kind === 'string') return false;
  if (previous.kind === 'word') return BEFORE_OPERAND.has(previous.text);
  return !(previous.text === ')' || previous.text === ']' || previous.text === '}');
}

/** Words, string literals (their value) and punctuation; comments, templates and regexes skipped. */
export function tokens(code: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = code.length;
  // Each open `${` of a template pushes its brace depth; `}` at that depth resumes the template.
  const templates: number[] = [];
  let depth = 0;
  const skipTemplate = (): void => {
    // i is just after a backtick or a `}` closing a substitution.
    while (i < n) {
      const c = code[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        out.push({ kind: 'punct', text: '`' });
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        i += 2;
        templates.push(depth);
        depth++;
        out.push({ kind: 'punct', text: '(' });
        return;
      } else i++;
    }
  };
  while (i < n) {
    const c = code[i]!;
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < n && code[j] !== c && code[j] !== '\n') {
        if (code[j] === '\\') {
          value += code[j + 1] ?? '';
          j += 2;
        } else value += code[j++];
      }
      out.push({ kind: 'string', text: value });
      i = j + 1;
    } else if (c === '`') {
      i++;
      skipTemplate();
    } else if (c === '/' && regexAllowed(out.at(-1))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && code[j] !== '\n') {
        const d = code[j];
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      while (i < n && /[a-z]/i.test(code[i]!)) i++;
      out.push({ kind: 'string', text: '' });
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(code[j]!)) j++;
      out.push({ kind: 'word', text: code.slice(i, j) });
      i = j;
    } else if (/\s/.test(c)) i++;
    else {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (templates.length > 0 && templates.at(-1) === depth) {
          templates.pop();
          i++;
          out.push({ kind: 'punct', text: ')' });
          skipTemplate();
          continue;
        }
      }
      out.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return out;
}

/** The module specifiers a file's code names. */
export function specifiers(code: string): string[] {
  const t = tokens(code);
  const found: string[] = [];
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'word') continue;
    const next = t[k + 1];
    const previous = t[k - 1];
    if (previous?.kind === 'punct' && previous.text === '.') continue; // a member named `from`/`import`
    if (tok.text === 'from' && next?.kind === 'string') found.push(next.text);
    else if (tok.text === 'import' && next?.kind === 'string') found.push(next.text);
    else if (
      tok.text === 'import' &&
      next?.text === '(' &&
      t[k + 2]?.kind === 'string' &&
      t[k + 3]?.text === ')'
    )
      found.push(t[k + 2]!.text);
  }
  return found;
}

/** Every import from one file of `files` to another, by relative specifier. */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const code = codeOf(from, readFileSync(join(root, from), 'utf8'));
    for (const specifier of specifiers(code)) {
      if (!specifier.startsWith('.')) continue;
      const to = relative(root, resolve(root, dirname(from), specifier))
        .split(sep)
        .join('/');
      if (known.has(to)) edges.push({ from, to, specifier });
    }
  }
  return edges;
}
