import type { TierbookConfig } from '../../src/core/config/model.ts';
import { readConfig } from '../../src/io/read-config.ts';
import { type ReadSource, readSource, type SourceOptions } from '../../src/io/read-source.ts';

/** The SOURCE options as parsed by `parse(args, SOURCE_OPTIONS)`. */
export interface SourceValues {
  from?: string[] | undefined;
  kubeconfig?: string | undefined;
  context?: string | undefined;
  cluster?: string | undefined;
  config?: string | undefined;
}

/**
 * What every command that reads a cluster does first: the configuration (`--config FILE`, else
 * ./tierbook.config.yaml, else the defaults) and the source (live, or offline with --from).
 * The configuration is read first so a bad file fails before a slow cluster read.
 */
export async function readClusterAndConfig(
  values: SourceValues,
): Promise<{ read: ReadSource; config: TierbookConfig; configFile: string | null }> {
  const { config, file } = await readConfig(values.config, process.cwd());
  const source: SourceOptions = { from: values.from ?? [] };
  if (values.kubeconfig) source.kubeconfig = values.kubeconfig;
  if (values.context) source.context = values.context;
  if (values.cluster) source.cluster = values.cluster;
  return { read: await readSource(source), config, configFile: file };
}
