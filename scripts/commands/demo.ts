import { fileURLToPath } from 'node:url';
import { parse } from '../cli/args.ts';
import { inventoryCommand } from './inventory.ts';

export const SAMPLE_CLUSTER = fileURLToPath(new URL('../../src/sample/cluster', import.meta.url));
/** The sample is a snapshot: its inventory is always taken at the same moment. */
export const SAMPLE_NOW = '2026-11-24T06:00:00Z';
export const SAMPLE_NAME = 'sample-homelab';

export const HELP = `tierbook demo [--out DIR] [--check]

Inventories the built-in sample cluster (a Rook-Ceph homelab, see src/sample/README.md) into
DIR (default: content/). With --check, writes nothing and exits 1 if DIR is not current.`;

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, check: { type: 'boolean' } });
  return inventoryCommand([
    '--from',
    SAMPLE_CLUSTER,
    '--now',
    SAMPLE_NOW,
    '--cluster',
    SAMPLE_NAME,
    '--out',
    values.out ?? 'content',
    ...(values.check ? ['--check'] : []),
  ]);
}
