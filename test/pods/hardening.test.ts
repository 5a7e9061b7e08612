import * as kplus from 'cdk8s-plus-28';
import { KubernetesVersion, SecurityProfile } from '../../src';
import { hardenContainerProps, hardenManifest, hardenPodProps, hardenPodSpec } from '../../src/pods/hardening';

const RESTRICTED_CONTEXT = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('hardenPodSpec (synth-time completion of manifests)', () => {
  test('RESTRICTED fills every required field of a bare container, init containers included', () => {
    const spec: any = { initContainers: [{ name: 'i', image: 'busybox:1.36' }], containers: [{ name: 'c', image: 'nginx:1.25' }] };
    expect(hardenPodSpec(spec, SecurityProfile.RESTRICTED)).toEqual([{ group: 'initContainers', index: 0 }, { group: 'containers', index: 0 }]);
    for (const container of [...spec.initContainers, ...spec.containers]) {
      expect(container.securityContext).toEqual(RESTRICTED_CONTEXT);
      expect(container.imagePullPolicy).toBe('IfNotPresent');
    }
  });

  test('never overrides a value the user set, so the rules can name it', () => {
    const spec: any = { containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'Always', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } } }] };
    hardenPodSpec(spec, SecurityProfile.RESTRICTED);
    const [container] = spec.containers;
    expect(container.imagePullPolicy).toBe('Always');
    expect(container.securityContext.privileged).toBe(true);
    expect(container.securityContext.capabilities).toEqual({ add: ['NET_ADMIN'], drop: ['ALL'] });
  });

  test('with cdk8sPlusDefaults exactly Always counts as unset (cdk8s-plus writes it everywhere); other values stay', () => {
    const spec: any = {
      containers: [
        { name: 'pinned', image: 'nginx:1.25', imagePullPolicy: 'Always' },
        { name: 'latest', image: 'nginx:latest', imagePullPolicy: 'Always' },
        { name: 'never', image: 'nginx:1.25', imagePullPolicy: 'Never' },
      ],
    };
    const completed = hardenPodSpec(spec, SecurityProfile.PRIVILEGED, true);
    expect(spec.containers.map((c: any) => c.imagePullPolicy)).toEqual(['IfNotPresent', 'Always', 'Never']);
    expect(completed).toEqual([{ group: 'containers', index: 0 }]);
  });

  test('an explicit capabilities.drop is kept as written', () => {
    const spec: any = { containers: [{ name: 'c', image: 'nginx:1.25', securityContext: { capabilities: { drop: ['NET_RAW'] } } }] };
    hardenPodSpec(spec, SecurityProfile.RESTRICTED);
    expect(spec.containers[0].securityContext.capabilities).toEqual({ drop: ['NET_RAW'] });
  });

  test('a field the Pod sets for every container is not repeated on the container (PSS honours the Pod level)', () => {
    const spec: any = {
      securityContext: { runAsNonRoot: false, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
      containers: [{ name: 'c', image: 'nginx:1.25' }],
    };
    hardenPodSpec(spec, SecurityProfile.RESTRICTED);
    expect(spec.containers[0].securityContext.runAsNonRoot).toBeUndefined();
    expect(spec.containers[0].securityContext.seccompProfile).toBeUndefined();
    expect(spec.containers[0].securityContext.privileged).toBe(false);
  });

  test('BASELINE fills only what keeps known escalations closed', () => {
    const spec: any = { containers: [{ name: 'c', image: 'nginx:1.25' }] };
    hardenPodSpec(spec, SecurityProfile.BASELINE);
    expect(spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('PRIVILEGED adds no security field, only the computed pull policy', () => {
    const spec: any = { containers: [{ name: 'c', image: 'nginx' }] };
    hardenPodSpec(spec, SecurityProfile.PRIVILEGED);
    expect(spec.containers[0]).toEqual({ name: 'c', image: 'nginx', imagePullPolicy: 'Always' });
  });

  test('ephemeral containers are left alone, and a fully hardened spec reports no change', () => {
    const spec: any = {
      containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', securityContext: RESTRICTED_CONTEXT }],
      ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
    };
    expect(hardenPodSpec(spec, SecurityProfile.RESTRICTED)).toEqual([]);
    expect(spec.ephemeralContainers[0]).toEqual({ name: 'debug', image: 'busybox:1.36' });
  });

  test('an unparseable image gets no pull policy (the image rules report it)', () => {
    const spec: any = { containers: [{ name: 'c', image: 'Bad Image' }] };
    hardenPodSpec(spec, SecurityProfile.PRIVILEGED);
    expect(spec.containers[0].imagePullPolicy).toBeUndefined();
  });
});

describe('hardenContainerProps (construction-time, the same table)', () => {
  test('RESTRICTED sets each field the manifest-level table sets', () => {
    expect(hardenContainerProps(undefined, SecurityProfile.RESTRICTED)).toEqual({
      ensureNonRoot: true,
      privileged: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: [kplus.Capability.ALL] },
      seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
    });
  });

  test('what the user set wins', () => {
    const given = { readOnlyRootFilesystem: false, user: 1000, capabilities: { add: [kplus.Capability.NET_BIND_SERVICE] } };
    const hardened = hardenContainerProps(given, SecurityProfile.RESTRICTED);
    expect(hardened).toMatchObject({ readOnlyRootFilesystem: false, user: 1000, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } });
  });

  test('BASELINE relaxes cdk8s-plus\'s runAsNonRoot and read-only root so root images run', () => {
    expect(hardenContainerProps(undefined, SecurityProfile.BASELINE)).toEqual({
      ensureNonRoot: false,
      readOnlyRootFilesystem: false,
      privileged: false,
      allowPrivilegeEscalation: false,
      seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
    });
  });

  test('PRIVILEGED passes props through untouched: the container is cdk8s-plus\'s', () => {
    const given = { user: 0 };
    expect(hardenContainerProps(given, SecurityProfile.PRIVILEGED)).toBe(given);
    expect(hardenContainerProps(undefined, SecurityProfile.PRIVILEGED)).toBeUndefined();
  });

  test.each([
    [SecurityProfile.RESTRICTED, true],
    [SecurityProfile.BASELINE, false],
    [SecurityProfile.PRIVILEGED, undefined],
  ])('hardenPodProps %s sets ensureNonRoot %s', (profile, expected) => {
    expect(hardenPodProps(undefined, profile)?.ensureNonRoot).toBe(expected);
    expect(hardenPodProps({ ensureNonRoot: true, fsGroup: 2000 }, profile)).toMatchObject({ ensureNonRoot: true, fsGroup: 2000 });
  });
});

