import type { FieldReader } from '../../fields.ts';
import type { Json } from '../../model.ts';
import { isUnresolvedName } from '../../unresolved-name.ts';
import { commandLineValues } from '../command-line.ts';
import { configEntries } from '../config-entries.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { linkServiceReferences } from '../service-refs.ts';

/**
 * What a pod spec depends on, shared by bare Pods and every workload's template: claims,
 * inline node-local and NFS volumes, ConfigMaps, Services named in env values, command and args.
 * `pod` is the pod's name and `node` its node when this is a scheduled Pod, not a template.
 */
export function extractPodSpec(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  base: string,
  scheduled: { pod?: string; node?: string } = {},
): void {
  const namespace = reader.object.metadata.namespace ?? '';
  const inline: Json[] = [];
  for (const i of reader.indexes(`${base}.volumes`)) {
    const at = `${base}.volumes[${i}]`;
    const volume = reader.string(`${at}.name`) ?? `#${i}`;
    const claim = reader.string(`${at}.persistentVolumeClaim.claimName`);
    if (claim) {
      linkClaim(
        ctx,
        reader,
        from,
        nodeId('', 'PersistentVolumeClaim', namespace, claim),
        `${at}.persistentVolumeClaim.claimName`,
        volume,
      );
      continue;
    }
    if (reader.record(`${at}.ephemeral`)) {
      // Generic ephemeral volumes get a PVC named <pod>-<volume>; a template has no pod name yet.
      if (scheduled.pod)
        linkClaim(
          ctx,
          reader,
          from,
          nodeId('', 'PersistentVolumeClaim', namespace, `${scheduled.pod}-${volume}`),
          `${at}.ephemeral`,
          volume,
        );
      inline.push({ name: volume, type: 'ephemeral' });
      continue;
    }
    const hostPath = reader.string(`${at}.hostPath.path`);
    if (hostPath !== undefined) {
      inline.push({ name: volume, type: 'hostPath', path: hostPath });
      if (scheduled.node) {
        ctx.edge({
          from,
          to: nodeId('', 'Node', undefined, scheduled.node),
          type: 'mounts',
          source: reader,
          field: `${at}.hostPath.path`,
          why: `volume ${volume} is hostPath ${hostPath} on node ${scheduled.node}`,
        });
      }
      continue;
    }
    const nfsServer = reader.string(`${at}.nfs.server`);
    if (nfsServer) {
      const path = reader.string(`${at}.nfs.path`) ?? '/';
      inline.push({ name: volume, type: 'nfs', server: nfsServer, path });
      ctx.node(nodeId('tierbook.io', 'NFSServer', undefined, nfsServer), { derived: true });
      ctx.edge({
        from,
        to: nodeId('tierbook.io', 'NFSServer', undefined, nfsServer),
        type: 'mounts',
        source: reader,
        field: `${at}.nfs.server`,
        why: `volume ${volume} is NFS export ${nfsServer}:${path}`,
      });
      continue;
    }
    const configMap = reader.string(`${at}.configMap.name`);
    if (configMap) linkConfigMap(ctx, reader, from, namespace, configMap, `${at}.configMap.name`);
    if (reader.record(`${at}.emptyDir`)) inline.push({ name: volume, type: 'emptyDir' });
  }
  if (inline.length > 0) ctx.setAttrs(from, { inlineVolumes: inline });
  const images = new Set<string>();

  for (const list of ['initContainers', 'containers']) {
    for (const c of reader.indexes(`${base}.${list}`)) {
      const container = `${base}.${list}[${c}]`;
      const name = reader.string(`${container}.name`) ?? `#${c}`;
      const image = reader.string(`${container}.image`);
      if (image && list === 'containers') images.add(image);
      for (const e of reader.indexes(`${container}.env`)) {
        const at = `${container}.env[${e}]`;
        const value = reader.string(`${at}.value`);
        const envName = reader.string(`${at}.name`) ?? '';
        if (value)
          linkEnvValue(
            ctx,
            reader,
            from,
            namespace,
            `${at}.value`,
            `env ${envName} of container ${name}`,
            envName,
            value,
          );
        const keyRef = reader.string(`${at}.valueFrom.configMapKeyRef.name`);
        if (keyRef) {
          linkConfigMap(ctx, reader, from, namespace, keyRef, `${at}.valueFrom.configMapKeyRef.name`);
          // The ConfigMap judges the value under its own key; the variable's name counts too.
          const key = reader.string(`${at}.valueFrom.configMapKeyRef.key`);
          const config = ctx.index.get(nodeId('', 'ConfigMap', namespace, keyRef));
          const referenced = key === undefined ? undefined : config?.stringMap('data')[key];
          if (referenced)
            linkEnvValue(
              ctx,
              reader,
              from,
              namespace,
              `${at}.valueFrom.configMapKeyRef.key`,
              `env ${envName} of container ${name} (key ${key} of ConfigMap ${namespace}/${keyRef})`,
              envName,
              referenced,
            );
        }
      }
      linkCommandLine(ctx, reader, from, namespace, container, name);
      for (const e of reader.indexes(`${container}.envFrom`)) {
        const ref = reader.string(`${container}.envFrom[${e}].configMapRef.name`);
        if (ref)
          linkConfigMap(ctx, reader, from, namespace, ref, `${container}.envFrom[${e}].configMapRef.name`);
      }
    }
  }
  if (images.size > 0) ctx.setAttrs(from, { images: [...images].sort() });
}

