/**
 * tierbook's live read alone, as its own process: `readSource` through the real kubeconfig
 * transport (discovery, then every kind tierbook reads, paged), nothing built or written after
 * it. Separates the read from the inventory's graph, analyses and pages in the live benchmark.
 * argv: KUBECONFIG. Prints the number of objects read and of kinds not read.
 */
import { readSource } from '../../src/io/read-source.ts';

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: read-only.ts KUBECONFIG');
const { result } = await readSource({ from: [], kubeconfig });
process.stdout.write(`${result.items.length} ${result.unreadable.length}\n`);
