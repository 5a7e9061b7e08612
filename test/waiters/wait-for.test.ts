import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, KubernetesVersion, PodPatterns, WaitFor } from '../../src';
import { dns1123LabelErrors } from '../../src/names/names';
import { only, synthValid } from '../support/synth';

const APP = { name: 'app', image: 'busybox:1.28', command: ['sleep', '3600'], securityContext: { user: 1000 } };

function waitersOf(chart: Chart, waitFor: WaitFor[], extra: object = {}): any[] {
  new InitGatedApp(chart, 'app', { waitFor, containers: [APP], ...extra });
  return only(synthValid(chart), 'Deployment').spec.template.spec.initContainers;
}

function scriptOf(container: any): string {
  expect(container.command.slice(0, 2)).toEqual(['sh', '-c']);
  return container.command[2];
}

describe('WaitFor.service', () => {
  test('waits on the Service\'s synthesized metadata.name, not its construct id', () => {
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'myservice', { ports: [{ port: 80, targetPort: 9376 }] });
    const [waiter] = waitersOf(chart, [WaitFor.service(svc)]);
    expect(svc.name).not.toBe('myservice');
    expect(waiter.name).toBe(`wait-for-${svc.name}`);
    expect(scriptOf(waiter)).toContain(`service='${svc.name}'`);
  });

  test('renaming the Service changes its waiter', () => {
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'myservice', { metadata: { name: 'renamed' }, ports: [{ port: 80 }] });
    const [waiter] = waitersOf(chart, [WaitFor.service(svc)]);
    expect(waiter.name).toBe('wait-for-renamed');
    expect(scriptOf(waiter)).toContain("service='renamed'");
  });

  test('without a known namespace it reads the Pod\'s from the Downward API, not the service-account file', () => {
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'db', { metadata: { name: 'mydb' }, ports: [{ port: 80 }] });
    const [waiter] = waitersOf(chart, [WaitFor.service(svc)]);
    expect(waiter.env).toEqual([{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }]);
    expect(scriptOf(waiter)).toContain('namespace="$POD_NAMESPACE"');
    expect(scriptOf(waiter)).not.toContain('/var/run/secrets');
  });

  test.each([
    ['the Service\'s own namespace', { metadata: { name: 'mydb', namespace: 'data' } }, {}],
    ['the chart\'s namespace', { metadata: { name: 'mydb' } }, { namespace: 'data' }],
  ])('uses %s when known at synth time, with no Downward API env', (_what, serviceProps, chartProps) => {
    const chart = new Chart(Testing.app(), 'test', chartProps);
    const svc = new kplus.Service(chart, 'db', { ...serviceProps, ports: [{ port: 80 }] });
    const [waiter] = waitersOf(chart, [WaitFor.service(svc)]);
    expect(scriptOf(waiter)).toContain("namespace='data'");
    expect(waiter.env).toBeUndefined();
  });

  test('an explicit namespace option wins', () => {
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'db', { metadata: { name: 'mydb', namespace: 'data' }, ports: [{ port: 80 }] });
    const [waiter] = waitersOf(chart, [WaitFor.service(svc, { namespace: 'other' })]);
    expect(scriptOf(waiter)).toContain("namespace='other'");
  });

  test('clusterDomain, waitTimeout and waitInterval reach the script', () => {
    const chart = Testing.chart();
    const [waiter] = waitersOf(chart, [WaitFor.serviceName('mydb')], {
      clusterDomain: 'corp.example', waitTimeout: Duration.seconds(45), waitInterval: Duration.seconds(3),
    });
    const script = scriptOf(waiter);
    expect(script).toContain("cluster_domain='corp.example'");
    expect(script).toContain("timeout_s='45'");
    expect(script).toContain("interval_s='3'");
  });
});

