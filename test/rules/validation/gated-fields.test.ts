import { errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// validation.go (1.28) checks these fields only where their alpha gate is on; a default 1.28 server drops them first
// (dropDisabledFields), so they are bp-dropped-alpha-field warnings there, never API errors.
const RESIZE_ON = KubernetesVersion.V1_28.withFeatureGates({ InPlacePodVerticalScaling: true });
const CLAIMS_ON = KubernetesVersion.V1_28.withFeatureGates({ DynamicResourceAllocation: true });
const USERNS_ON = KubernetesVersion.V1_28.withFeatureGates({ UserNamespacesSupport: true });
const ctr = (extra: any) => ({ name: 'ctr', image: 'busybox:1.36.1', ...extra });

describe('resizePolicy (InPlacePodVerticalScaling)', () => {
  const withPolicies = (resizePolicy: any[]) => pod({ containers: [ctr({ resizePolicy })] });

  // k8s: TestValidateResizePolicy (validation_test.go v1.28.7), each case's list on an app container.
  test.each([
    ['ValidCPUandMemoryPolicies', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }], []],
    ['ValidCPUPolicy', [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }], []],
    ['NoPolicy', [], []],
    ['ValidCPUandInvalidMemoryPolicy', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'Restarrrt' }],
      ['spec.containers[0].resizePolicy: Unsupported value: "Restarrrt": supported values: "NotRequired", "RestartContainer"']],
    ['InvalidResourceNameValidPolicy', [{ resourceName: 'cpuuu', restartPolicy: 'NotRequired' }],
      ['spec.containers[0].resizePolicy: Unsupported value: "cpuuu": supported values: "cpu", "memory"']],
    ['ValidResourceNameMissingPolicy', [{ resourceName: 'memory', restartPolicy: '' }], ['spec.containers[0].resizePolicy: Required value']],
    ['RepeatedPolicies', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' },
      { resourceName: 'cpu', restartPolicy: 'RestartContainer' }], ['spec.containers[0].resizePolicy[2]: Duplicate value: "cpu"']],
  ])('%s', (_name, policies, expected) => {
    expect(messages(withPolicies(policies), 'api-pod-fields', RESIZE_ON)).toEqual(expected);
    // Dropped where the gate is off: no API error, the dropped field's warning instead.
    expect(errors(withPolicies(policies), KubernetesVersion.V1_28)).toEqual([]);
  });

  test('validateInitContainers: must not be set for init containers', () => {
    const obj = pod({ initContainers: [ctr({ name: 'init', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })] });
    expect(messages(obj, 'api-pod-fields', RESIZE_ON)).toEqual([
      'spec.initContainers[0].resizePolicy: Invalid value: [{"resourceName":"cpu","restartPolicy":"NotRequired"}]: must not be set for init containers',
    ]);
  });
});

describe('resource claims (DynamicResourceAllocation)', () => {
  const claimed = (names: string[], resourceClaims: any[], kind = 'Pod') => {
    const obj = pod({ containers: [ctr({ resources: { claims: names.map((name) => ({ name })) } })], resourceClaims }, { name: 'some-pod' });
    return { ...obj, kind };
  };
  const byName = (name: string) => ({ name, source: { resourceClaimName: 'external-claim' } });

  // k8s: TestValidateDynamicResourceAllocation success and failure cases (validation_test.go v1.28.7)
  test('a container claims what the Pod declares: by name or template', () => {
    expect(errors(claimed(['my-claim', 'another-claim'], [byName('my-claim'), { name: 'another-claim', source: { resourceClaimTemplateName: 'tmpl' } }]), CLAIMS_ON)).toEqual([]);
  });

  test.each([
    ['claim not found', ['no-such-claim'], [byName('my-claim')], ['spec.containers[0].resources.claims[0]: Not found: "no-such-claim": must be one of the names in pod.spec.resourceClaims: my-claim']],
    ['no claims defined', ['my-claim'], [], ['spec.containers[0].resources.claims[0]: Not found: "my-claim": must be one of the names in pod.spec.resourceClaims which is empty']],
    ['claim name empty', [''], [byName('my-claim')], ['spec.containers[0].resources.claims[0]: Required value']],
    ['pod claim name duplicates', ['my-claim', 'my-claim'], [byName('my-claim')], ['spec.containers[0].resources.claims[1]: Duplicate value: "my-claim"']],
    ['duplicate pod claim entries', [], [byName('my-claim'), byName('my-claim')], ['spec.resourceClaims[1].name: Duplicate value: "my-claim"']],
    ['pod claim name empty', [], [byName('')], ['spec.resourceClaims[0].name: Required value']],
    ['resource claim source empty', [], [{ name: 'my-claim', source: {} }],
      ['spec.resourceClaims[0].source: Invalid value: {}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`']],
    ['resource claim reference and template', [], [{ name: 'my-claim', source: { resourceClaimName: 'a', resourceClaimTemplateName: 'b' } }],
      ['spec.resourceClaims[0].source: Invalid value: {"resourceClaimName":"a","resourceClaimTemplateName":"b"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified']],
  ])('%s', (_name, names, resourceClaims, expected) => {
    expect(messages(claimed(names, resourceClaims), 'api-pod-fields', CLAIMS_ON)).toEqual(expected);
    expect(errors(claimed(names, resourceClaims), KubernetesVersion.V1_28)).toEqual([]);
  });

  test('a pod claim name must be a DNS label', () => {
    expect(messages(claimed([], [byName('my/claim')]), 'api-pod-fields', CLAIMS_ON)).toEqual([expect.stringMatching(/^spec\.resourceClaims\[0\]\.name: Invalid value: "my\/claim": a lowercase RFC 1123 label/)]);
  });

  // validatePodResourceClaim: the claim made from a template is named <pod>-<claim>; ValidatePodTemplateSpec passes no Pod metadata.
  test('with a template, <pod name>-<claim name> must be a valid object name, for Pods only', () => {
    const long = { name: 'c', source: { resourceClaimTemplateName: 'tmpl' } };
    const obj = pod({ resourceClaims: [long] }, { name: `${'a'.repeat(253)}` });
    expect(messages(obj, 'api-pod-fields', CLAIMS_ON)).toEqual([expect.stringContaining('final ResourceClaim name: must be no more than 253 characters')]);
  });
});

