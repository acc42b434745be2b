/**
 * Flux's post-build variable syntax, as kustomize-controller applies it to the YAML it builds:
 * `${var}`, `${var:=default}` and `${var:-default}` (the default when the variable is unset or
 * empty), `${var=default}` and `${var-default}` (only when unset), and `$${var}`, an escape that
 * leaves the literal text `${var}`. `$var` without braces is not a Flux variable here.
 */
const VARIABLE = /^([_A-Za-z][_A-Za-z0-9]*)(?:(:?[-=])(.*))?$/s;

export interface Substituted {
  text: string;
  /** Names of the variables that had no value and no default (or expressions Flux would reject). */
  unresolved: string[];
}

/**
 * Replaces every variable that has a value (or a default, which may itself hold references:
 * `${VOLSYNC_CLAIM:-${APP}}`); one that has neither stays as it was written, `${VAR}`, and is
 * reported. Flux in its default mode would write an empty string, but the value may sit in a
 * Secret tierbook never reads: unknown, not empty. Values lose their newlines (as Flux's inline
 * values do), so every line keeps its number. A reference in a full-line comment is substituted
 * but never reported: Flux substitutes the YAML kustomize wrote, without comments.
 */
export function substituteVariables(text: string, vars: ReadonlyMap<string, string>): Substituted {
  const unresolved = new Set<string>();
  const report = (name: string, offset: number) => {
    if (!/^\s*#/.test(text.slice(text.lastIndexOf('\n', offset) + 1, offset))) unresolved.add(name);
  };
  const out = expand(text, vars, (name, at) => report(name, at));
  return { text: out, unresolved: [...unresolved].sort() };
}

type Report = (name: string, offset: number) => void;

function expand(text: string, vars: ReadonlyMap<string, string>, report: Report, base = 0): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) return out + text.slice(i);
    out += text.slice(i, dollar);
    const escaped = text.startsWith('$${', dollar);
    const open = escaped ? dollar + 2 : text.startsWith('${', dollar) ? dollar + 1 : -1;
    const close = open < 0 ? -1 : closingBrace(text, open);
    if (close < 0) {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const inner = text.slice(open + 1, close);
    out += escaped
      ? `\${${inner}}`
      : resolve(inner, text.slice(dollar, close + 1), vars, report, base + dollar);
    i = close + 1;
  }
  return out;
}

function resolve(
  inner: string,
  whole: string,
  vars: ReadonlyMap<string, string>,
  report: Report,
  offset: number,
): string {
  const match = VARIABLE.exec(inner);
  if (!match) {
    report(inner, offset);
    return whole;
  }
  const [, name = '', operator, fallback = ''] = match;
  const value = vars.get(name);
  if (operator === undefined) {
    if (value !== undefined) return flat(value);
    report(name, offset);
    return whole;
  }
  const useDefault = operator.startsWith(':') ? value === undefined || value === '' : value === undefined;
  if (!useDefault) return flat(value ?? '');
  // The default is expanded in turn; its references report at the outer reference's place.
  return flat(expand(fallback, vars, (n) => report(n, offset), offset));
}

/** The `}` closing the `{` at `open`, counting nested braces; -1 when the line ends first. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j;
  }
  return -1;
}

function flat(value: string): string {
  return value.replace(/\r?\n/g, '');
}

/** The unresolved `${…}` references in a value, as written (an escape `$${x}` is not one). */
export function variableReferences(text: string): string[] {
  return [...text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((match) => match[0]);
}