describe('waiter containers', () => {
  test('are hardened, small, explicit IfNotPresent, and start busybox as a numeric non-root user', () => {
    const [waiter] = waitersOf(Testing.chart(), [WaitFor.tcp('db', 5432)]);
    expect(waiter).toMatchObject({
      name: 'wait-for-db-5432',
      image: 'busybox:1.37.0',
      imagePullPolicy: 'IfNotPresent',
      securityContext: {
        runAsUser: 65534,
        runAsGroup: 65534,
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        privileged: false,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
    });
  });

  test('keep the declared order and come before user init containers', () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'app', {
      waitFor: [WaitFor.serviceName('myservice'), WaitFor.serviceName('mydb'), WaitFor.http('http://web:8080/healthz')],
      initContainers: [{ name: 'migrate', image: 'busybox:1.28', securityContext: { user: 1000 } }],
      containers: [APP],
    });
    const spec = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name))
      .toEqual(['wait-for-myservice', 'wait-for-mydb', 'wait-for-web-8080', 'migrate']);
  });

  test('names stay valid, unique DNS-1123 labels for 63-character Service names', () => {
    const long1 = 's' + 'a'.repeat(61) + '1';
    const long2 = 's' + 'a'.repeat(61) + '2';
    const waiters = waitersOf(Testing.chart(), [WaitFor.serviceName(long1), WaitFor.serviceName(long2)]);
    const names = waiters.map(w => w.name);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(dns1123LabelErrors(name)).toEqual([]);
    }
    expect(new Set(names).size).toBe(2);
  });

  test('two Services of one name in different namespaces get distinct waiters', () => {
    const waiters = waitersOf(Testing.chart(), [WaitFor.serviceName('db', { namespace: 'a' }), WaitFor.serviceName('db', { namespace: 'b' })]);
    expect(waiters.map(w => w.name)).toEqual(['wait-for-db-a', 'wait-for-db-b']);
  });

  const TWICE = 'test/app/Deployment: waitFor lists service mydb.$POD_NAMESPACE twice: list each dependency once';

  test('the same dependency twice is refused', () => {
    expect(() => waitersOf(Testing.chart(), [WaitFor.serviceName('mydb'), WaitFor.serviceName('mydb')])).toThrow(TWICE);
  });

  test('a dependency addWaitFor repeats is refused with the same message, whether it came from props or addWaitFor', () => {
    const fromProps = new InitGatedApp(Testing.chart(), 'app', { waitFor: [WaitFor.serviceName('mydb')], containers: [APP] });
    expect(() => fromProps.addWaitFor(WaitFor.serviceName('mydb'))).toThrow(TWICE);
    const fromAdd = new InitGatedApp(Testing.chart(), 'app', { containers: [APP] });
    fromAdd.addWaitFor(WaitFor.serviceName('mydb'));
    expect(() => fromAdd.addWaitFor(WaitFor.serviceName('mydb'))).toThrow(TWICE);
  });

  test('a refused addWaitFor leaves the waiters as they were', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', { waitFor: [WaitFor.serviceName('mydb')], containers: [APP] });
    expect(() => app.addWaitFor(WaitFor.serviceName('other'), WaitFor.serviceName('mydb'))).toThrow(TWICE);
    app.addWaitFor(WaitFor.serviceName('other'));
    const spec = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-mydb', 'wait-for-other']);
  });

  test('addWaitFor after init containers and sidecars still puts the waiter after the earlier waiters and before them', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', {
      waitFor: [WaitFor.serviceName('mydb')],
      initContainers: [{ name: 'migrate', image: 'busybox:1.28', securityContext: { user: 1000 } }],
      sidecars: [{ name: 'proxy', image: 'nginx:1.25', securityContext: { user: 1000 } }],
      containers: [APP],
    });
    app.addWaitFor(WaitFor.tcp('cache', 6379));
    const spec = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-mydb', 'wait-for-cache-6379', 'migrate', 'proxy']);
  });

  test.each([
    [Duration.seconds(2), Duration.seconds(2), /interval 2s is not shorter than timeout 2s/],
    [Duration.millis(1500), Duration.seconds(1), /waitTimeout .* is not a whole number of seconds/],
  ])('bad timing (timeout %s, interval %s) is refused', (waitTimeout, waitInterval, message) => {
    expect(() => waitersOf(Testing.chart(), [WaitFor.serviceName('mydb')], { waitTimeout, waitInterval })).toThrow(message);
  });
});

