import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SOURCE_OPTIONS } from '../../scripts/cli/args.ts';
import { fitHelp } from '../../scripts/cli/fit-help.ts';
import { CONTENT_OPTION } from '../../scripts/cli/load-inventory.ts';
import { OUTPUT_OPTIONS } from '../../scripts/cli/output.ts';
import { progressLine } from '../../scripts/cli/progress.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'tierbook.ts');

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The commands, as the top-level help lists them. */
function commands(usage: string): string[] {
  const section = usage.slice(usage.indexOf('Commands:'), usage.indexOf('\n\n', usage.indexOf('Commands:')));
  return [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1] as string);
}

/** The options a command's parse() call accepts, read from its source (scripts/commands/<name>.ts). */
function optionsOf(name: string): string[] {
  const source = readFileSync(join(ROOT, 'scripts', 'commands', `${name}.ts`), 'utf8');
  const call = source.slice(/parse\(\s*\w+,\s*\{/.exec(source)?.index ?? source.length);
  // The options object ends at the first line that closes it: "  }" or "  })".
  const table = call.slice(0, /\n\s*\}\)?[,;]?\n/.exec(call)?.index ?? 0);
  const own = [...table.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type:/gm)].map((m) => m[1] as string);
  const spread = (name: string, keys: Record<string, unknown>) =>
    table.includes(`...${name}`) ? Object.keys(keys) : [];
  return [
    ...spread('SOURCE_OPTIONS', SOURCE_OPTIONS),
    ...spread('OUTPUT_OPTIONS', OUTPUT_OPTIONS),
    ...spread('CONTENT_OPTION', CONTENT_OPTION),
    ...own,
  ];
}

/** A command that takes no option at all says so in its source: `parse(args, {}`. */
function takesNoOption(name: string): boolean {
  return /parse\(args, \{\}/.test(readFileSync(join(ROOT, 'scripts', 'commands', `${name}.ts`), 'utf8'));
}

const columns = (line: string) => [...line].length;

test('every help fits 80 columns and lists every option its command takes', () => {
  const usage = tierbook('--help');
  assert.equal(usage.code, 0);
  const names = commands(usage.stdout);
  assert.ok(names.length >= 5, names.join(' '));
  for (const line of usage.stdout.split('\n')) assert.ok(columns(line) <= 80, `tierbook --help: ${line}`);
  for (const name of names) {
    const help = tierbook(name, '--help');
    assert.equal(help.code, 0, name);
    assert.deepEqual(tierbook('help', name).stdout, help.stdout, `tierbook help ${name}`);
    for (const line of help.stdout.split('\n')) assert.ok(columns(line) <= 80, `${name} --help: ${line}`);
    const options = optionsOf(name);
    assert.ok(options.length > 0 || takesNoOption(name), `${name}: found its options`);
    for (const option of options)
      assert.match(help.stdout, new RegExp(`--${option}\\b`), `${name} --help lists --${option}`);
  }
});

test('a mistyped option is answered in tierbook words with the closest one, exit 2', () => {
  const run = tierbook('check', '--fron', 'dump/');
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /^tierbook: unknown option --fron \(did you mean --from\?\); "tierbook check --help" lists its options/,
  );
  assert.doesNotMatch(run.stderr, /Unknown option|ERR_PARSE_ARGS|at .*\.ts:/);
  const missing = tierbook('build', '--out');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /option --out needs a value/);
});

test('fitHelp reflows only what is too wide, at the hanging indent', () => {
  const text = [
    'tierbook x [--one A] [--two B] [--three C] [--four D] [--five E] [--six F] [--seven G]',
    '  --max-bytes SIZE the most bytes read from one API response or one --from file (default',
    '                   256MiB): a response over it is cut off',
    '  --ok        short',
  ].join('\n');
  assert.deepEqual(fitHelp(text).split('\n'), [
    'tierbook x [--one A] [--two B] [--three C] [--four D] [--five E] [--six F]',
    '           [--seven G]',
    '  --max-bytes SIZE the most bytes read from one API response or one --from file',
    '                   (default 256MiB): a response over it is cut off',
    '  --ok        short',
  ]);
});

test('progress lines go to a terminal only, never with --quiet', () => {
  const written: string[] = [];
  const tty = { isTTY: true, write: (t: string) => written.push(t) };
  progressLine(false, tty)?.('drawing 3 diagrams');
  assert.deepEqual(written, ['tierbook: drawing 3 diagrams…\n']);
  assert.equal(progressLine(true, tty), undefined);
  assert.equal(progressLine(false, { isTTY: false, write: (t: string) => written.push(t) }), undefined);
  // Through the CLI, stderr is a pipe: the build says nothing but its errors.
  const run = tierbook('build', '--content', 'no-such-dir', '--out', 'no-such-out');
  assert.equal(run.code, 2);
  assert.doesNotMatch(run.stderr, /…/);
});
