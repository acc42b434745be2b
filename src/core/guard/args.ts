/**
 * A command's words split into positionals and options, given the flags of that tool that
 * take a value (`-n rook-ceph`, `--namespace=rook-ceph`). A flag not in the set is a switch.
 * `--` ends options: what follows is `rest`.
 */
export interface SplitArgs {
  positionals: string[];
  /** Positions in the original words of each positional (to look up `dynamic`). */
  at: number[];
  options: Map<string, string[]>;
  /** Words after `--`. */
  rest: string[] | null;
  restAt: number;
}

export function splitArgs(words: readonly string[], valueFlags: ReadonlySet<string>, from = 0): SplitArgs {
  const out: SplitArgs = { positionals: [], at: [], options: new Map(), rest: null, restAt: -1 };
  const add = (name: string, value: string) =>
    out.options.set(name, [...(out.options.get(name) ?? []), value]);
  for (let i = from; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '--') {
      out.rest = words.slice(i + 1);
      out.restAt = i + 1;
      break;
    }
    const eq = /^(--?[^=]+)=(.*)$/s.exec(w);
    if (eq?.[1] && w.startsWith('-')) add(eq[1], eq[2] ?? '');
    else if (w.startsWith('-') && w.length > 1) {
      if (valueFlags.has(w) && i + 1 < words.length) add(w, words[++i] ?? '');
      else if (!w.startsWith('--') && w.length > 2 && valueFlags.has(w.slice(0, 2)))
        add(w.slice(0, 2), w.slice(2));
      else add(w, '');
    } else {
      out.positionals.push(w);
      out.at.push(i);
    }
  }
  return out;
}

export function option(args: SplitArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.options.get(n);
    if (v && v.length > 0) return v.at(-1);
  }
  return undefined;
}

export function hasOption(args: SplitArgs, ...names: string[]): boolean {
  return names.some((n) => args.options.has(n));
}

/** The program's own name: `/usr/sbin/wipefs` is `wipefs`. */
export function programName(word: string | undefined): string {
  return (word ?? '').split('/').pop() ?? '';
}

/** kubectl's (and oc's) flags that take a value; every other flag is a switch. */
export const KUBECTL_VALUE: ReadonlySet<string> = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '--request-timeout',
  '-c',
  '--container',
  '-l',
  '--selector',
  '-f',
  '--filename',
  '-o',
  '--output',
  '--image',
  '--profile',
  '--target',
  '--field-selector',
  '--grace-period',
  '--timeout',
  '--cascade',
  '-p',
  '--patch',
  '--type',
  '--replicas',
  '--current-replicas',
  '--for',
  '--pod-running-timeout',
  '--copy-to',
  '--env',
  '--pod-selector',
  '--chunk-size',
  '-k',
  '--kustomize',
  '--operator-namespace',
]);
