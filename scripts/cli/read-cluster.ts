import type { TierbookConfig } from '../../src/core/config/model.ts';
import { ClusterReadError, InputError } from '../../src/core/errors.ts';
import { nothingReadReason } from '../../src/core/sources/nothing-read.ts';
import { readConfig } from '../../src/io/read-config.ts';
import { type ReadSource, readSource, type SourceOptions } from '../../src/io/read-source.ts';
import { type LimitValues, limitsFrom } from './limits.ts';

/** The SOURCE options as parsed by `parse(args, SOURCE_OPTIONS)`. */
export interface SourceValues extends LimitValues {
  from?: string[] | undefined;
  kubeconfig?: string | undefined;
  context?: string | undefined;
  cluster?: string | undefined;
  config?: string | undefined;
  partial?: boolean | undefined;
}

/**
 * What every command that reads a cluster does first: the configuration (`--config FILE`, else
 * ./tierbook.config.yaml, else the defaults) and the source (live, or offline with --from).
 * The configuration is read first so a bad file fails before a slow cluster read.
 * A read that found nothing to answer about (`nothingReadReason`) is an error, never an empty
 * answer: exit 3 for a live cluster, 2 for `--from`. `inventory` opts out (`nothingIsError:
 * false`): its shrink guard refuses the same reads unless `--allow-shrink`.
 */
export async function readClusterAndConfig(
  values: SourceValues,
  options: { nothingIsError?: boolean } = {},
): Promise<{ read: ReadSource; config: TierbookConfig; configFile: string | null }> {
  const limits = limitsFrom(values);
  const { config, file } = await readConfig(values.config, process.cwd());
  const progress = (line: string) => process.stderr.write(`tierbook: ${line}\n`);
  const source: SourceOptions = { from: values.from ?? [], ...limits, progress };
  if (values.kubeconfig) source.kubeconfig = values.kubeconfig;
  if (values.context) source.context = values.context;
  if (values.cluster) source.cluster = values.cluster;
  if (values.partial) source.partial = true;
  const read = await readSource(source);
  reportInput(read);
  if (options.nothingIsError ?? true) refuseNothingRead(read, source.from);
  return { read, config, configFile: file };
}

function refuseNothingRead(read: ReadSource, from: readonly string[]): void {
  const nothing = nothingReadReason(read.result);
  if (nothing === null) return;
  const answer = 'an answer from it would be a false "safe"';
  if (from.length > 0) {
    throw new InputError(`nothing tierbook can use is in it: ${nothing}; ${answer}`, {
      from: { file: from.join(', ') },
    });
  }
  throw new ClusterReadError(`${read.describe}: ${nothing}; ${answer}`);
}

/** Offline input not read, unresolved variables, and whether the result is partial, on stderr. */
function reportInput(read: ReadSource): void {
  const { notRead = [], warnings = [] } = read.result;
  for (const n of notRead) {
    const what = n.needed ? 'skipped (--partial)' : 'not read (holds only kinds tierbook does not use)';
    process.stderr.write(`tierbook: warning: ${n.where}: ${what}: ${n.reason}\n`);
  }
  for (const w of warnings) process.stderr.write(`tierbook: warning: ${w.where}: ${w.reason}\n`);
  const needed = notRead.filter((n) => n.needed).length;
  if (needed > 0) {
    process.stderr.write(
      `tierbook: warning: partial: ${needed} input(s) that may hold kinds tierbook uses were not read; what depends on them may be missing\n`,
    );
  }
}
