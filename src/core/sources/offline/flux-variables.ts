/**
 * Flux's post-build variable syntax, as kustomize-controller applies it to the YAML it builds:
 * `${var}`, `${var:=default}` and `${var:-default}` (the default when the variable is unset or
 * empty), `${var=default}` and `${var-default}` (only when unset), and `$${var}`, an escape that
 * leaves the literal text `${var}`. `$var` without braces is not a Flux variable here.
 */
const REFERENCE = /\$(\$?)\{([^}]*)\}/g;
const VARIABLE = /^([_A-Za-z][_A-Za-z0-9]*)(?:(:?[-=])(.*))?$/s;

export interface Substituted {
  text: string;
  /** Names of the variables that had no value and no default (or expressions Flux would reject). */
  unresolved: string[];
}

/**
 * Replaces every variable that has a value (or a default); one that has neither stays as it was
 * written, `${VAR}`, and is reported. Flux in its default mode would write an empty string, but
 * the value may sit in a Secret tierbook never reads: unknown, not empty. Values lose their
 * newlines (as Flux's inline values do), so every line keeps its number.
 */
export function substituteVariables(text: string, vars: ReadonlyMap<string, string>): Substituted {
  const unresolved = new Set<string>();
  const out = text.replace(REFERENCE, (whole, escaped: string, inner: string, offset: number) => {
    if (escaped) return `\${${inner}}`;
    // Flux substitutes the YAML kustomize wrote, without comments: a comment misses nothing.
    const inComment = /^\s*#/.test(text.slice(text.lastIndexOf('\n', offset) + 1, offset));
    const match = VARIABLE.exec(inner);
    if (!match) {
      if (!inComment) unresolved.add(inner);
      return whole;
    }
    const [, name = '', operator, fallback = ''] = match;
    const value = vars.get(name);
    if (operator === undefined) {
      if (value !== undefined) return flat(value);
      if (!inComment) unresolved.add(name);
      return whole;
    }
    const useDefault = operator.startsWith(':') ? value === undefined || value === '' : value === undefined;
    return flat(useDefault ? fallback : (value ?? fallback));
  });
  return { text: out, unresolved: [...unresolved].sort() };
}

function flat(value: string): string {
  return value.replace(/\r?\n/g, '');
}

/** The unresolved `${…}` references in a value, as written (an escape `$${x}` is not one). */
export function variableReferences(text: string): string[] {
  return [...text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((match) => match[0]);
}
