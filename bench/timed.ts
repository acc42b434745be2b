/** CPU milliseconds (user + system, every thread of this process) and wall milliseconds of one step. */
export interface Time {
  cpu: number;
  wall: number;
}

/** Times one step in this process: its CPU and wall milliseconds. */
export async function timed(run: () => unknown): Promise<Time> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall };
}