describe('WaitFor.servicePort', () => {
  test('waits on the Service\'s name and one of its ports, qualified with its namespace when known', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'data' });
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432, targetPort: 15432 }] });
    const [waiter] = waitersOf(chart, [WaitFor.servicePort(db, 5432)]);
    expect(waiter.name).toBe('wait-for-db-5432');
    expect(scriptOf(waiter)).toContain("host='db.data.svc.cluster.local'");
    expect(scriptOf(waiter)).toContain("port='5432'");
  });

  test('without a known namespace the bare name resolves in the Pod\'s own namespace', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }] });
    expect(scriptOf(waitersOf(chart, [WaitFor.servicePort(db, 5432)])[0])).toContain("host='db'");
  });

  test('a port the Service does not expose fails the synth, naming the Service and its ports', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }, { port: 9187, protocol: kplus.Protocol.UDP }] });
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.servicePort(db, 5433)], containers: [APP] });
    expect(() => Testing.synth(chart)).toThrow(
      'test/app/Deployment: WaitFor.servicePort(test/db, 5433) waits for port 5433 of Service "db" (test/db), which exposes only TCP port(s) 5432: '
      + 'the waiter would time out and the Pod never start; wait for a port the Service exposes, or add 5433 to the Service');
  });

  test('a port bound to the Service after the waiter was declared counts', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' } });
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.servicePort(db, 5432)], containers: [APP] });
    expect(() => Testing.synth(chart)).toThrow(/which exposes no TCP port/);
    db.bind(5432);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a headless Service is not checked: its name resolves to the Pods, reached on any port', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, clusterIP: 'None', ports: [{ port: 80 }] });
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.servicePort(db, 5432)], containers: [APP] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('is the same dependency as WaitFor.tcp on the Service\'s name', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }] });
    expect(() => waitersOf(chart, [WaitFor.servicePort(db, 5432), WaitFor.tcp('db', 5432)])).toThrow('waitFor lists tcp db:5432 twice: list each dependency once');
  });

  test('a bad port is refused at construction', () => {
    const db = new kplus.Service(Testing.chart(), 'db', { ports: [{ port: 5432 }] });
    expect(() => WaitFor.servicePort(db, 0)).toThrow(/^WaitFor\.servicePort\(test\/db, 0\): port 0 is not valid/);
  });
});

describe('WaitFor.tcp on a host that names a Service of the app', () => {
  // The waiter's example from the issue: the Service db exposes only 5432.
  test.each([['db'], ['db.default'], ['db.default.svc'], ['db.default.svc.cluster.local']])('%s:5433 fails the synth like servicePort', (host) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }] });
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.tcp(host, 5433)], containers: [APP] });
    expect(() => Testing.synth(chart)).toThrow(`WaitFor.tcp("${host}", 5433) waits for port 5433 of Service "db" (test/db), which exposes only TCP port(s) 5432`);
  });

  test('an exposed port, another namespace\'s Service, or a host that is no Service of the app passes', () => {
    const chart = Testing.chart();
    new kplus.Service(chart, 'db', { metadata: { name: 'db', namespace: 'data' }, ports: [{ port: 5432 }] });
    new InitGatedApp(chart, 'app', {
      waitFor: [WaitFor.tcp('db.data', 5432), WaitFor.tcp('db', 5433), WaitFor.tcp('db.other', 5433), WaitFor.tcp('db.example.com', 1)],
      containers: [APP],
    });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('Services of one name in two namespaces: each host finds the Service of its own namespace', () => {
    const chart = Testing.chart();
    new kplus.Service(chart, 'db-a', { metadata: { name: 'db', namespace: 'a' }, ports: [{ port: 5432 }] });
    new kplus.Service(chart, 'db-b', { metadata: { name: 'db', namespace: 'b' }, ports: [{ port: 3306 }] });
    new InitGatedApp(chart, 'ok', { waitFor: [WaitFor.tcp('db.a', 5432), WaitFor.tcp('db.b', 3306)], containers: [APP] });
    expect(() => Testing.synth(chart)).not.toThrow();
    new InitGatedApp(chart, 'bad', { waitFor: [WaitFor.tcp('db.b', 5432)], containers: [APP] });
    expect(() => Testing.synth(chart)).toThrow(/WaitFor\.tcp\("db\.b", 5432\) waits for port 5432 of Service "db" \(test\/db-b\), which exposes only TCP port\(s\) 3306/);
  });

  test('on a workload the library does not own too (WaitFor.gate)', () => {
    const chart = Testing.chart();
    new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }] });
    const api = new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: 'nginx:1.25' }] });
    WaitFor.gate(api, [WaitFor.tcp('db', 5433)]);
    expect(() => Testing.synth(chart)).toThrow(/test\/api: WaitFor\.tcp\("db", 5433\) waits for port 5433 of Service "db"/);
  });
});

