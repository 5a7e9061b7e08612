import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KubernetesVersion, PodPatterns, SafePod, SecurityProfile } from '../../src';
import { evaluateManifest } from '../support/pss-oracle';
import { allContainers, only, synthValid } from '../support/synth';

const DIGEST = 'sha256:' + 'a'.repeat(64);
const USER = { user: 1000, group: 1000 };

function newChart(): Chart {
  return Testing.chart();
}

function podOf(chart: Chart): any {
  return only(synthValid(chart), 'Pod');
}

function containerNamed(pod: any, name: string): any {
  return allContainers(pod.spec).find(c => c.name === name);
}

describe('SafePod image pull policy (k8s: pkg/apis/core/v1/defaults.go SetDefaults_Container)', () => {
  test.each([
    ['busybox:1.28', 'IfNotPresent'],
    ['localhost:5000/app:1.0', 'IfNotPresent'],
    [`app@${DIGEST}`, 'IfNotPresent'],
    [`app:latest@${DIGEST}`, 'Always'],
    ['busybox:Latest', 'IfNotPresent'],
  ])('%s gets an explicit %s', (image, expected) => {
    const chart = newChart();
    new SafePod(chart, 'pod', { containers: [{ name: 'app', image, securityContext: USER }] });
    expect(containerNamed(podOf(chart), 'app').imagePullPolicy).toBe(expected);
  });

  test('init containers and sidecars get the computed policy too, not cdk8s-plus\'s blanket Always', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      initContainers: [{ name: 'setup', image: 'busybox:1.36', securityContext: USER }],
      sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
    });
    const pod = podOf(chart);
    expect(allContainers(pod.spec).map(c => [c.name, c.imagePullPolicy])).toEqual([
      ['setup', 'IfNotPresent'],
      ['logs', 'IfNotPresent'],
      ['app', 'IfNotPresent'],
    ]);
  });

  test('a policy the user sets is kept', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', imagePullPolicy: kplus.ImagePullPolicy.NEVER, securityContext: USER }],
    });
    expect(containerNamed(podOf(chart), 'app').imagePullPolicy).toBe('Never');
  });

  test.each(['nginx', 'nginx:latest', 'localhost:5000/app'])('mutable image %s is refused, naming container and image', (image) => {
    expect(() => new SafePod(newChart(), 'pod', { containers: [{ name: 'web', image }] }))
      .toThrow(new RegExp(`container "web" image "${image}" .*pin a version tag or a digest .*constructs refuse it unless allowMutableImageTags is set\\)`));
  });

  test('an explicit imagePullPolicy does not make a mutable image acceptable', () => {
    expect(() => new SafePod(newChart(), 'pod', {
      containers: [{ name: 'web', image: 'nginx', imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT }],
    })).toThrow(/container "web" image "nginx" has no tag/);
  });

  test('allowMutableImageTags accepts them with Always, as the guide says', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', { allowMutableImageTags: true, containers: [{ name: 'web', image: 'nginx', securityContext: USER }] });
    expect(containerNamed(podOf(chart), 'web').imagePullPolicy).toBe('Always');
  });

  test.each(['BusyBox:1.28', ' busybox:1.28', 'app:', 'app@sha256:abc', ''])('unparseable image %j is refused at construction', (image) => {
    expect(() => new SafePod(newChart(), 'pod', { containers: [{ name: 'web', image }] }))
      .toThrow(/container "web"/);
  });
});

describe('SafePod hardening', () => {
  function hardenedPod(profile?: SecurityProfile): any {
    const chart = newChart();
    new SafePod(chart, 'pod', {
      securityProfile: profile,
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      initContainers: [{ name: 'setup', image: 'busybox:1.36', securityContext: USER }],
      sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
    });
    return podOf(chart);
  }

  test('default output satisfies Pod Security Standards restricted for every container', () => {
    const pod = hardenedPod();
    expect(evaluateManifest(pod, 'restricted').forbidden).toEqual([]); // pod-security-admission v0.28's verdict
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    for (const c of allContainers(pod.spec)) {
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
    }
  });

  test('no resources are invented (cdk8s-plus would request 1 CPU / 512Mi)', () => {
    for (const c of allContainers(hardenedPod().spec)) {
      expect(c.resources).toBeUndefined();
    }
  });

  test('BASELINE lets root images run: no runAsNonRoot, still no privilege escalation', () => {
    const pod = hardenedPod(SecurityProfile.BASELINE);
    expect(pod.spec.securityContext.runAsNonRoot).toBe(false);
    expect(evaluateManifest(pod, 'baseline').forbidden).toEqual([]);
    expect(evaluateManifest(pod, 'restricted').allowed).toBe(false);
    for (const c of allContainers(pod.spec)) {
      expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(c.securityContext.readOnlyRootFilesystem).toBe(false);
    }
  });

  test('an explicit choice that breaks the profile is reported at synth, not silently overridden', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: { ...USER, allowPrivilegeEscalation: true } }],
    });
    expect(() => Testing.synth(chart)).toThrow(/allowPrivilegeEscalation/);
  });
});

