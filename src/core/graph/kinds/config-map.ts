import { idOf } from '../object-index.ts';
import { linkServiceReferences } from '../service-refs.ts';
import type { KindExtractor } from './extractor.ts';

/** Service addresses written in configuration files (datasources, app settings). */
export const configMap: KindExtractor = {
  group: '',
  kind: 'ConfigMap',
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    for (const [key, value] of Object.entries(reader.stringMap('data'))) {
      for (const line of value.split('\n')) {
        linkServiceReferences(ctx, reader, id, namespace, line, `data.${key}`, `key ${key}`);
      }
    }
  },
};
