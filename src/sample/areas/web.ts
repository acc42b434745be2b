/**
 * Public, stateless sites: no volumes, no auth, no database. They kept serving through the
 * incident and are the sample's tier-4 baseline.
 */

import { deployment } from '../build/deployment.ts';
import { ingress, namespace, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';

const NS = 'web';
const CREATED = '2025-03-23T08:10:51Z';

interface Site {
  name: string;
  image: string;
  host: string;
  port: number;
  nodes: string[];
  revision: number;
  created: string;
}

const SITES: Site[] = [
  {
    name: 'homepage',
    image: 'ghcr.io/gethomepage/homepage:v0.9.13',
    host: 'home.example.home',
    port: 3000,
    nodes: ['k8s-1', 'k8s-3'],
    revision: 11,
    created: CREATED,
  },
  {
    name: 'blog',
    image: 'registry.example.home/web/blog:2026.11.18',
    host: 'blog.example.org',
    port: 8080,
    nodes: ['k8s-2'],
    revision: 37,
    created: '2025-04-12T16:47:30Z',
  },
];

export function web(sample: Sample): void {
  namespace(sample, 'web', NS, shift(CREATED, -60));
  for (const site of SITES) {
    const labels = { 'app.kubernetes.io/instance': site.name, 'app.kubernetes.io/name': site.name };
    deployment(sample, {
      file: 'web',
      name: site.name,
      namespace: NS,
      created: site.created,
      selector: labels,
      revision: site.revision,
      nodes: site.nodes,
      podsStarted: shift(LAST_REBOOT, 2100 + site.revision),
      template: {
        labels,
        spec: {
          containers: [
            {
              name: site.name,
              image: site.image,
              ports: [{ containerPort: site.port, name: 'http', protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 10 },
              resources: { requests: { cpu: '20m', memory: '64Mi' } },
            },
          ],
        },
      },
    });
    service(sample, {
      file: 'web',
      name: site.name,
      namespace: NS,
      created: shift(site.created, 1),
      selector: labels,
      labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    });
    ingress(sample, {
      file: 'web',
      name: site.name,
      namespace: NS,
      created: shift(site.created, 2),
      className: 'nginx',
      host: site.host,
      serviceName: site.name,
      servicePort: 'http',
      labels,
    });
  }
}