describe('SafePod Pod-level options', () => {
  test('shareProcessNamespace is emitted (guide R3)', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', { shareProcessNamespace: true, containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    expect(podOf(chart).spec.shareProcessNamespace).toBe(true);
  });

  test('a shared emptyDir volume is declared once and mounted by both containers (guide R1/R2)', () => {
    const chart = newChart();
    const shared = kplus.Volume.fromEmptyDir(chart, 'shared', 'shared');
    new SafePod(chart, 'pod', {
      containers: [
        { name: 'web', image: 'nginx:1.25', securityContext: USER, volumeMounts: [{ path: '/usr/share/nginx/html', volume: shared }] },
        { name: 'refresher', image: 'busybox:1.36', securityContext: USER, volumeMounts: [{ path: '/out', volume: shared }] },
      ],
    });
    const pod = podOf(chart);
    expect(pod.spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }]);
    expect(pod.spec.containers.map((c: any) => c.volumeMounts[0].name)).toEqual(['shared', 'shared']);
  });

  test.each([kplus.RestartPolicy.ALWAYS, kplus.RestartPolicy.ON_FAILURE, kplus.RestartPolicy.NEVER])(
    'a Pod accepts restartPolicy %s (k8s: validation.go validateRestartPolicy)', (restartPolicy) => {
      const chart = newChart();
      new SafePod(chart, 'pod', { restartPolicy, containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
      expect(podOf(chart).spec.restartPolicy).toBe(restartPolicy);
    });
});

// Image references Kubernetes 1.29+ reads and 1.28 refuses (kubernetes v1.29.0 go.mod: github.com/distribution/reference
// v0.5.0): an IPv6 registry (regexp.go ipv6address) and an upper-case first component, a registry host (normalize.go
// splitDockerDomain `strings.ToLower(maybeDomain) != maybeDomain`).
const READ_FROM_1_29 = ['[::1]:5000/app:1.0', 'Registry/app:1.0'];

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('SafePod and the Kubernetes release the app targets (issue 17)', () => {
  test.each(READ_FROM_1_29)('%s under setKubernetesVersion(1.33): constructed and synthesized with IfNotPresent everywhere', (image) => {
    const chart = newChart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const pod = new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image, securityContext: USER }],
      initContainers: [{ name: 'setup', image, securityContext: USER }],
      sidecars: [{ name: 'logs', image, securityContext: USER }],
    });
    pod.attachContainer(new kplus.Container({ name: 'attached', image, securityContext: USER }));
    const synthesized = podOf(chart);
    expect(allContainers(synthesized.spec).map(c => [c.name, c.image, c.imagePullPolicy])).toEqual([
      ['setup', image, 'IfNotPresent'],
      ['logs', image, 'IfNotPresent'],
      ['app', image, 'IfNotPresent'],
      ['attached', image, 'IfNotPresent'],
    ]);
  });

  test.each(READ_FROM_1_29)('%s at the default 1.28: refused at construction with the image rule\'s message', (image) => {
    expect(() => new SafePod(newChart(), 'pod', { containers: [{ name: 'web', image }] }))
      .toThrow(new RegExp(`^test/pod: container "web" image "${escaped(image)}" cannot be pulled: the kubelet fails with InvalidImageName.*`
        + 'judged for Kubernetes 1\\.28.*Kubernetes 1\\.29 and later accept it.*\\[runtime-image-reference\\]$'));
  });

  test('a container added after the version was set on the chart is judged for it; the innermost setting wins', () => {
    const chart = newChart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    expect(() => pod.addContainer({ name: 'v6', image: '[::1]:5000/app:1.0', securityContext: USER })).toThrow(/\[runtime-image-reference\]/);
    PodPatterns.setKubernetesVersion(chart.node.root, KubernetesVersion.V1_33);
    pod.addContainer({ name: 'v6', image: '[::1]:5000/app:1.0', securityContext: USER });
    expect(containerNamed(podOf(chart), 'v6').imagePullPolicy).toBe('IfNotPresent');
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_28);
    expect(() => pod.addContainer({ name: 'again', image: '[::1]:5000/app:1.0', securityContext: USER })).toThrow(/judged for Kubernetes 1\.28/);
  });

  test('version set to 1.28 AFTER construction at 1.33: the synth check judges at the final release and writes nothing', () => {
    const chart = newChart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: '[::1]:5000/app:1.0', securityContext: USER }] });
    PodPatterns.setKubernetesVersion(pod, KubernetesVersion.V1_28);
    expect(() => Testing.synth(chart)).toThrow(/test\/pod \(Pod.*\n.*\[runtime-image-reference\] spec\.containers\[0\]\.image: container "app" image "\[::1\]:5000\/app:1\.0" cannot be pulled/);
  });
});