describe('hostUsers (UserNamespacesSupport)', () => {
  // k8s: TestValidateHostUsers (validation_test.go v1.28.7)
  test.each([
    ['hostUsers=false', { hostUsers: false }, []],
    ['hostUsers=true', { hostUsers: true }, []],
    ['hostUsers=true with host namespaces', { hostUsers: true, hostNetwork: true, hostPID: true }, []],
    ['hostUsers=false & HostNetwork', { hostUsers: false, hostNetwork: true }, ['spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false']],
    ['hostUsers=false & HostPID', { hostUsers: false, hostPID: true }, ['spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false']],
    ['hostUsers=false & HostIPC', { hostUsers: false, hostIPC: true }, ['spec.HostIPC: Forbidden: when `pod.Spec.HostUsers` is false']],
  ])('%s', (_name, spec, expected) => {
    expect(messages(pod(spec), 'api-pod-fields', USERNS_ON)).toEqual(expected);
    expect(messages(pod(spec), 'api-pod-fields', KubernetesVersion.V1_28)).toEqual([]);
  });

  test('validateWindows: cannot be set for a windows pod', () => {
    expect(messages(pod({ os: { name: 'windows' }, hostUsers: true }), 'api-pod-fields', USERNS_ON)).toEqual(['spec.hostUsers: Forbidden: cannot be set for a windows pod']);
    expect(messages(pod({ os: { name: 'windows' }, hostUsers: true }), 'api-pod-fields', KubernetesVersion.V1_28)).toEqual([]);
  });

  // ValidatePodSpec runs validateHostUsers and validateWindows independently: a windows Pod gets both.
  test('a windows Pod with hostUsers false and hostNetwork gets validateHostUsers\' error too', () => {
    expect(messages(pod({ os: { name: 'windows' }, hostUsers: false, hostNetwork: true }), 'api-pod-fields', USERNS_ON).map((m) => m.split(':')[0]))
      .toEqual(['spec.hostNetwork', 'spec.hostUsers']);
  });
});

test('on by default from the release that turns the gate on: 1.33 checks resizePolicy and hostUsers, 1.34 claims', () => {
  const obj = pod({ hostUsers: false, hostNetwork: true, containers: [ctr({ resizePolicy: [{ resourceName: 'disk', restartPolicy: 'NotRequired' }], resources: { claims: [{ name: 'gpu' }] } })] });
  const paths = (version: KubernetesVersion) => messages(obj, 'api-pod-fields', version).map((m) => m.split(':')[0]);
  expect(paths(KubernetesVersion.V1_32)).toEqual([]);
  expect(paths(KubernetesVersion.V1_33)).toEqual(['spec.containers[0].resizePolicy', 'spec.hostNetwork']);
  expect(paths(KubernetesVersion.V1_34)).toEqual(['spec.containers[0].resizePolicy', 'spec.containers[0].resources.claims[0]', 'spec.hostNetwork']);
});