describe('hostile input never becomes a script', () => {
  test.each([
    ['service name with a command', () => WaitFor.serviceName('myservice; rm -rf /'), /myservice; rm -rf \//],
    ['service name with a substitution', () => WaitFor.serviceName('$(id)'), /\$\(id\)/],
    ['namespace with a quote', () => WaitFor.serviceName('db', { namespace: "a'b" }), /a'b/],
    ['host with a newline', () => WaitFor.tcp('db\nreboot', 80), /db/],
    ['port 0', () => WaitFor.tcp('db', 0), /port 0/],
    ['port 65536', () => WaitFor.tcp('db', 65536), /port 65536/],
    ['fractional port', () => WaitFor.tcp('db', 1.5), /port 1.5/],
    ['ftp url', () => WaitFor.http('ftp://db/'), /ftp:\/\/db\//],
    ['https url', () => WaitFor.http('https://db/'), /https/],
    ['url with a backtick', () => WaitFor.http('http://db/`id`'), /`id`/],
  ])('%s is refused at construction, naming the value', (_what, make, message) => {
    expect(make).toThrow(message);
    expect(make).toThrow(/^WaitFor\./);
  });

  test('a bad cluster domain is refused', () => {
    expect(() => waitersOf(Testing.chart(), [WaitFor.serviceName('mydb')], { clusterDomain: 'cluster.local;id' }))
      .toThrow(/cluster\.local;id/);
  });
});

describe('WaitFor.gate on a workload the library does not own', () => {
  test('waiters go before the existing init containers, hardened; later gates go after earlier ones', () => {
    const chart = Testing.chart();
    const api = new kplus.Deployment(chart, 'api', {
      containers: [{ name: 'api', image: 'nginx:1.25', securityContext: { user: 1000 } }],
      initContainers: [{ name: 'migrate', image: 'busybox:1.36', securityContext: { user: 1000 } }],
    });
    WaitFor.gate(api, [WaitFor.tcp('db', 5432)]);
    WaitFor.gate(api, [WaitFor.http('http://auth:8080/healthz')], { waitTimeout: Duration.minutes(1) });
    const spec = only(Testing.synth(chart), 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-db-5432', 'wait-for-auth-8080', 'migrate']);
    expect(spec.initContainers[0]).toMatchObject({
      image: 'busybox:1.37.0',
      imagePullPolicy: 'IfNotPresent',
      securityContext: { runAsUser: 65534, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
    expect(spec.initContainers[1].command[2]).toContain("timeout_s='60'");
  });

  test('the workload is checked with the API rules: a waiter named like an existing container fails the synth', () => {
    const chart = Testing.chart();
    const api = new kplus.Deployment(chart, 'api', { containers: [{ name: 'wait-for-db-5432', image: 'nginx:1.25' }] });
    WaitFor.gate(api, [WaitFor.tcp('db', 5432)]);
    expect(() => Testing.synth(chart)).toThrow(/api-container-name-duplicate/);
  });

  test('a PodPatterns.apply scope around it checks it with its own profile, not only the API rules', () => {
    const chart = Testing.chart();
    // allowPrivilegeEscalation: cdk8s-plus defaults it to false, which the API server refuses next to privileged: true.
    const api = new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: 'nginx:1.25', securityContext: { privileged: true, allowPrivilegeEscalation: true } }] });
    WaitFor.gate(api, [WaitFor.tcp('db', 5432)]);
    expect(() => Testing.synth(chart)).not.toThrow();
    PodPatterns.apply(chart);
    expect(() => Testing.synth(chart)).toThrow(/pss-baseline-privileged/);
  });

  // kubernetes v1.29.0 vendors github.com/distribution/reference v0.5.0 (regexp.go ipv6address): an IPv6 registry
  // parses from 1.29; 1.28's docker/distribution v2.8.2 refuses it.
  test('a waiterImage only 1.29+ reads: gated under setKubernetesVersion(1.33), refused at the default 1.28', () => {
    const waiterImage = '[::1]:5000/busybox:1.37.0';
    const chart = Testing.chart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const api = new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: 'nginx:1.25', securityContext: { user: 1000 } }] });
    WaitFor.gate(api, [WaitFor.tcp('db', 5432)], { waiterImage });
    expect(only(synthValid(chart), 'Deployment').spec.template.spec.initContainers[0]).toMatchObject({ image: waiterImage, imagePullPolicy: 'IfNotPresent' });
    const at128 = new kplus.Deployment(Testing.chart(), 'api', { containers: [{ name: 'api', image: 'nginx:1.25' }] });
    expect(() => WaitFor.gate(at128, [WaitFor.tcp('db', 5432)], { waiterImage }))
      .toThrow(/^test\/api: init container "wait-for-db-5432" image "\[::1\]:5000\/busybox:1\.37\.0" cannot be pulled.*judged for Kubernetes 1\.28/);
  });
});
