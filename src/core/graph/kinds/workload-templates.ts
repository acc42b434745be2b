import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { modelClaim } from './modelled-claims.ts';
import { extractPodSpec } from './pod-spec.ts';

/**
 * Controllers carry a pod template: its volumes are the workload's storage even when it is
 * scaled to zero and no Pod exists.
 */
function templated(group: string, kind: string, plural: string | null, base: string): KindExtractor {
  return {
    group,
    kind,
    reads: plural === null ? [] : [{ group, kind, plural }],
    extract(ctx, reader) {
      const id = idOf(reader);
      ctx.setAttrs(id, { replicas: reader.number('spec.replicas') ?? null });
      extractPodSpec(ctx, reader, id, base);
    },
  };
}

export const deployment = templated('apps', 'Deployment', 'deployments', 'spec.template.spec');
export const replicaSet = templated('apps', 'ReplicaSet', 'replicasets', 'spec.template.spec');
export const daemonSet = templated('apps', 'DaemonSet', 'daemonsets', 'spec.template.spec');
export const job = templated('batch', 'Job', 'jobs', 'spec.template.spec');
export const cronJob = templated('batch', 'CronJob', 'cronjobs', 'spec.jobTemplate.spec.template.spec');
/**
 * Extracted when given, but not read: ReplicationController is not listed live, so the offline
 * filter drops it too (both sources read the same kinds). Reading it is its own change: it would
 * be a core kind (docs/decisions.md).
 */
export const replicationController = templated('', 'ReplicationController', null, 'spec.template.spec');

const statefulSetTemplate = templated('apps', 'StatefulSet', 'statefulsets', 'spec.template.spec');

export const statefulSet: KindExtractor = {
  group: 'apps',
  kind: 'StatefulSet',
  reads: statefulSetTemplate.reads,
  extract(ctx, reader) {
    statefulSetTemplate.extract(ctx, reader);
    ctx.setAttrs(idOf(reader), { ordinalsStart: reader.number('spec.ordinals.start') });
    linkClaimTemplates(ctx, reader);
  },
};

/**
 * `volumeClaimTemplates` give PVCs named `<template>-<statefulset>-<ordinal>`. Ordinals below
 * `replicas` are expected (a placeholder when not read, e.g. from manifests); higher ones
 * that exist are kept storage of a scaled-down set, still this workload's data.
 */
function linkClaimTemplates(ctx: BuildContext, reader: FieldReader): void {
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
    const storageClass = reader.string(`${at}.spec.storageClassName`);
    for (const ordinal of [...ordinals].sort((a, b) => a - b)) {
      modelClaim(ctx, {
        namespace,
        name: `${prefix}${ordinal}`,
        source: reader,
        field: `${at}.metadata.name`,
        subject: `claim template ${template}`,
        storageClass,
        classField: `${at}.spec.storageClassName`,
        size: reader.string(`${at}.spec.resources.requests.storage`),
        why: `claim template ${template} gives ordinal ${ordinal} PVC ${prefix}${ordinal}`,
        attrs: {
          fromTemplate: `${namespace}/${name}`,
          modelled: `StatefulSet ${namespace ? `${namespace}/` : ''}${name}: claims modelled from spec.volumeClaimTemplates (${replicas} replica${replicas === 1 ? '' : 's'}), not read`,
        },
      });
    }
  }
}
