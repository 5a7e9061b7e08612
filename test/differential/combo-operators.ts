/**
 * Mutation operators of the corpus' fourth round (generate.ts CORPUS_ROUNDS):
 * combinations of controller, Service and data fields that 1.28's validation
 * checks against each other. pkg/apis/apps/validation, pkg/apis/batch/validation
 * and pkg/apis/core/validation/validation.go (functions named per operator).
 */
import { clone, LONG, op, Operator, podSpecOf } from './operators';

function jobSpecOf(obj: any): any {
  return obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec : obj.spec;
}

/** validateJobSpec: completions, parallelism, completionMode, podFailurePolicy and the template's restartPolicy together */
const JOB_COMBOS: Array<(spec: any) => void> = [
  (s) => { s.completionMode = 'Indexed'; delete s.completions; },
  (s) => { s.completionMode = 'Indexed'; s.completions = 100000; s.parallelism = 100000; },
  (s) => { s.completionMode = 'Indexed'; s.completions = 100001; s.parallelism = 1; },
  (s) => { s.completions = 2; s.parallelism = 5; },
  (s) => { s.podFailurePolicy = { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }; s.template.spec.restartPolicy = 'OnFailure'; },
  (s) => { s.podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 2] } }] }; },
  (s) => { s.podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [0, 1] } }] }; },
  (s) => { s.podFailurePolicy = { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'Maybe' }] }] }; },
  (s) => { s.podFailurePolicy = { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'bad type' }] }] }; },
  (s) => { s.podFailurePolicy = { rules: Array.from({ length: 21 }, () => ({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] })) }; },
  (s) => { s.template.metadata.labels = { ...s.template.metadata.labels, 'batch.kubernetes.io/job-name': 'other' }; },
  (s) => { s.manualSelector = true; s.selector = { matchLabels: { 'app.kubernetes.io/name': 'web' } }; },
  (s) => { s.manualSelector = false; s.selector = { matchLabels: { 'app.kubernetes.io/name': 'web' } }; },
  (s) => { s.activeDeadlineSeconds = 0; }, (s) => { s.ttlSecondsAfterFinished = -1; }, (s) => { s.backoffLimit = 2147483647; },
  (s) => { s.template.spec.restartPolicy = 'Always'; }, (s) => { delete s.template.spec.restartPolicy; },
];

/** ValidateStatefulSetSpec: claim templates, service name, ordinals, update strategy */
const STATEFULSET_COMBOS: Array<(spec: any) => void> = [
  (s) => { s.volumeClaimTemplates.push(clone(s.volumeClaimTemplates[0])); },
  (s) => { s.volumeClaimTemplates[0].metadata.name = 'work'; },
  (s) => { s.volumeClaimTemplates[0].metadata.labels = { 'bad key': 'x' }; },
  (s) => { s.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod', 'ReadWriteOnce']; },
  (s) => { s.serviceName = ''; }, (s) => { delete s.serviceName; },
  (s) => { s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 5 } }; s.replicas = 3; },
  (s) => { s.updateStrategy = { type: 'OnDelete' }; }, (s) => { s.podManagementPolicy = 'Parallel'; s.minReadySeconds = -1; },
  (s) => { s.template.spec.restartPolicy = 'Never'; }, (s) => { s.template.spec.activeDeadlineSeconds = 5; },
];

/** ValidateService: types, ports, IPs and policies together */
const SERVICE_COMBOS: Array<(spec: any) => void> = [
  (s) => { s.type = 'ExternalName'; s.externalName = 'db.example.com'; delete s.selector; },
  (s) => { s.type = 'ExternalName'; s.externalName = 'db.example.com'; s.clusterIP = 'None'; },
  (s) => { s.type = 'ExternalName'; s.externalName = `${LONG(64)}.example.com`; },
  (s) => { s.clusterIP = 'None'; s.ports[0].nodePort = 30080; },
  (s) => { s.clusterIP = 'None'; s.type = 'NodePort'; },
  (s) => { s.type = 'LoadBalancer'; s.allocateLoadBalancerNodePorts = false; },
  (s) => { s.type = 'LoadBalancer'; s.loadBalancerClass = 'example.com/lb'; s.loadBalancerSourceRanges = ['10.0.0.0/8', '192.168.0.0/33']; },
  (s) => { s.type = 'NodePort'; s.externalTrafficPolicy = 'Local'; s.healthCheckNodePort = 30100; },
  (s) => { s.type = 'LoadBalancer'; s.externalTrafficPolicy = 'Local'; s.healthCheckNodePort = 30100; },
  (s) => { s.sessionAffinity = 'None'; s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10 } }; },
  (s) => { s.sessionAffinity = 'ClientIP'; }, (s) => { s.ports.push({ name: 'http2', port: 80, protocol: 'UDP', targetPort: 8080 }); },
  (s) => { s.ports.push({ name: 'http2', port: 80, targetPort: 8081 }); }, (s) => { s.ports[0].targetPort = 0; },
  (s) => { s.ports[0].appProtocol = 'kubernetes.io/ws'; }, (s) => { s.ports[0].appProtocol = 'kubernetes.io/bad'; },
  (s) => { s.type = 'ClusterIP'; s.externalTrafficPolicy = 'Cluster'; },
  (s) => { s.internalTrafficPolicy = 'Local'; s.type = 'ExternalName'; s.externalName = 'x.example.com'; },
];

