import { compare } from '../graph/context.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { rootOf, type Workload } from './workloads.ts';

/** Workload A needs workload B to serve, and the chain of reasons, each one an edge's `why`. */
export interface Dependency {
  workload: string;
  via: 'service' | 'config' | 'sign-in' | 'forward-auth' | 'nfs';
  why: string[];
}

/**
 * App → app edges: a Service named in env, args or a ConfigMap (graph/service-refs.ts decides
 * what names one), an identity provider an app signs in through (an OIDC issuer URL), an
 * Ingress whose forward-auth goes to an identity provider, an NFS export served in-cluster. Each resolved to the workloads whose
 * pods (or pod templates) the Service selects.
 */
export function workloadDependencies(
  index: GraphIndex,
  workloads: readonly Workload[],
): Map<string, Dependency[]> {
  const ownerOf = new Map<string, string>();
  for (const w of workloads) for (const id of [w.id, ...w.members]) ownerOf.set(id, w.id);
  const deps = new Map<string, Map<string, Dependency>>();
  const add = (from: string, dep: Dependency) => {
    if (from === dep.workload) return;
    const mine = deps.get(from) ?? new Map<string, Dependency>();
    deps.set(from, mine);
    const key = `${dep.workload}\0${dep.via}`;
    if (!mine.has(key)) mine.set(key, dep);
  };
  const serviceWorkloads = (service: string) =>
    [...new Set(index.out(service, 'selects').map((e) => ownerOf.get(e.to) ?? rootOf(index, e.to)))].sort(
      compare,
    );

  for (const w of workloads) {
    for (const member of [w.id, ...w.members]) {
      for (const ref of index.out(member, 'references')) {
        for (const target of serviceWorkloads(ref.to))
          add(w.id, { workload: target, via: 'service', why: [ref.why] });
      }
      for (const ref of index.out(member, 'signs-in-with')) {
        for (const target of serviceWorkloads(ref.to))
          add(w.id, { workload: target, via: 'sign-in', why: [ref.why] });
      }
      for (const config of index.out(member, 'uses-config')) {
        for (const ref of index.out(config.to, 'references')) {
          for (const target of serviceWorkloads(ref.to))
            add(w.id, { workload: target, via: 'config', why: [config.why, ref.why] });
        }
        for (const ref of index.out(config.to, 'signs-in-with')) {
          for (const target of serviceWorkloads(ref.to))
            add(w.id, { workload: target, via: 'sign-in', why: [config.why, ref.why] });
        }
      }
    }
  }
  for (const ingress of index.graph.nodes.filter((n) => n.kind === 'Ingress' || n.kind === 'IngressRoute')) {
    const auths = index.out(ingress.id, 'forward-auth');
    if (auths.length === 0) continue;
    for (const route of index.out(ingress.id, 'routes-to')) {
      for (const app of serviceWorkloads(route.to)) {
        for (const auth of auths) {
          for (const idp of serviceWorkloads(auth.to)) {
            add(app, {
              workload: idp,
              via: 'forward-auth',
              why: [`${ingress.kind} ${ingress.namespace}/${ingress.name} ${route.why}`, auth.why],
            });
          }
        }
      }
    }
  }
  for (const pv of index.graph.nodes.filter((n) => n.kind === 'PersistentVolume')) {
    const served = index.out(pv.id, 'served-by').filter((e) => index.node(e.to)?.kind === 'Service');
    if (served.length === 0) continue;
    for (const claimEdge of index.in(pv.id, 'bound-to')) {
      for (const mount of index.in(claimEdge.from, 'mounts')) {
        const user = ownerOf.get(mount.from);
        if (!user) continue;
        for (const s of served)
          for (const server of serviceWorkloads(s.to))
            add(user, { workload: server, via: 'nfs', why: [mount.why, s.why] });
      }
    }
  }
  const out = new Map<string, Dependency[]>();
  for (const [id, mine] of deps) {
    out.set(
      id,
      [...mine.values()].sort((a, b) => compare(a.workload, b.workload) || compare(a.via, b.via)),
    );
  }
  return out;
}
