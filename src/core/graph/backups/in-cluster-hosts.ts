import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { compare } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';

/** The first Service (by rule order) an Ingress serves `host` with, if any Ingress does. */
export function ingressServicesForHost(
  ctx: BuildContext,
  host: string,
): { ingress: FieldReader; service: string } | undefined {
  const ingresses = [...ctx.index.ofKind('networking.k8s.io', 'Ingress')].sort((a, b) =>
    compare(idOf(a), idOf(b)),
  );
  for (const ingress of ingresses) {
    const namespace = ingress.object.metadata.namespace ?? '';
    for (const r of ingress.indexes('spec.rules')) {
      if (ingress.string(`spec.rules[${r}].host`)?.toLowerCase() !== host) continue;
      for (const p of ingress.indexes(`spec.rules[${r}].http.paths`)) {
        const name =
          ingress.string(`spec.rules[${r}].http.paths[${p}].backend.service.name`) ??
          ingress.string(`spec.rules[${r}].http.paths[${p}].backend.serviceName`);
        if (name) return { ingress, service: nodeId('', 'Service', namespace, name) };
      }
    }
  }
  return undefined;
}

/** A Service whose cluster, external or load-balancer IP is `address`, or a Node with it. */
export function serviceWithAddress(
  ctx: BuildContext,
  address: string,
): { id: string; why: string } | undefined {
  if (!/^[0-9.]+$|:/.test(address)) return undefined;
  for (const service of ctx.index.ofKind('', 'Service')) {
    const addresses = [
      service.string('spec.clusterIP'),
      service.string('spec.loadBalancerIP'),
      ...service.strings('spec.externalIPs'),
      ...service
        .indexes('status.loadBalancer.ingress')
        .map((i) => service.string(`status.loadBalancer.ingress[${i}].ip`)),
    ];
    if (addresses.includes(address)) {
      const id = idOf(service);
      return { id, why: `${address} is an address of Service ${qualifiedName(id)}` };
    }
  }
  for (const node of ctx.index.ofKind('', 'Node')) {
    const addresses = node
      .indexes('status.addresses')
      .map((i) => node.string(`status.addresses[${i}].address`));
    if (addresses.includes(address)) {
      const id = idOf(node);
      return { id, why: `${address} is an address of node ${node.object.metadata.name}, inside the cluster` };
    }
  }
  return undefined;
}