/** ValidateConfigMap, ValidateSecret: keys, types, immutability together */
const DATA_COMBOS: Array<(obj: any) => void> = [
  (o) => { o.data = { 'a/b': 'x' }; }, (o) => { o.data = { [LONG(253)]: 'x' }; }, (o) => { o.immutable = true; o.data = {}; },
  (o) => { o.data = { '.': 'x' }; }, (o) => { o.data = { '...': 'x' }; }, (o) => { o.data = { 'a..b': 'x' }; }, (o) => { o.data = null; },
];
const SECRET_COMBOS: Array<(obj: any) => void> = [
  (o) => { o.type = 'kubernetes.io/basic-auth'; o.stringData = { password: 'p' }; delete o.data; },
  (o) => { o.type = 'kubernetes.io/basic-auth'; o.stringData = {}; o.data = {}; },
  (o) => { o.type = 'kubernetes.io/ssh-auth'; o.stringData = {}; delete o.data; },
  (o) => { o.type = 'kubernetes.io/tls'; o.stringData = { 'tls.crt': 'c' }; delete o.data; },
  (o) => { o.type = 'kubernetes.io/dockerconfigjson'; o.data = { '.dockerconfigjson': 'e30=' }; delete o.stringData; },
  (o) => { o.type = 'kubernetes.io/dockercfg'; o.stringData = { '.dockercfg': '[]' }; delete o.data; },
  (o) => { o.type = 'kubernetes.io/service-account-token'; o.metadata.annotations = { 'kubernetes.io/service-account.name': '' }; },
  (o) => { o.type = 'bootstrap.kubernetes.io/token'; }, (o) => { o.type = LONG(254); }, (o) => { o.stringData = { '': 'x' }; },
];

export const COMBO_OPERATORS: readonly Operator[] = [
  op('job.combo', ['Job', 'CronJob'], (obj, r) => { r.pick(JOB_COMBOS)(jobSpecOf(obj)); }, 3),
  op('cronjob.combo', ['CronJob'], (obj, r) => {
    const choice = r.int(4);
    if (choice === 0) obj.metadata.name = r.pick([LONG(52), LONG(53)]);
    else if (choice === 1) obj.spec.jobTemplate.metadata = { labels: r.pick([{ tier: 'batch' }, { 'bad key': 'x' }]) };
    else if (choice === 2) obj.spec.schedule = r.pick(['0 3 * * *\t', ' 0 3 * * *', '0  3 * * *', '*/0 * * * *', '0 3 * * 7', '0 3 * * 8']);
    else obj.spec.startingDeadlineSeconds = r.pick([0, -1, 10]);
  }),
  op('statefulset.combo', ['StatefulSet'], (obj, r) => { r.pick(STATEFULSET_COMBOS)(obj.spec); }, 2),
  op('daemonset.combo', ['DaemonSet'], (obj, r) => {
    const choice = r.int(3);
    if (choice === 0) podSpecOf(obj).restartPolicy = r.pick(['OnFailure', 'Never']);
    else if (choice === 1) obj.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: r.pick(['10%', 0, '0%']), maxUnavailable: r.pick(['10%', 0, '0%', 1]) } };
    else obj.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { maxUnavailable: 1 } };
  }),
  op('deployment.combo', ['Deployment'], (obj, r) => {
    const choice = r.int(3);
    if (choice === 0) {
      obj.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: r.pick(['0%', 0, '1%']), maxUnavailable: r.pick(['0%', 0, '100%']) } };
    } else if (choice === 1) {
      obj.spec.progressDeadlineSeconds = r.pick([1, 30]);
      obj.spec.minReadySeconds = r.pick([0, 30, 31]);
    } else {
      podSpecOf(obj).restartPolicy = r.pick(['OnFailure', 'Never', 'Always']);
    }
  }),
  op('service.combo', ['Service'], (obj, r) => { r.pick(SERVICE_COMBOS)(obj.spec); }, 2),
  op('configmap.combo', ['ConfigMap'], (obj, r) => { r.pick(DATA_COMBOS)(obj); }),
  op('secret.combo', ['Secret'], (obj, r) => { r.pick([...SECRET_COMBOS, ...DATA_COMBOS])(obj); }),
];
