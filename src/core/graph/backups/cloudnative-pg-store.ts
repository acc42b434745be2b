import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { referencedNode } from './policy.ts';

const PLUGIN = 'barman-cloud.cloudnative-pg.io';
const PLUGIN_GROUP = 'barmancloud.cnpg.io';

/** Where a CloudNativePG cluster archives to, from the in-tree config or the plugin's ObjectStore. */
export interface ObjectStoreConfig {
  method: string;
  /** The Cluster field that turns it on. */
  field: string;
  /** The object holding the address (the Cluster or the ObjectStore) and the field. */
  reader: FieldReader;
  urlField: string;
  via: string;
  destinationPath: string | null;
  endpoint: string | null;
  /** From the ObjectStore's `status.serverRecoveryWindow`, when the plugin reports it. */
  lastSuccess: string | null;
  lastFailure: string | null;
  notes: string[];
}

export function cnpgObjectStore(ctx: BuildContext, cluster: FieldReader): ObjectStoreConfig | undefined {
  const namespace = cluster.object.metadata.namespace;
  const name = cluster.object.metadata.name;
  if (cluster.record('spec.backup.barmanObjectStore')) {
    const base = 'spec.backup.barmanObjectStore';
    const endpoint = cluster.string(`${base}.endpointURL`) ?? null;
    return {
      method: 'barmanObjectStore',
      field: base,
      reader: cluster,
      urlField: endpoint ? `${base}.endpointURL` : `${base}.destinationPath`,
      via: `Cluster ${qualifiedName(idOf(cluster))} (barmanObjectStore)`,
      destinationPath: cluster.string(`${base}.destinationPath`) ?? null,
      endpoint,
      lastSuccess: null,
      lastFailure: null,
      notes: [],
    };
  }
  for (const i of cluster.indexes('spec.plugins')) {
    if (cluster.string(`spec.plugins[${i}].name`) !== PLUGIN) continue;
    if (cluster.boolean(`spec.plugins[${i}].enabled`) === false) continue;
    const storeName = cluster.string(`spec.plugins[${i}].parameters.barmanObjectName`);
    const serverName = cluster.string(`spec.plugins[${i}].parameters.serverName`) ?? name ?? '';
    const field = `spec.plugins[${i}]`;
    const notes =
      cluster.boolean(`${field}.isWALArchiver`) === true ? [] : ['the plugin is not the WAL archiver'];
    const id = nodeId(PLUGIN_GROUP, 'ObjectStore', namespace, storeName ?? '');
    const store = storeName ? ctx.index.get(id) : undefined;
    if (!store) {
      if (storeName) {
        referencedNode(ctx, id, 'barmancloud.cnpg.io/v1');
        ctx.dangling(
          cluster,
          `${field}.parameters.barmanObjectName`,
          `uses ObjectStore ${qualifiedName(id)}, which is not in the inventory`,
        );
      }
      notes.push(`ObjectStore ${storeName ?? '(unnamed)'} not read: destination unknown`);
      return {
        method: 'barman-cloud plugin',
        field,
        reader: cluster,
        urlField: field,
        via: `Cluster ${qualifiedName(idOf(cluster))}`,
        destinationPath: null,
        endpoint: null,
        lastSuccess: null,
        lastFailure: null,
        notes,
      };
    }
    // Server names may hold dots, so the window is looked up by key, not by field path.
    const window = store.record('status.serverRecoveryWindow')?.[serverName];
    const windowTime = (key: string): string | null => {
      const value =
        typeof window === 'object' && window !== null ? (window as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? value : null;
    };
    const endpoint = store.string('spec.configuration.endpointURL') ?? null;
    return {
      method: 'barman-cloud plugin',
      field,
      reader: store,
      urlField: endpoint ? 'spec.configuration.endpointURL' : 'spec.configuration.destinationPath',
      via: `ObjectStore ${qualifiedName(id)}`,
      destinationPath: store.string('spec.configuration.destinationPath') ?? null,
      endpoint,
      lastSuccess: windowTime('lastSuccessfulBackupTime'),
      lastFailure: windowTime('lastFailedBackupTime'),
      notes,
    };
  }
  return undefined;
}
