/**
 * One CloudNativePG instance: its Pod `<cluster>-<n>` and PVCs, owned by the Cluster and labelled
 * with the cluster, instance name and role, as cloudnative-pg pkg/specs pods.go and pvcs.go do.
 */
import { safeSuffix, sha256 } from '../build/ids.ts';
import { pod } from '../build/pods.ts';
import type { Sample } from '../build/sample.ts';
import { shift } from '../build/time.ts';
import type { KubeObject, Volume } from '../build/types.ts';
import { claim } from '../build/volumes.ts';
import { CNPG_VERSION, type CnpgInput, POSTGRES_IMAGE } from './cnpg-input.ts';

export function instance(
  sample: Sample,
  input: CnpgInput,
  cluster: KubeObject,
  node: string,
  serial: number,
): void {
  const { name, namespace } = input;
  const instanceName = `${name}-${serial}`;
  const role = serial === 1 ? 'primary' : 'replica';
  const roleLabels = {
    'cnpg.io/cluster': name,
    'cnpg.io/instanceName': instanceName,
    'cnpg.io/instanceRole': role,
    role,
  };
  const annotations = { 'cnpg.io/nodeSerial': String(serial), 'cnpg.io/operatorVersion': CNPG_VERSION };
  const pvcCreated = shift(input.created, serial * 70);
  claim(sample, {
    file: input.file,
    name: instanceName,
    namespace,
    ...input.storage,
    created: pvcCreated,
    labels: { ...roleLabels, 'cnpg.io/pvcRole': 'PG_DATA' },
    annotations: { ...annotations, 'cnpg.io/pvcStatus': 'ready' },
    owners: [cluster],
  });
  const volumes: Volume[] = [{ name: 'pgdata', persistentVolumeClaim: { claimName: instanceName } }];
  const mounts = [{ mountPath: '/var/lib/postgresql/data', name: 'pgdata' }];
  if (input.walStorage) {
    claim(sample, {
      file: input.file,
      name: `${instanceName}-wal`,
      namespace,
      ...input.walStorage,
      created: shift(pvcCreated, 1),
      labels: { ...roleLabels, 'cnpg.io/pvcRole': 'PG_WAL' },
      annotations: { ...annotations, 'cnpg.io/pvcStatus': 'ready' },
      owners: [cluster],
    });
    volumes.push({ name: 'pg-wal', persistentVolumeClaim: { claimName: `${instanceName}-wal` } });
    mounts.push({ mountPath: '/var/lib/postgresql/wal', name: 'pg-wal' });
  }
  const scratch = [
    { mountPath: '/controller', name: 'scratch-data' },
    { mountPath: '/run', name: 'scratch-data' },
    { mountPath: '/dev/shm', name: 'shm' },
    { mountPath: '/etc/app-secret', name: 'app-secret' },
  ];
  pod(sample, {
    file: input.file,
    name: instanceName,
    namespace,
    node,
    owner: cluster,
    started: shift(input.podsStarted, serial * 60),
    template: {
      labels: { ...roleLabels, 'cnpg.io/podRole': 'instance' },
      annotations: {
        ...annotations,
        'cnpg.io/podEnvHash': safeSuffix(`env/${namespace}/${name}`, 10),
        'cnpg.io/podSpec': sha256(`podspec/${namespace}/${name}`).slice(0, 16),
      },
      spec: {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                podAffinityTerm: {
                  labelSelector: {
                    matchExpressions: [{ key: 'cnpg.io/cluster', operator: 'In', values: [name] }],
                  },
                  topologyKey: 'kubernetes.io/hostname',
                },
                weight: 100,
              },
            ],
          },
        },
        containers: [
          {
            name: 'postgres',
            image: POSTGRES_IMAGE,
            command: ['/controller/manager', 'instance', 'run', '--log-level=info'],
            env: [
              { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
              { name: 'POD_NAME', value: instanceName },
              { name: 'NAMESPACE', value: namespace },
              { name: 'CLUSTER_NAME', value: name },
              { name: 'PSQL_HISTORY', value: '/controller/tmp/.psql_history' },
              { name: 'PGPORT', value: '5432' },
              { name: 'PGHOST', value: '/controller/run' },
            ],
            ports: [
              { containerPort: 5432, name: 'postgresql', protocol: 'TCP' },
              { containerPort: 9187, name: 'metrics', protocol: 'TCP' },
              { containerPort: 8000, name: 'status', protocol: 'TCP' },
            ],
            readinessProbe: {
              failureThreshold: 3,
              httpGet: { path: '/readyz', port: 8000, scheme: 'HTTPS' },
              periodSeconds: 10,
              successThreshold: 1,
              timeoutSeconds: 5,
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              privileged: false,
              readOnlyRootFilesystem: true,
              runAsNonRoot: true,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            volumeMounts: [...mounts, ...scratch],
          },
        ],
        hostname: instanceName,
        initContainers: [
          {
            name: 'bootstrap-controller',
            image: `ghcr.io/cloudnative-pg/cloudnative-pg:${CNPG_VERSION}`,
            command: ['/manager', 'bootstrap', '/controller/manager', '--log-level=info'],
            volumeMounts: scratch.slice(0, 1),
          },
        ],
        securityContext: {
          fsGroup: 26,
          runAsGroup: 26,
          runAsNonRoot: true,
          runAsUser: 26,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        serviceAccountName: name,
        terminationGracePeriodSeconds: 1800,
        volumes: [
          ...volumes,
          { emptyDir: {}, name: 'scratch-data' },
          { emptyDir: { medium: 'Memory' }, name: 'shm' },
          // The app credentials are mounted from the Secret CNPG creates; referenced by name only.
          { name: 'app-secret', secret: { defaultMode: 420, secretName: `${name}-app` } },
        ],
      },
    },
  });
}
