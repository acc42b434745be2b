/**
 * Start-up: `tierbook --help` and `tierbook blast osd/3 --content content` (the committed
 * sample) as whole processes, against a bare `node -e 0` measured in the same run, the three
 * taking turns so a machine that speeds up or slows down colours each alike. Both ways tierbook
 * runs: installed (bin/tierbook.js of a copy laid out as npm installs it, running lib/, built
 * here from this tree with tsc) and the TypeScript source of the clone (scripts/
 * tierbook.ts, Node stripping types). Budget (issue 18 item 3):
 * the median of each run's excess over `node -e 0` (same round) within 150 ms for the built
 * JavaScript; the source's is printed beside it. Exit 1 over budget. `npm run bench -- startup`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeProcess } from './process-time.ts';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 15);
const WARMUP = 2;
const BUDGET_MS = 150;
const SOURCE = join(ROOT, 'scripts', 'tierbook.ts');
const SAMPLE = join(ROOT, 'content');

// The package as npm installs it (node_modules/tierbook: bin/, lib/, package.json), so its
// bin/tierbook.js runs the built JavaScript as a user's does; its dependencies are this clone's.
const installed = mkdtempSync(join(tmpdir(), 'tierbook-startup-bench-'));
const PACKAGE = join(installed, 'node_modules', 'tierbook');
for (const part of ['bin', 'package.json'])
  cpSync(join(ROOT, part), join(PACKAGE, part), { recursive: true });
// Built fresh from this tree (the repository's own lib/ may be stale, and is left alone).
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const built = spawnSync(
  process.execPath,
  [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(PACKAGE, 'lib')],
  { stdio: 'inherit' },
);
if (built.status !== 0) throw new Error('tsc -p tsconfig.build.json failed');
symlinkSync(join(ROOT, 'node_modules'), join(PACKAGE, 'node_modules'), 'dir');
process.on('exit', () => rmSync(installed, { recursive: true, force: true }));

interface Case {
  label: string;
  args: string[];
  /** Held to the budget: the installed package's path. */
  budget: boolean;
}

const commands = (cli: string, budget: boolean, how: string): Case[] => [
  { label: `${how}: tierbook --help`, args: [cli, '--help'], budget },
  {
    label: `${how}: tierbook blast osd/3 --content`,
    args: [cli, 'blast', 'osd/3', '--content', SAMPLE],
    budget,
  },
];
const cases: Case[] = [
  ...commands(join(PACKAGE, 'bin', 'tierbook.js'), true, 'installed'),
  ...commands(SOURCE, false, 'clone, .ts'),
];

const time = (args: string[]) => timeProcess(args, [0], ROOT);

type Figure = 'wall' | 'cpu';
const FIGURES: readonly Figure[] = ['wall', 'cpu'];
const base = { wall: [] as number[], cpu: [] as number[] };
const runs = cases.map(() => ({
  wall: { ms: [] as number[], excess: [] as number[], ratio: [] as number[] },
  cpu: { ms: [] as number[], excess: [] as number[], ratio: [] as number[] },
}));
let cpuKnown = true;
for (let round = -WARMUP; round < ROUNDS; round++) {
  const node = time(['-e', '0']);
  const these = cases.map((c) => time(c.args));
  if (round < 0) continue;
  for (const figure of FIGURES) {
    const b = node[figure];
    if (b === null) {
      cpuKnown = false;
      continue;
    }
    base[figure].push(b);
    these.forEach((t, i) => {
      const r = (runs[i] as (typeof runs)[number])[figure];
      const ms = t[figure] ?? Number.NaN;
      r.ms.push(ms);
      r.excess.push(ms - b);
      r.ratio.push(ms / Math.max(b, 1));
    });
  }
}

const say = (text: string) => process.stdout.write(`${text}\n`);
// On a shared machine wall time stretches with everyone else's work; the CPU the process
// itself spent does not, so the budget is held on CPU where Linux reports it, wall elsewhere.
const gated: Figure = cpuKnown ? 'cpu' : 'wall';
say(
  `Node ${process.versions.node}; ${ROUNDS} rounds after ${WARMUP} warm-up, medians; each round: node -e 0, then every case`,
);
say('');
for (const figure of cpuKnown ? FIGURES : (['wall'] as const)) {
  say(
    `${`${figure === 'wall' ? 'wall' : 'CPU (user+sys)'}`.padEnd(44)} ${'ms'.padStart(8)} ${'- node'.padStart(8)} ${'× node'.padStart(7)}`,
  );
  say(`${'  baseline: node -e 0'.padEnd(44)} ${median(base[figure]).toFixed(0).padStart(8)}`);
  cases.forEach((c, i) => {
    const r = (runs[i] as (typeof runs)[number])[figure];
    const excess = median(r.excess);
    const verdict =
      c.budget && figure === gated ? (excess <= BUDGET_MS ? '  within budget' : '  OVER BUDGET') : '';
    say(
      `${`  ${c.label}`.padEnd(44)} ${median(r.ms).toFixed(0).padStart(8)} ${excess.toFixed(0).padStart(8)} ${median(r.ratio).toFixed(2).padStart(7)}${verdict}`,
    );
  });
  say('');
}
const over = cases.filter(
  (c, i) => c.budget && median((runs[i] as (typeof runs)[number])[gated].excess) > BUDGET_MS,
);
say(
  `budget: the installed CLI within ${BUDGET_MS} ms of node -e 0 (median excess, ${gated === 'cpu' ? 'CPU' : 'wall'}): ${over.length === 0 ? 'met' : 'NOT met'}`,
);
process.exitCode = over.length === 0 ? 0 : 1;