/**
 * An env value, judged under its variable's name; a JSON value (Paperless'
 * `PAPERLESS_SOCIALACCOUNT_PROVIDERS`) is read like a ConfigMap's, each value under its own key.
 */
function linkEnvValue(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  field: string,
  what: string,
  envName: string,
  value: string,
): void {
  if (!/^\s*[[{]/.test(value)) {
    linkServiceReferences(ctx, reader, from, namespace, value, field, what, envName);
    return;
  }
  for (const entry of configEntries(envName, value)) {
    const where = entry.path ? `${what} at ${entry.path}` : what;
    linkServiceReferences(ctx, reader, from, namespace, entry.value, field, where, entry.name, entry.path);
  }
}

/** Services named in a container's `command` and `args`, each judged under its flag's name. */
function linkCommandLine(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  container: string,
  name: string,
): void {
  const list = (field: string) =>
    reader.indexes(`${container}.${field}`).map((i) => reader.string(`${container}.${field}[${i}]`) ?? '');
  for (const arg of commandLineValues(list('command'), list('args'))) {
    const where = `${arg.list}[${arg.index}]`;
    linkServiceReferences(
      ctx,
      reader,
      from,
      namespace,
      arg.value,
      `${container}.${where}`,
      `${where}${arg.flag ? ` ${arg.flag}` : ''} of container ${name}`,
      arg.name,
    );
  }
}

function linkClaim(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  claim: string,
  field: string,
  volume: string,
): void {
  if (!ctx.index.has(claim)) {
    ctx.node(claim, { missing: true, apiVersion: 'v1' });
    // A claim named by an unresolved Flux variable: which volume it is, and where, is unknown.
    if (isUnresolvedName(claim)) ctx.setAttrs(claim, { classFrom: 'unresolved' });
    ctx.dangling(
      reader,
      field,
      `volume ${volume} uses PVC ${qualifiedName(claim)}, which is not in the inventory`,
    );
  }
  ctx.edge({
    from,
    to: claim,
    type: 'mounts',
    source: reader,
    field,
    why: `volume ${volume} mounts PVC ${qualifiedName(claim)}`,
  });
}

function linkConfigMap(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  name: string,
  field: string,
): void {
  const id = nodeId('', 'ConfigMap', namespace, name);
  // A ConfigMap we did not read tells us nothing about dependencies; no placeholder needed.
  if (!ctx.index.has(id)) return;
  ctx.edge({
    from,
    to: id,
    type: 'uses-config',
    source: reader,
    field,
    why: `uses ConfigMap ${namespace}/${name}`,
  });
}
