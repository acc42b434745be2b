import { readFileSync } from 'node:fs';

/** The Astro build children of process `pid` (their cmdline names astro-build-process). Linux only. */
export function astroChildren(pid: number = process.pid): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((child) => {
      try {
        return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('astro-build-process');
      } catch {
        return false;
      }
    });
}