describe('SafePod construction-time errors', () => {
  test('a probe on a plain init container names the container and the fix', () => {
    expect(() => new SafePod(newChart(), 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25' }],
      initContainers: [{ name: 'setup', image: 'busybox:1.36', readiness: kplus.Probe.fromCommand(['true']) }],
    })).toThrow(/init container "setup" readinessProbe: Forbidden: .*make the container a sidecar \(restartPolicy: Always\) \[api-init-container-probes\]/);
  });

  // A default 1.28 API server drops a sidecar's restartPolicy and then refuses its probes (kube-apiserver v1.28.7,
  // test/differential): the constructs need to know the cluster enables SidecarContainers, or a later release.
  test('a sidecar with probes on 1.28 is refused at construction unless the cluster enables SidecarContainers', () => {
    const props = {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER, readiness: kplus.Probe.fromCommand(['true']) }],
    };
    expect(() => new SafePod(newChart(), 'pod', props)).toThrow(
      /sidecar "proxy" readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always; the API server drops this sidecar's restartPolicy: Always on 1\.28 .*\[api-init-container-probes\]/);
    const chart = newChart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true }));
    new SafePod(chart, 'pod', props);
    expect(containerNamed(podOf(chart), 'proxy').readinessProbe.exec.command).toEqual(['true']);
  });

  test('a sidecar may have probes', () => {
    const chart = newChart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_29);
    new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER, readiness: kplus.Probe.fromCommand(['true']) }],
    });
    const proxy = containerNamed(podOf(chart), 'proxy');
    expect(proxy.restartPolicy).toBe('Always');
    expect(proxy.readinessProbe.exec.command).toEqual(['true']);
  });

  test('a container restartPolicy outside init containers is refused', () => {
    expect(() => new SafePod(newChart(), 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS }],
    })).toThrow(/container "app" restartPolicy "Always": Forbidden: may not be set for non-init containers.*\[api-container-restart-policy\]/);
  });

  test('an invalid container name is refused with Kubernetes\' message', () => {
    expect(() => new SafePod(newChart(), 'pod', { containers: [{ name: 'My_App', image: 'nginx:1.25' }] }))
      .toThrow(/container "My_App" name "My_App" is not a DNS-1123 label: a lowercase RFC 1123 label must consist of.*\[api-container-name\]/);
  });
});

describe('SafePod whole-Pod validation (every problem at once)', () => {
  test('duplicate names across init containers, sidecars and app containers, and a host port clash, are all reported', () => {
    const chart = newChart();
    new SafePod(chart, 'pod', {
      securityProfile: SecurityProfile.PRIVILEGED,
      containers: [
        { name: 'app', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 8080, hostPort: 8080 }] },
        { name: 'metrics', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 9090, hostPort: 8080 }] },
      ],
      initContainers: [{ name: 'app', image: 'busybox:1.36', securityContext: USER }],
    });
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Duplicate value: "app"/);
    expect(message).toMatch(/\[api-host-port-conflict\] spec\.containers\[1\]\.ports\[0\]\.hostPort/);
  });

  test('a volume mount that names no volume of the Pod is reported, even when added by a JSON patch', () => {
    const chart = newChart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    ApiObject.of(pod).addJsonPatch(JsonPatch.add('/spec/containers/0/volumeMounts', [{ name: 'ghost', mountPath: '/data' }]));
    expect(() => Testing.synth(chart)).toThrow(/ghost/);
  });
});

test('snapshot: a representative hardened SafePod', () => {
  const chart = newChart();
  const shared = kplus.Volume.fromEmptyDir(chart, 'shared', 'shared');
  new SafePod(chart, 'pod', {
    metadata: { name: 'web' },
    shareProcessNamespace: true,
    containers: [{ name: 'web', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 8080, name: 'http' }], volumeMounts: [{ path: '/srv', volume: shared }] }],
    initContainers: [{ name: 'render', image: 'busybox:1.36', securityContext: USER, volumeMounts: [{ path: '/srv', volume: shared }] }],
    sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
  });
  expect(synthValid(chart)).toMatchSnapshot();
});

