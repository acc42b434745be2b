/**
 * A small cluster with a canary secret in every place a cluster can carry one. The shapes follow
 * the backup fixtures (tests/fixtures/backups/*: Velero BSL + Schedule, CloudNativePG
 * barmanObjectStore and the barman-cloud plugin ObjectStore, the three Percona operators,
 * k8up, Longhorn BackupTarget + RecurringJob, VolSync rsync) and the sample's apps; every URL a
 * backup adapter reads carries `user:CANARY@host` and `?X-Amz-Signature=CANARY`.
 */
export const CANARY = 'CANARY7F3A';
/** A number planted where a number may be a secret (a PIN in a command, an annotation). */
export const NUMBER_CANARY = '73519846';

/** Each planted value names its place, so a leak says where it came from. */
const c = (place: string) => `${CANARY}-${place}`;
/** A URL with a password and a signed query, to `host`. */
const signed = (scheme: string, host: string, place: string, path = '/') =>
  `${scheme}://user:${c(`${place}-password`)}@${host}${path}?X-Amz-Signature=${c(`${place}-sig`)}&X-Amz-Credential=${c(`${place}-cred`)}&token=${c(`${place}-token`)}`;

/** The hosts each adapter's URL names: the outputs must still show them (the URL was read). */
export const DESTINATION_HOSTS = [
  'velero-s3.example.com',
  'cnpg-s3.example.com',
  'barman-s3.example.com',
  'pxc-s3.example.com',
  'psmdb-s3.example.com',
  'pg-s3.example.com',
  'k8up-s3.example.com',
  'nas.example.com',
  'rsync.example.com',
];

const lastApplied = (what: string) =>
  JSON.stringify({ metadata: { name: what }, data: { password: c(`last-applied-${what}`) } });

