import { KUBECTL_VALUE, programName, splitArgs } from './args.ts';
import type { Invocation } from './model.ts';

/**
 * The wrappers the guard takes off a command, one row each (unwrap.ts applies them): a row
 * returns the inner command's words, a script to read (`bash -c`, `ssh NODE '…'`), or null
 * when the program is used without wrapping anything (`ssh NODE` alone, `bash script.sh`).
 * One table in one file (past 250 lines): a wrapper added is a row here, nowhere else.
 */
/** What a wrapper row returns: the inner command's words, or a script to read, or nothing. */
export type Inner =
  | { words: string[]; dynamic: boolean[]; via: string; node?: string }
  | { script: string; via: string; node?: string }
  | null;

export interface Wrapper {
  names: readonly string[];
  unwrap: (inv: Invocation, stdin: readonly string[]) => Inner;
}

const set = (...flags: string[]) => new Set(flags);

/** The words from `index` on, as an inner command. */
function from(inv: Invocation, index: number, via: string, extra: Partial<Invocation> = {}): Inner {
  if (index < 0 || index >= inv.words.length) return null;
  return {
    words: inv.words.slice(index),
    dynamic: inv.dynamic.slice(index),
    via,
    ...(extra.node ? { node: extra.node } : {}),
  };
}

/** The first word at or after `start` that is no option (and no `NAME=value` when asked). */
function firstCommand(inv: Invocation, start: number, valueFlags: ReadonlySet<string>, assignments = false) {
  for (let i = start; i < inv.words.length; i++) {
    const w = inv.words[i] ?? '';
    if (w === '--') return i + 1;
    if (w.startsWith('-') && w.length > 1) {
      if (valueFlags.has(w)) i++;
      continue;
    }
    if (assignments && /^[A-Za-z_]\w*=/.test(w)) continue;
    return i;
  }
  return -1;
}

const SHELLS = ['bash', 'sh', 'zsh', 'dash', 'ash', 'ksh', 'busybox-sh'];
const SSH_VALUE = set(
  '-b',
  '-c',
  '-D',
  '-E',
  '-e',
  '-F',
  '-I',
  '-i',
  '-J',
  '-L',
  '-l',
  '-m',
  '-O',
  '-o',
  '-p',
  '-Q',
  '-R',
  '-S',
  '-W',
  '-w',
  '-B',
);