describe('hardenManifest', () => {
  test('hardens the Pod spec of every template of a manifest in place (a CronJob\'s job template included)', () => {
    const cronJob: any = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } } } },
    };
    expect(hardenManifest(cronJob, SecurityProfile.RESTRICTED, false)).toBe(cronJob);
    expect(cronJob.spec.jobTemplate.spec.template.spec.containers[0].securityContext).toEqual(RESTRICTED_CONTEXT);
  });
});

// kubernetes v1.29.0 vendors github.com/distribution/reference v0.5.0: an IPv6 registry (regexp.go ipv6address) and an
// upper-case first component (normalize.go splitDockerDomain) parse from 1.29; 1.28's docker/distribution v2.8.2 refuses both.
describe('the pull policy at synth reads the image as the target release does', () => {
  test.each(['[::1]:5000/app:1.0', 'Registry/app:1.0'])('%s: computed on 1.33, left to the image rules on 1.28', (image) => {
    const at133 = { containers: [{ name: 'c', image }] } as any;
    hardenPodSpec(at133, SecurityProfile.PRIVILEGED, false, KubernetesVersion.V1_33);
    expect(at133.containers[0].imagePullPolicy).toBe('IfNotPresent');
    const at128 = { containers: [{ name: 'c', image }] } as any;
    expect(hardenPodSpec(at128, SecurityProfile.PRIVILEGED)).toEqual([]);
    expect(at128.containers[0].imagePullPolicy).toBeUndefined();
  });

  test('cdk8s-plus\'s Always on a 1.29+ reference is recomputed on 1.33 and kept on 1.28', () => {
    const manifest = (): any => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: '[::1]:5000/app:1.0', imagePullPolicy: 'Always' }] } });
    expect(hardenManifest(manifest(), SecurityProfile.PRIVILEGED, true, KubernetesVersion.V1_33).spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(hardenManifest(manifest(), SecurityProfile.PRIVILEGED, true).spec.containers[0].imagePullPolicy).toBe('Always');
  });
});