export function canaryCluster(): string {
  const b64 = Buffer.from(c('secret-data')).toString('base64');
  return `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata: {name: apps}
  - apiVersion: v1
    kind: Secret
    metadata:
      name: db-credentials
      namespace: apps
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: '${lastApplied('secret')}'
    data: {password: ${b64}}
    stringData: {token: ${c('secret-stringdata')}}
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: app-config
      namespace: apps
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: '${lastApplied('configmap')}'
        example.com/note: ${c('configmap-annotation')}
    data:
      DATABASE_URL: 'postgres://app:${c('configmap-url')}@db.apps.svc:5432/app?sslmode=require&password=${c('configmap-query')}'
      app.properties: |
        spring.datasource.url=jdbc:postgresql://app:${c('configmap-jdbc')}@db.apps:5432/app
        spring.datasource.password=${c('configmap-properties')}
    binaryData: {blob: ${b64}}
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: apps
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: '${lastApplied('deployment')}'
    spec:
      replicas: 1
      selector: {matchLabels: {app: web}}
      template:
        metadata:
          labels: {app: web}
          annotations: {example.com/token: ${c('pod-annotation')}}
        spec:
          containers:
            - name: web
              image: ghcr.io/example/web:1.0
              command: [sh, -c, 'PGPASSWORD=${c('command')} exec web']
              args: ['--db-url=postgres://app:${c('args-url')}@db.apps:5432/app', '--api-key=${c('args')}']
              env:
                - {name: DB_PASSWORD, value: ${c('env')}}
                - {name: DATABASE_URL, value: 'postgres://app:${c('env-url')}@db.apps.svc:5432/app?password=${c('env-query')}'}
                - {name: AUTH_URL, value: 'https://${c('env-token')}@auth.example.com/?access_token=${c('env-access-token')}'}
              envFrom: [{configMapRef: {name: app-config}}]
              volumeMounts: [{name: data, mountPath: /data}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: web-data}}]
  - apiVersion: v1
    kind: Service
    metadata: {name: db, namespace: apps}
    spec: {selector: {app: db}, ports: [{port: 5432}]}
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db, namespace: apps}
    spec:
      replicas: 1
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers:
            - name: postgres
              image: postgres:16
              env: [{name: POSTGRES_PASSWORD, value: ${c('statefulset-env')}}]
      volumeClaimTemplates:
        - metadata: {name: data}
          spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: web-data, namespace: apps}
    spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  - apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: {name: standard}
    provisioner: rancher.io/local-path
  - apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: web
      namespace: apps
      annotations:
        nginx.ingress.kubernetes.io/auth-url: '${signed('https', 'auth.example.com', 'ingress-auth-url', '/oauth2/auth')}'
    spec:
      rules:
        - host: web.example.com
          http:
            paths: [{path: /, pathType: Prefix, backend: {service: {name: db, port: {number: 5432}}}}]
  # Velero: a BackupStorageLocation with a signed s3Url, a failed Backup quoting it.
  - apiVersion: velero.io/v1
    kind: BackupStorageLocation
    metadata: {name: default, namespace: velero}
    spec:
      provider: aws
      objectStorage: {bucket: velero}
      config: {region: minio, s3Url: '${signed('https', 'velero-s3.example.com', 'velero-s3url')}'}
    status: {phase: Available}
  - apiVersion: velero.io/v1
    kind: Schedule
    metadata: {name: daily, namespace: velero}
    spec:
      schedule: '0 3 * * *'
      template: {includedNamespaces: ['*'], defaultVolumesToFsBackup: true}
    status: {phase: Enabled, lastBackup: '2026-11-24T03:00:00Z'}
  - apiVersion: velero.io/v1
    kind: Backup
    metadata:
      name: daily-20261124030000
      namespace: velero
      labels: {velero.io/schedule-name: daily}
      creationTimestamp: '2026-11-24T03:00:00Z'
    spec: {includedNamespaces: ['*'], defaultVolumesToFsBackup: true}
    status:
      phase: Failed
      failureReason: 'upload to ${signed('https', 'velero-s3.example.com', 'velero-failure')} failed (AWS_SECRET_ACCESS_KEY=${c('velero-failure-env')})'
  # CloudNativePG: the in-tree barmanObjectStore and the barman-cloud plugin's ObjectStore.
  - apiVersion: postgresql.cnpg.io/v1
    kind: Cluster
    metadata: {name: pg-main, namespace: apps}
    spec:
      instances: 2
      storage: {size: 10Gi, storageClass: standard}
      backup:
        barmanObjectStore:
          destinationPath: 's3://cnpg-backups/pg-main?X-Amz-Signature=${c('cnpg-destination-sig')}'
          endpointURL: '${signed('https', 'cnpg-s3.example.com', 'cnpg-endpoint')}'
    status:
      lastSuccessfulBackup: '2026-11-24T02:00:00Z'
  - apiVersion: postgresql.cnpg.io/v1
    kind: Cluster
    metadata: {name: pg-wiki, namespace: apps}
    spec:
      instances: 1
      storage: {size: 5Gi, storageClass: standard}
      plugins:
        - name: barman-cloud.cloudnative-pg.io
          isWALArchiver: true
          parameters: {barmanObjectName: wiki-store}
  - apiVersion: barmancloud.cnpg.io/v1
    kind: ObjectStore
    metadata: {name: wiki-store, namespace: apps}
    spec:
      configuration:
        destinationPath: s3://wiki-backups/
        endpointURL: '${signed('http', 'barman-s3.example.com:9000', 'barman-plugin-endpoint')}'
  # Percona: XtraDB and MongoDB storages with an endpointUrl; PostgreSQL's pgBackRest repo
  # with a bare-host endpoint.
  - apiVersion: pxc.percona.com/v1
    kind: PerconaXtraDBCluster
    metadata: {name: pxc, namespace: apps}
    spec:
      backup:
        storages:
          s3-main:
            type: s3
            s3: {bucket: pxc-backups, endpointUrl: '${signed('https', 'pxc-s3.example.com', 'pxc-endpoint')}'}
        schedule: [{name: daily, schedule: '0 1 * * *', storageName: s3-main}]
  - apiVersion: psmdb.percona.com/v1
    kind: PerconaServerMongoDB
    metadata: {name: mongo, namespace: apps}
    spec:
      backup:
        enabled: true
        storages:
          s3-main:
            type: s3
            s3: {bucket: mongo-backups, endpointUrl: '${signed('https', 'psmdb-s3.example.com', 'psmdb-endpoint')}'}
        tasks: [{name: daily, enabled: true, schedule: '0 0 * * *', storageName: s3-main}]
    status: {state: ready}
  - apiVersion: psmdb.percona.com/v1
    kind: PerconaServerMongoDBBackup
    metadata: {name: mongo-daily-1, namespace: apps, creationTimestamp: '2026-11-24T00:00:00Z'}
    spec: {clusterName: mongo, storageName: s3-main}
    status:
      state: error
      start: '2026-11-24T00:00:04Z'
      storageName: s3-main
      error: 'dial ${signed('https', 'psmdb-s3.example.com', 'psmdb-error')}: refused'
  - apiVersion: pgv2.percona.com/v2
    kind: PerconaPGCluster
    metadata: {name: pg, namespace: apps}
    spec:
      backups:
        pgbackrest:
          repos:
            - name: repo1
              schedules: {full: '0 2 * * 0'}
              s3: {bucket: pg-backups, region: us-east-1, endpoint: 'user:${c('pg-endpoint-password')}@pg-s3.example.com:9000'}
  # k8up: an S3 endpoint.
  - apiVersion: k8up.io/v1
    kind: Schedule
    metadata: {name: nightly, namespace: apps}
    spec:
      backend:
        repoPasswordSecretRef: {name: k8up-repo, key: password}
        s3: {endpoint: '${signed('http', 'k8up-s3.example.com:9000', 'k8up-endpoint')}', bucket: k8up}
      backup: {schedule: '0 1 * * *'}
  # Longhorn: a BackupTarget on a NAS, a backup RecurringJob over a Longhorn volume.
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: files, namespace: apps}
    spec: {storageClassName: longhorn, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeName: pvc-files}
  - apiVersion: v1
    kind: PersistentVolume
    metadata: {name: pvc-files}
    spec:
      capacity: {storage: 1Gi}
      accessModes: [ReadWriteOnce]
      claimRef: {namespace: apps, name: files}
      csi: {driver: driver.longhorn.io, volumeHandle: pvc-files}
      storageClassName: longhorn
  - apiVersion: longhorn.io/v1beta2
    kind: Volume
    metadata: {name: pvc-files, namespace: longhorn-system}
    spec: {numberOfReplicas: 2}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: files, namespace: apps}
    spec:
      selector: {matchLabels: {app: files}}
      template:
        metadata: {labels: {app: files}}
        spec:
          containers: [{name: files, image: ghcr.io/example/files:1.0}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: files}}]
  - apiVersion: longhorn.io/v1beta2
    kind: RecurringJob
    metadata: {name: backup-daily, namespace: longhorn-system}
    spec: {name: backup-daily, task: backup, cron: '0 2 * * *', retain: 7, groups: [default]}
  - apiVersion: longhorn.io/v1beta2
    kind: BackupTarget
    metadata: {name: default, namespace: longhorn-system}
    spec:
      backupTargetURL: '${signed('cifs', 'nas.example.com', 'longhorn-target', '/backups')}'
      credentialSecret: nas-credentials
  # VolSync: rsync to an address outside the cluster.
  - apiVersion: volsync.backube/v1alpha1
    kind: ReplicationSource
    metadata: {name: files-offsite, namespace: apps}
    spec:
      sourcePVC: files
      trigger: {schedule: '15 3 * * *'}
      rsync: {copyMethod: Snapshot, address: 'backup:${c('volsync-address')}@rsync.example.com'}
    status:
      lastSyncTime: '2026-11-24T03:16:00Z'
      latestMoverStatus:
        result: Failed
        logs: 'rsync: connection to ${signed('rsync', 'rsync.example.com', 'volsync-logs')} refused'
`;
}

/** Wrong-typed values in fields that may hold secrets: each file is bad input on its own. */
export function wrongTypedInputs(): Record<string, string> {
  const deployment = (container: string, annotations = '{}') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: wrong
  namespace: apps
  annotations: ${annotations}
spec:
  selector: {matchLabels: {app: wrong}}
  template:
    metadata: {labels: {app: wrong}}
    spec:
      containers:
        - name: wrong
          image: busybox
${container}
`;
  return {
    'command-string.yaml': deployment(`          command: "DB_PASSWORD=${c('wrong-command')} ./run"`),
    'args-string.yaml': deployment(`          args: "--password=${c('wrong-args')}"`),
    'env-string.yaml': deployment(`          env: "DB_PASSWORD=${c('wrong-env')}"`),
    'command-number.yaml': deployment(`          command: ${NUMBER_CANARY}`),
    'annotation-number.yaml': deployment('', `{example.com/pin: ${NUMBER_CANARY}}`),
  };
}
