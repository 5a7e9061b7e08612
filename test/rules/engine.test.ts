import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parseAllDocuments } from 'yaml';
import { SecurityProfile } from '../../src/policy/security-profile';
import { findingsPerObject, lintObjects, lintReports } from '../../src/rules/engine';
import { Finding, Severity } from '../../src/rules/finding';

// pod-guide.zh.txt section 五: the Pod with two init containers and the two Services, verbatim.
const GUIDE_YAML = `
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
---
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
`;

function guideObjects(): any[] {
  return parseAllDocuments(GUIDE_YAML).map((doc) => doc.toJS());
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.ruleId} ${f.kind}/${f.name} ${f.path}`);

describe('the guide\'s example (section 五)', () => {
  test('runs, but its two waiters never give up, and the Pod is naked', () => {
    const objects = guideObjects();
    expect(objects.map((o) => o.kind)).toEqual(['Pod', 'Service', 'Service']);
    expect(summary(lintObjects(objects, { profile: SecurityProfile.PRIVILEGED }))).toEqual([
      'warning bp-bare-pod Pod/myapp-pod kind',
      'warning bp-missing-resource-requests Pod/myapp-pod spec.containers[0].resources',
      'warning bp-unbounded-wait-loop Pod/myapp-pod spec.initContainers[0].command[2]',
      'warning bp-unbounded-wait-loop Pod/myapp-pod spec.initContainers[1].command[2]',
    ]);
  });

  test('includeWarnings: false (what the constructs run at synth) skips the best-practice rules only', () => {
    const [pod, ...services] = guideObjects();
    pod.spec.automountServiceAccountToken = false;
    const all = lintObjects([pod, ...services], { profile: SecurityProfile.RESTRICTED });
    const errorsOnly = lintObjects([pod, ...services], { profile: SecurityProfile.RESTRICTED, includeWarnings: false });
    expect(errorsOnly.length).toBeGreaterThan(0);
    expect(errorsOnly).toEqual(all.filter((f) => f.severity === Severity.ERROR));
  });

  test('hardened with automountServiceAccountToken: false, both waiters read a file that is not there (a warning: it reads command text)', () => {
    const [pod, ...services] = guideObjects();
    pod.spec.automountServiceAccountToken = false;
    const findings = lintObjects([pod, ...services], { profile: SecurityProfile.PRIVILEGED }).filter((f) => f.ruleId === 'runtime-sa-namespace-file');
    expect(summary(findings)).toEqual([
      'warning runtime-sa-namespace-file Pod/myapp-pod spec.initContainers[0].command[2]',
      'warning runtime-sa-namespace-file Pod/myapp-pod spec.initContainers[1].command[2]',
    ]);
    expect(findings[0].message).toContain('metadata.namespace');
  });

  test('the same happens when a ServiceAccount in the same manifests turns automounting off', () => {
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' }, automountServiceAccountToken: false };
    // The ServiceAccount may come after the Pod: facts are gathered before any object is checked.
    const errors = lintObjects([...guideObjects(), account], { profile: SecurityProfile.PRIVILEGED }).filter((f) => f.ruleId === 'runtime-sa-namespace-file');
    expect(errors.map((f) => f.path)).toEqual(['spec.initContainers[0].command[2]', 'spec.initContainers[1].command[2]']);
    expect(errors[0].message).toContain('its ServiceAccount "default" sets automountServiceAccountToken: false');
  });

  test('under the restricted profile the Pod Security Standards checks run on it too', () => {
    const findings = lintObjects(guideObjects(), { profile: SecurityProfile.RESTRICTED });
    const pss = findings.filter((f) => f.ruleId.startsWith('pss-'));
    expect(pss.length).toBeGreaterThan(0);
    expect(pss.every((f) => f.kind === 'Pod' && f.name === 'myapp-pod' && f.severity === Severity.ERROR)).toBe(true);
  });
});

describe('lintObjects', () => {
  const badPod = (name: string) => ({
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: i === 10 || i === 2 ? 'Bad:1' : 'busybox:1.36.1', resources: { requests: { cpu: '1', memory: '1Gi' } } })),
    },
  });

  test('attaches kind and metadata.name, and orders by object, then path with numeric indices', () => {
    const findings = lintObjects([badPod('second-first'), badPod('then-this')], { profile: SecurityProfile.PRIVILEGED });
    expect(summary(findings)).toEqual([
      'warning bp-bare-pod Pod/second-first kind',
      'error runtime-image-reference Pod/second-first spec.containers[2].image',
      'error runtime-image-reference Pod/second-first spec.containers[10].image',
      'warning bp-bare-pod Pod/then-this kind',
      'error runtime-image-reference Pod/then-this spec.containers[2].image',
      'error runtime-image-reference Pod/then-this spec.containers[10].image',
    ]);
  });

  test('findings on one path keep the order the rules reported them in', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox', ports: [{ containerPort: 70000, protocol: 'tcp' }] }] } };
    const paths = lintObjects([pod], { profile: SecurityProfile.PRIVILEGED }).map((f) => `${f.path} ${f.ruleId}`);
    expect(paths).toEqual([
      'kind bp-bare-pod',
      'spec.containers[0].image bp-mutable-image-tag',
      'spec.containers[0].ports[0].containerPort api-container-port',
      'spec.containers[0].ports[0].protocol api-container-port',
      'spec.containers[0].resources bp-missing-resource-requests',
    ]);
  });

  test('the profile is passed to the Pod Security Standards checks', () => {
    const privileged = {
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'd' } },
        template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'a', image: 'busybox:1.36.1', securityContext: { privileged: true }, resources: { requests: { cpu: '1', memory: '1Gi' } } }] } },
      },
    };
    const ids = (profile: SecurityProfile) => lintObjects([privileged], { profile }).map((f) => f.ruleId);
    expect(ids(SecurityProfile.PRIVILEGED)).toEqual([]);
    expect(ids(SecurityProfile.BASELINE)).toEqual(['pss-baseline-privileged']);
    expect(ids(SecurityProfile.RESTRICTED)).toContain('pss-baseline-privileged');
    expect(ids(SecurityProfile.RESTRICTED).length).toBeGreaterThan(1);
  });

  test('object names are checked for every kind (ConfigMaps since issue 13); non-objects are skipped', () => {
    const objects: any[] = [
      null, 'text', 42, [], { metadata: { name: 'no-kind' } },
      { kind: 'ConfigMap', metadata: { name: 'Any_Name' } },
      { kind: 'Service', metadata: { name: '9lives' }, spec: { ports: [{ port: 80 }] } },
    ];
    expect(summary(lintObjects(objects, { profile: SecurityProfile.RESTRICTED }))).toEqual([
      'error api-object-meta ConfigMap/Any_Name metadata.name',
      'error api-object-name Service/9lives metadata.name',
    ]);
  });

  test('an object without a name is reported with an empty name', () => {
    const findings = lintObjects([{ kind: 'Pod', spec: { containers: [{ name: 'a', image: 'a:1' }] } }], { profile: SecurityProfile.PRIVILEGED });
    expect(findings.filter((f) => f.ruleId === 'api-object-name').map((f) => [f.kind, f.name])).toEqual([['Pod', '']]);
  });

  test('no findings for no objects', () => {
    expect(lintObjects([], { profile: SecurityProfile.RESTRICTED })).toEqual([]);
  });

  // What the constructs feed the engine at synth: cdk8s-plus output must not trip an API or run-time rule.
  test('a plain cdk8s-plus Deployment and Service have no API or run-time findings', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'web', {
      containers: [{
        image: 'nginx:1.25.3',
        portNumber: 8080,
        liveness: kplus.Probe.fromHttpGet('/healthz'),
        readiness: kplus.Probe.fromTcpSocket(),
        volumeMounts: [{ path: '/cache', volume: kplus.Volume.fromEmptyDir(chart, 'cache', 'cache') }],
      }],
    });
    deployment.exposeViaService();
    const manifests = Testing.synth(chart as Chart);
    const findings = lintObjects(manifests, { profile: SecurityProfile.BASELINE });
    expect(findings.filter((f) => f.ruleId.startsWith('api-') || f.ruleId.startsWith('runtime-'))).toEqual([]);
  });
});

describe('lintReports, disabledRules and includeWarnings', () => {
  const nakedLatest = {
    kind: 'Pod',
    metadata: { name: 'p', annotations: { 'ignore-check.cdk8s-pod-patterns.io/bp-bare-pod': 'a throwaway debug Pod' } },
    spec: { containers: [{ name: 'a', image: 'busybox' }] },
  };

  test('one report per object, index for index; non-objects get an empty report', () => {
    const reports = lintReports([nakedLatest, 'not an object', { kind: 'ConfigMap', metadata: { name: 'c' } }], { profile: SecurityProfile.PRIVILEGED });
    expect(reports).toHaveLength(3);
    expect(reports[0].suppressed.map((f) => f.ruleId)).toEqual(['bp-bare-pod']);
    expect(reports[0].findings.map((f) => f.ruleId)).toEqual(['bp-mutable-image-tag', 'bp-missing-resource-requests']);
    expect(reports[1]).toEqual({ findings: [], suppressed: [] });
    expect(reports[2]).toEqual({ findings: [], suppressed: [] });
  });

  test('lintObjects and findingsPerObject leave suppressed findings out', () => {
    const options = { profile: SecurityProfile.PRIVILEGED };
    expect(lintObjects([nakedLatest], options).map((f) => f.ruleId)).not.toContain('bp-bare-pod');
    expect(findingsPerObject([nakedLatest], options)).toEqual([lintObjects([nakedLatest], options)]);
  });

  test('disabledRules drops the rules for the whole run', () => {
    const findings = lintObjects([nakedLatest], { profile: SecurityProfile.PRIVILEGED, disabledRules: ['bp-mutable-image-tag'] });
    expect(findings.map((f) => f.ruleId)).toEqual(['bp-missing-resource-requests']);
  });

  test('an unknown id in disabledRules throws, naming it and where the valid ids are', () => {
    expect(() => lintObjects([nakedLatest], { profile: SecurityProfile.PRIVILEGED, disabledRules: ['bp-latest'] })).toThrow(
      'unknown rule "bp-latest" in disabledRules: the valid ids are listed by RuleCatalog.rules() and in the rules table of the README',
    );
  });

  test('includeWarnings: false filters by the rule\'s severity: no warning of any module, every error kept', () => {
    const everything = { kind: 'Pod', metadata: { name: 'Bad_Name' }, spec: { hostNetwork: true, containers: [{ name: 'a', image: 'busybox', ports: [{ containerPort: 80, hostPort: 81 }] }] } };
    const all = lintObjects([everything], { profile: SecurityProfile.BASELINE });
    const errorsOnly = lintObjects([everything], { profile: SecurityProfile.BASELINE, includeWarnings: false });
    expect(all.some((f) => f.severity === Severity.WARNING)).toBe(true);
    expect(errorsOnly).toEqual(all.filter((f) => f.severity === Severity.ERROR));
    expect(new Set(errorsOnly.map((f) => f.ruleId.split('-')[0]))).toEqual(new Set(['api', 'pss']));
  });

  test('an unknown profile throws', () => {
    expect(() => lintObjects([nakedLatest], { profile: 'strict' as SecurityProfile })).toThrow(/unknown Pod Security Standards level "strict"/);
  });
});
