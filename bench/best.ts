/** The fastest of `rounds` runs, in milliseconds: the least disturbed by other work. */
export function best(run: () => unknown, rounds = 5): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}
