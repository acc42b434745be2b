/**
 * Runs every bench/*.bench.ts in order, each in its own process (so one benchmark's heap and
 * JIT state do not colour the next), and writes bench/RESULTS.md. `npm run bench`, or
 * `npm run bench -- blast` for the benchmarks whose file name contains "blast"; options after
 * the filter (`--ci`, `--workloads 250`) are passed to each benchmark.
 *
 * Each benchmark prints its section of RESULTS.md as Markdown on stdout, starting with a `## `
 * heading (output that does not is kept as a text block under a heading naming the file);
 * progress goes to stderr. bench/NOTES-<name>.md, when present (what was hot, what changed),
 * follows its section. A run replaces the sections of the benchmarks it ran and keeps the
 * others, each section saying where and when it was measured. `--ci` writes nothing: CI only
 * wants the exit code (a benchmark exits 1 when a ratio regressed).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine } from './report.ts';

const args = process.argv.slice(2);
const filter = args[0]?.startsWith('-') === false ? args[0] : '';
const passed = filter === '' ? args : args.slice(1);
const ci = passed.includes('--ci');
const dir = import.meta.dirname;
const resultsFile = join(dir, 'RESULTS.md');
/** Opens each section of RESULTS.md: `<!-- bench: live.bench.ts -->`. */
const MARK = '<!-- bench: ';
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();

const sections = readSections(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '');
let failed = 0;
for (const name of benches) {
  process.stderr.write(`\n== ${name}\n`);
  const { code, stdout } = await runBench(join(dir, name), passed);
  if (code !== 0) failed++;
  sections.set(name, section(name, stdout, code));
}
if (benches.length === 0) process.stdout.write(`no benchmark matches "${filter}"\n`);
else if (!ci) {
  writeFileSync(resultsFile, results(sections));
  process.stderr.write(`\nwrote ${resultsFile}\n`);
}
process.exitCode = failed > 0 ? 1 : 0;

/** Runs one benchmark, its stdout shown as it comes and kept; stderr passed through. */
function runBench(
  file: string,
  options: readonly string[],
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...options], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      stdout += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

function section(name: string, stdout: string, code: number | null): string {
  const text = stdout.trim();
  const body = text.startsWith('## ') ? text : `## ${name}\n\n\`\`\`text\n${text}\n\`\`\``;
  const [heading, ...rest] = body.split('\n');
  const failure = code === 0 ? '' : `\n\n**The benchmark failed (exit ${code}); what it printed is above.**`;
  const notesFile = join(dir, `NOTES-${name.replace(/\.bench\.ts$/, '')}.md`);
  const notes = existsSync(notesFile) ? `\n\n${readFileSync(notesFile, 'utf8').trim()}` : '';
  return `${MARK}${name} -->\n${heading}\n\n_Measured on ${machineLine()}._\n${rest.join('\n')}${failure}${notes}\n`;
}

/** The sections of an earlier RESULTS.md, by benchmark file name. */
function readSections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(MARK).slice(1);
  for (const part of parts) {
    const end = part.indexOf(' -->');
    if (end > 0) found.set(part.slice(0, end), `${MARK}${part.trimEnd()}\n`);
  }
  return found;
}

function results(all: ReadonlyMap<string, string>): string {
  const names = [...all.keys()].sort();
  return [
    '# Benchmark results\n',
    'Written by `npm run bench` (bench/run.ts): each benchmark measures tierbook against a baseline',
    'in the same run and prints the ratio beside the raw times; ratios travel between machines, wall',
    'times do not. Each section says where and when it was last measured; `npm run bench -- NAME`',
    "replaces only that benchmark's section. Budgets: issue 18.\n",
    `Last run: ${machineLine()} (${benches.join(', ')}).\n`,
    ...names.map((name) => all.get(name) as string),
  ].join('\n');
}
