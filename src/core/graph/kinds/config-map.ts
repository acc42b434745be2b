import { coreKind } from '../../sources/resource-type.ts';
import { configEntries } from '../config-entries.ts';
import { idOf } from '../object-index.ts';
import { linkServiceReferences } from '../service-refs.ts';
import type { KindExtractor } from './extractor.ts';

/**
 * Service addresses written in configuration files (datasources, app settings), each value
 * judged under the key it is written under (config-entries.ts).
 */
export const configMap: KindExtractor = {
  group: '',
  kind: 'ConfigMap',
  reads: [coreKind('ConfigMap', 'configmaps')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    for (const [key, value] of Object.entries(reader.stringMap('data'))) {
      for (const entry of configEntries(key, value)) {
        const where = entry.path ? `key ${key} at ${entry.path}` : `key ${key}`;
        linkServiceReferences(
          ctx,
          reader,
          id,
          namespace,
          entry.value,
          `data.${key}`,
          where,
          entry.name,
          entry.path,
        );
      }
    }
  },
};
