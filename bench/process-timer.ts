/**
 * Times processes for timeInTurns (bench/process-time.ts) from a process that holds nothing
 * else: reads `{ cases, rounds, ok, cwd }` on stdin, runs each case once as a warm-up and then
 * `rounds` times, the cases taking turns (a machine that slows down or speeds up colours each
 * alike), and prints each case's times as JSON.
 */
import { readFileSync } from 'node:fs';
import { type ProcessTime, timeProcess } from './process-time.ts';

const { cases, rounds, ok, cwd } = JSON.parse(readFileSync(0, 'utf8')) as {
  cases: string[][];
  rounds: number;
  ok: number[];
  cwd?: string;
};
const times = cases.map((): ProcessTime[] => []);
for (let round = -1; round < rounds; round++) {
  cases.forEach((args, i) => {
    const t = timeProcess(args, ok, cwd);
    if (round >= 0) times[i]?.push(t);
  });
}
process.stdout.write(JSON.stringify(times));
