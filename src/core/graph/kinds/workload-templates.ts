import type { FieldReader } from '../../fields.ts';
import { isUnresolvedName } from '../../unresolved-name.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { extractPodSpec } from './pod-spec.ts';

/**
 * Controllers carry a pod template: its volumes are the workload's storage even when it is
 * scaled to zero and no Pod exists.
 */
function templated(group: string, kind: string, base: string): KindExtractor {
  return {
    group,
    kind,
    extract(ctx, reader) {
      const id = idOf(reader);
      ctx.setAttrs(id, { replicas: reader.number('spec.replicas') ?? null });
      extractPodSpec(ctx, reader, id, base);
    },
  };
}

export const deployment = templated('apps', 'Deployment', 'spec.template.spec');
export const replicaSet = templated('apps', 'ReplicaSet', 'spec.template.spec');
export const daemonSet = templated('apps', 'DaemonSet', 'spec.template.spec');
export const job = templated('batch', 'Job', 'spec.template.spec');
export const cronJob = templated('batch', 'CronJob', 'spec.jobTemplate.spec.template.spec');
export const replicationController = templated('', 'ReplicationController', 'spec.template.spec');

const statefulSetTemplate = templated('apps', 'StatefulSet', 'spec.template.spec');

export const statefulSet: KindExtractor = {
  group: 'apps',
  kind: 'StatefulSet',
  extract(ctx, reader) {
    statefulSetTemplate.extract(ctx, reader);
    linkClaimTemplates(ctx, reader);
  },
};

/**
 * `volumeClaimTemplates` give PVCs named `<template>-<statefulset>-<ordinal>`. Ordinals below
 * `replicas` are expected (a placeholder when not read, e.g. from manifests); higher ones
 * that exist are kept storage of a scaled-down set, still this workload's data.
 */
function linkClaimTemplates(ctx: BuildContext, reader: FieldReader): void {
  const id = idOf(reader);
  const name = reader.object.metadata.name ?? '';
  const namespace = reader.object.metadata.namespace ?? '';
  const replicas = reader.number('spec.replicas') ?? 1;
  const start = reader.number('spec.ordinals.start') ?? 0;
  for (const t of reader.indexes('spec.volumeClaimTemplates')) {
    const at = `spec.volumeClaimTemplates[${t}]`;
    const template = reader.string(`${at}.metadata.name`);
    if (!template) continue;
    const prefix = `${template}-${name}-`;
    const ordinals = new Set<number>();
    for (let i = start; i < start + replicas; i++) ordinals.add(i);
    for (const pvc of ctx.index.inNamespace('', 'PersistentVolumeClaim', namespace)) {
      const pvcName = pvc.object.metadata.name ?? '';
      if (!pvcName.startsWith(prefix)) continue;
      const ordinal = pvcName.slice(prefix.length);
      if (/^\d+$/.test(ordinal)) ordinals.add(Number(ordinal));
    }
    const className = reader.string(`${at}.spec.storageClassName`);
    for (const ordinal of [...ordinals].sort((a, b) => a - b)) {
      const claim = nodeId('', 'PersistentVolumeClaim', namespace, `${prefix}${ordinal}`);
      if (!ctx.index.has(claim)) {
        ctx.node(claim, { missing: true, apiVersion: 'v1' });
        ctx.setAttrs(claim, { fromTemplate: `${namespace}/${name}` });
        if (className && isUnresolvedName(className)) {
          // A Flux variable nothing substituted: the class is unknown, not a class of that name.
          ctx.setAttrs(claim, { classFrom: 'unresolved', unresolvedClass: className });
        } else if (className) {
          ctx.edge({
            from: claim,
            to: nodeId('storage.k8s.io', 'StorageClass', undefined, className),
            type: 'uses-class',
            source: reader,
            field: `${at}.spec.storageClassName`,
            why: `claim template ${template} asks for StorageClass ${className}`,
          });
        }
      }
      ctx.edge({
        from: id,
        to: claim,
        type: 'mounts',
        source: reader,
        field: `${at}.metadata.name`,
        why: `claim template ${template} gives ordinal ${ordinal} PVC ${prefix}${ordinal}`,
      });
    }
  }
}
