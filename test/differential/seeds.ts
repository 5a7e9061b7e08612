/**
 * Valid seed objects of every kind the differential corpus covers: each one is
 * accepted by a Kubernetes 1.28 API server in a namespace enforcing the
 * `restricted` Pod Security level. Mutation operators (operators.ts) start from these.
 */

export const LABELS = { 'app.kubernetes.io/name': 'web' };

/** A restricted-compliant Pod spec with one init container, one app container and two volumes. */
export function seedPodSpec(): any {
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
    initContainers: [{
      name: 'setup',
      image: 'busybox:1.36.1',
      command: ['sh', '-c', 'echo ready > /work/ready'],
      securityContext: restrictedContainerSecurityContext(),
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
      volumeMounts: [{ name: 'work', mountPath: '/work' }],
    }],
    containers: [{
      name: 'web',
      image: 'nginx:1.25.3',
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      env: [{ name: 'MODE', value: 'production' }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
      securityContext: restrictedContainerSecurityContext(),
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
      livenessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 5 },
      volumeMounts: [{ name: 'work', mountPath: '/work', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
    }],
    volumes: [{ name: 'work', emptyDir: {} }, { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
  };
}

function restrictedContainerSecurityContext(): any {
  return { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
}

function template(spec: any = seedPodSpec()): any {
  return { metadata: { labels: { ...LABELS } }, spec };
}

function meta(name: string): any {
  return { name, labels: { ...LABELS } };
}

function jobSpec(): any {
  const spec = seedPodSpec();
  spec.restartPolicy = 'Never';
  return { backoffLimit: 3, template: template(spec) };
}

/** One valid object per kind, fresh on each call (operators mutate them in place). */
export function seedObjects(): Record<string, any> {
  return {
    Pod: { apiVersion: 'v1', kind: 'Pod', metadata: meta('web'), spec: seedPodSpec() },
    Deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web'),
      spec: { replicas: 2, selector: { matchLabels: { ...LABELS } }, template: template() },
    },
    StatefulSet: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('db'),
      spec: {
        serviceName: 'db',
        replicas: 1,
        selector: { matchLabels: { ...LABELS } },
        template: withClaimMount(template()),
        volumeClaimTemplates: [{
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        }],
      },
    },
    DaemonSet: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('agent'),
      spec: { selector: { matchLabels: { ...LABELS } }, template: template() },
    },
    ReplicaSet: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta('web-rs'),
      spec: { replicas: 1, selector: { matchLabels: { ...LABELS } }, template: template() },
    },
    Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('migrate'), spec: jobSpec() },
    CronJob: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta('nightly'),
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: jobSpec() } },
    },
    Service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: { selector: { ...LABELS }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
    },
    PersistentVolumeClaim: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('data'),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
    ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { 'app.conf': 'listen 8080\n', 'MODE': 'production' } },
    Secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('credentials'),
      type: 'Opaque',
      data: { password: 'c2VjcmV0' },
      stringData: { username: 'admin' },
    },
    ServiceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('builder'), automountServiceAccountToken: false },
    Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: meta('team-a') },
    ReplicationController: {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: meta('legacy'),
      spec: { replicas: 1, selector: { ...LABELS }, template: template() },
    },
  };
}

function withClaimMount(tpl: any): any {
  tpl.spec.containers[0].volumeMounts.push({ name: 'data', mountPath: '/data' });
  return tpl;
}

export const KINDS = Object.keys(seedObjects());