const WRAPPERS: readonly Wrapper[] = [
  {
    names: ['sudo', 'doas'],
    unwrap: (inv) =>
      from(
        inv,
        firstCommand(inv, 1, set('-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T'), true),
        'sudo',
      ),
  },
  {
    names: ['env'],
    unwrap: (inv) => {
      const split = inv.words.findIndex((w) => w === '-S' || w === '--split-string');
      if (split > 0 && inv.words[split + 1] !== undefined)
        return { script: inv.words[split + 1] ?? '', via: 'env -S' };
      return from(inv, firstCommand(inv, 1, set('-u', '--unset', '-C', '--chdir'), true), 'env');
    },
  },
  { names: ['nice'], unwrap: (inv) => from(inv, firstCommand(inv, 1, set('-n', '--adjustment')), 'nice') },
  {
    names: ['ionice'],
    unwrap: (inv) => from(inv, firstCommand(inv, 1, set('-c', '-n', '-p', '-P', '-u')), 'ionice'),
  },
  {
    names: ['nohup', 'exec', 'command', 'builtin', 'time', 'stdbuf', 'caffeinate'],
    unwrap: (inv) => from(inv, firstCommand(inv, 1, set('-i', '-o', '-e')), programName(inv.words[0])),
  },
  {
    names: ['timeout'],
    unwrap: (inv) => {
      const duration = firstCommand(inv, 1, set('-s', '--signal', '-k', '--kill-after'));
      return duration < 0 ? null : from(inv, duration + 1, 'timeout');
    },
  },
  {
    names: ['chroot'],
    unwrap: (inv) => {
      const dir = firstCommand(inv, 1, set('--userspec', '--groups'));
      return dir < 0 ? null : from(inv, dir + 1, `chroot ${inv.words[dir]}`);
    },
  },
  {
    names: ['nsenter'],
    unwrap: (inv) =>
      from(
        inv,
        firstCommand(inv, 1, set('-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '-r')),
        'nsenter',
      ),
  },
  {
    // `su [-] [USER] -c 'cmd'`, `runuser -u USER -- cmd`
    names: ['su', 'runuser'],
    unwrap: (inv) => {
      const c = inv.words.findIndex((w) => w === '-c' || w === '--command');
      if (c > 0) return { script: inv.words[c + 1] ?? '', via: programName(inv.words[0]) };
      const dashes = inv.words.indexOf('--');
      return dashes > 0 ? from(inv, dashes + 1, programName(inv.words[0])) : null;
    },
  },
  {
    // `find /dev -name 'sd*' -exec wipefs -a {} \;`: `{}` is each file found, known only then.
    names: ['find'],
    unwrap: (inv) => {
      const at = inv.words.findIndex((w) => w === '-exec' || w === '-execdir' || w === '-ok');
      if (at < 0) return null;
      const end = inv.words.findIndex((w, i) => i > at && (w === ';' || w === '+'));
      const words = inv.words.slice(at + 1, end < 0 ? undefined : end);
      return { words, dynamic: words.map((w) => w.includes('{}')), via: 'find -exec' };
    },
  },
  {
    // `ansible HOST -m shell|command|raw -a 'cmd'`: the node when HOST is one name.
    names: ['ansible'],
    unwrap: (inv) => {
      const a = inv.words.findIndex((w) => w === '-a' || w === '--args');
      const host = inv.words[1];
      if (a < 0 || !host || host.startsWith('-')) return null;
      const one = /^[\w.-]+$/.test(host) && host !== 'all';
      return { script: inv.words[a + 1] ?? '', via: `ansible ${host}`, ...(one ? { node: host } : {}) };
    },
  },
  {
    names: ['eval'],
    unwrap: (inv) => (inv.words.length > 1 ? { script: inv.words.slice(1).join(' '), via: 'eval' } : null),
  },
  {
    names: ['watch'],
    unwrap: (inv) => {
      const at = firstCommand(inv, 1, set('-n', '--interval', '-d'));
      return at < 0 ? null : { script: inv.words.slice(at).join(' '), via: 'watch' };
    },
  },
  {
    names: ['xargs'],
    unwrap: (inv) => {
      const flags = set(
        '-I',
        '-L',
        '-n',
        '-P',
        '-s',
        '-d',
        '-E',
        '-a',
        '--max-args',
        '--max-procs',
        '--delimiter',
        '--arg-file',
        '-i',
      );
      const at = firstCommand(inv, 1, flags);
      const replace = inv.words[inv.words.indexOf('-I') + 1];
      const words = at < 0 ? ['echo'] : inv.words.slice(at);
      const dynamic = at < 0 ? [false] : inv.dynamic.slice(at);
      // What xargs reads is known only when it comes from a literal echo/printf.
      const input = inv.piped ?? ['$(xargs input)'];
      const inputDynamic = inv.piped === null;
      if (inv.words.includes('-I') && replace) {
        const replaced = words.flatMap((w, i) =>
          w.includes(replace)
            ? input.map((p) => ({ w: w.split(replace).join(p), d: inputDynamic || dynamic[i] === true }))
            : [{ w, d: dynamic[i] === true }],
        );
        return { words: replaced.map((r) => r.w), dynamic: replaced.map((r) => r.d), via: 'xargs' };
      }
      return {
        words: [...words, ...input],
        dynamic: [...dynamic, ...input.map(() => inputDynamic)],
        via: 'xargs',
      };
    },
  },
  {
    names: SHELLS,
    unwrap: (inv, stdin) => {
      for (let i = 1; i < inv.words.length; i++) {
        const w = inv.words[i] ?? '';
        if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w))
          return { script: inv.words[i + 1] ?? '', via: `${inv.words[0]} -c` };
        if (!w.startsWith('-')) return null; // a script file: not visible to the guard
      }
      if (stdin.length > 0) return { script: stdin.join('\n'), via: `${inv.words[0]} <<here-document` };
      // `echo 'cmd' | sh` runs what is piped in; `curl … | sh` runs what nobody has read.
      if (inv.piped !== null) return { script: inv.piped.join(' '), via: `| ${inv.words[0]}` };
      if (inv.pipedIn === true)
        return { words: ['(a script read from a pipe)'], dynamic: [true], via: `| ${inv.words[0]}` };
      return null;
    },
  },
  {
    names: ['ssh'],
    unwrap: (inv, stdin) => {
      const args = splitArgs(inv.words, SSH_VALUE, 1);
      const host = args.positionals[0];
      if (!host) return null;
      const node = host.replace(/^.*@/, '');
      const hostAt = args.at[0] ?? 0;
      const after = inv.words.slice(hostAt + 1);
      const script = (after[0] === '--' ? after.slice(1) : after).join(' ') || stdin.join('\n');
      return script ? { script, via: `ssh ${node}`, node } : null;
    },
  },
  {
    names: ['kubectl', 'oc'],
    unwrap: (inv) => {
      const args = splitArgs(inv.words, KUBECTL_VALUE, 1);
      const [verb, first] = args.positionals;
      if (verb === 'exec' && args.rest) return from(inv, args.restAt, `kubectl exec ${first ?? ''}`.trim());
      if (verb === 'debug' && args.rest) {
        const node = first?.startsWith('node/') ? first.slice('node/'.length) : undefined;
        return from(inv, args.restAt, `kubectl debug ${first ?? ''}`.trim(), node ? { node } : {});
      }
      if (verb === 'rook-ceph' && first && ['ceph', 'rbd', 'radosgw-admin', 'rados'].includes(first))
        return from(inv, args.at[1] ?? -1, 'kubectl rook-ceph');
      return null;
    },
  },
];

/** Wrapper rows by program name. */
export const WRAPPER_BY_NAME = new Map<string, Wrapper>(
  WRAPPERS.flatMap((w) => w.names.map((n) => [n, w] as const)),
);