describe('SafePod with securityProfile PRIVILEGED is a kplus.Pod (the cdk8s-plus contract)', () => {
  function synthBoth(build: (pod: kplus.Pod) => void, props: kplus.PodProps = {}): [any, any] {
    const plainChart = newChart();
    build(new kplus.Pod(plainChart, 'pod', props));
    const safeChart = newChart();
    build(new SafePod(safeChart, 'pod', { ...props, securityProfile: SecurityProfile.PRIVILEGED, allowMutableImageTags: true }));
    return [Testing.synth(plainChart)[0], Testing.synth(safeChart)[0]];
  }

  /** The two documented differences, undone: cdk8s-plus's blanket Always and its invented resources. */
  function asCdk8sPlusWouldWrite(pod: any): any {
    const copy = JSON.parse(JSON.stringify(pod));
    for (const container of allContainers(copy.spec)) {
      container.imagePullPolicy = 'Always';
      container.resources = { limits: { cpu: '1500m', memory: '2048Mi' }, requests: { cpu: '1000m', memory: '512Mi' } };
    }
    return copy;
  }

  test('same Pod but for the pull policy and resources, including cdk8s-plus\'s security defaults', () => {
    const [plain, safe] = synthBoth(pod => {
      pod.addContainer({ name: 'web', image: 'nginx:1.25', portNumber: 8080 });
      pod.addInitContainer({ image: 'busybox:1.36' });
      pod.addInitContainer({ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS });
      pod.attachContainer(new kplus.Container({ name: 'metrics', image: 'prom/statsd-exporter:v0.26.0' }));
    });
    expect(safe.spec.securityContext).toEqual(plain.spec.securityContext);
    expect(safe.spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    });
    expect(asCdk8sPlusWouldWrite(safe)).toEqual(plain);
    expect(allContainers(safe.spec).map(c => [c.name, c.imagePullPolicy, c.resources])).toEqual([
      ['init-0', 'IfNotPresent', undefined],
      ['proxy', 'IfNotPresent', undefined],
      ['web', 'IfNotPresent', undefined],
      ['metrics', 'IfNotPresent', undefined],
    ]);
  });

  test('a :latest image keeps Always, as Kubernetes itself defaults it', () => {
    const [, safe] = synthBoth(pod => pod.addContainer({ image: 'nginx' }));
    expect(safe.spec.containers[0].imagePullPolicy).toBe('Always');
  });

  test('dns settings come out as cdk8s-plus writes them (IP nameservers, props and addNameserver/addSearch/addOption)', () => {
    // a fresh props object per Pod: cdk8s-plus's PodDns keeps (and appends to) the arrays it is given
    const dns = (): kplus.PodDnsProps => ({
      hostname: 'web',
      subdomain: 'sub',
      hostnameAsFQDN: true,
      policy: kplus.DnsPolicy.NONE,
      nameservers: ['10.0.0.10'],
      searches: ['svc.cluster.local'],
      options: [{ name: 'ndots', value: '2' }],
    });
    const build = (pod: kplus.Pod) => {
      pod.addContainer({ image: 'nginx:1.25' });
      pod.dns.addNameserver('2001:db8::10');
      pod.dns.addSearch('cluster.local');
      pod.dns.addOption({ name: 'edns0' });
    };
    const plainChart = newChart();
    build(new kplus.Pod(plainChart, 'pod', { dns: dns() }));
    const safeChart = newChart();
    build(new SafePod(safeChart, 'pod', { dns: dns(), securityProfile: SecurityProfile.PRIVILEGED, allowMutableImageTags: true }));
    const [plain, safe] = [Testing.synth(plainChart)[0], Testing.synth(safeChart)[0]];
    expect(safe.spec.dnsConfig).toEqual({
      nameservers: ['10.0.0.10', '2001:db8::10'],
      searches: ['svc.cluster.local', 'cluster.local'],
      options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
    });
    expect([safe.spec.hostname, safe.spec.subdomain, safe.spec.setHostnameAsFQDN, safe.spec.dnsPolicy]).toEqual(['web', 'sub', true, 'None']);
    expect(asCdk8sPlusWouldWrite(safe)).toEqual(plain);
  });

  test('a host name as nameserver: kplus.Pod writes it, SafePod fails the synth as the API server would (api-pod-dns)', () => {
    const plainChart = newChart();
    new kplus.Pod(plainChart, 'pod', { containers: [{ image: 'nginx:1.25' }], dns: { nameservers: ['10.0.0.10'] } })
      .dns.addNameserver('dns.example.com');
    expect(Testing.synth(plainChart)[0].spec.dnsConfig.nameservers).toEqual(['10.0.0.10', 'dns.example.com']);

    const safeChart = newChart();
    new SafePod(safeChart, 'pod', {
      securityProfile: SecurityProfile.PRIVILEGED,
      allowMutableImageTags: true,
      containers: [{ image: 'nginx:1.25' }],
      dns: { nameservers: ['10.0.0.10'] },
    }).dns.addNameserver('dns.example.com');
    expect(() => Testing.synth(safeChart))
      .toThrow(/\[api-pod-dns\] spec\.dnsConfig\.nameservers\[1\]: Invalid value: "dns\.example\.com": must be valid IP address/);
  });
});
