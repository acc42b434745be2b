import { ADDRESS_SHORT_FLAGS } from './address-names.ts';

/**
 * A container's `command` and `args` read as one command line, so a flag's value is judged
 * under the flag's name like an env value under its variable's: `--db-host=postgres`,
 * `--upstream http://app:8080`, `pg_isready -h db` (only the short flags of one table). Items
 * are split at white space, so a `sh -c` script's own flags and `KEY=value` words count too.
 */
export interface CommandLineValue {
  /** The flag as written (`--db-host`, `-h`); absent for a positional word. */
  flag?: string;
  /** The name to judge the value under (`--db-host`; `-h (host)` for `-h`). */
  name?: string;
  value: string;
  /** Which list and item the value came from: `args`, 2. */
  list: 'command' | 'args';
  index: number;
}

const LONG_WITH_VALUE = /^(--?[A-Za-z][\w.-]+)=(.*)$/;
const LONG = /^--?[A-Za-z][\w.-]+$/;
const SHORT = /^-([A-Za-z])$/;

export function commandLineValues(command: readonly string[], args: readonly string[]): CommandLineValue[] {
  const words: { text: string; list: 'command' | 'args'; index: number }[] = [];
  for (const [list, items] of [
    ['command', command],
    ['args', args],
  ] as const) {
    items.forEach((item, index) => {
      for (const text of item.split(/\s+/)) if (text) words.push({ text, list, index });
    });
  }
  const out: CommandLineValue[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    const at = { list: word.list, index: word.index };
    const withValue = LONG_WITH_VALUE.exec(word.text);
    if (withValue?.[1] && withValue[2]) {
      out.push({ flag: withValue[1], name: withValue[1], value: withValue[2], ...at });
      continue;
    }
    const next = words[i + 1];
    const short = SHORT.exec(word.text);
    const mapped = short?.[1] ? ADDRESS_SHORT_FLAGS[short[1]] : undefined;
    const flagName = mapped ? `${word.text} (${mapped})` : LONG.test(word.text) ? word.text : undefined;
    if (flagName !== undefined && next && !next.text.startsWith('-')) {
      out.push({ flag: word.text, name: flagName, value: next.text, list: next.list, index: next.index });
      i++;
      continue;
    }
    if (short || LONG.test(word.text)) continue;
    out.push({ value: word.text, ...at });
  }
  return out;
}
