import { availableParallelism, cpus, hostname, totalmem } from 'node:os';

/**
 * What every benchmark's Markdown says about where it ran: CPU model and count, memory, Node,
 * the date. run.ts puts the same at the top of bench/RESULTS.md.
 */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${hostname()}: ${cpu}, ${availableParallelism()} CPUs, ${memory}, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A Markdown table; cells are written as given. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
export const ratio = (value: number | undefined): string =>
  value === undefined ? 'n/a' : `${value.toFixed(2)}×`;
