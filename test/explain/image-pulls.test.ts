import { imagePullEntries, shouldPullImage } from '../../src/explain/image-pulls';
import { workloadSource } from '../../src/explain/workload-source';

function pullsOf(containers: any[]) {
  return imagePullEntries(workloadSource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } })!);
}

describe('shouldPullImage (pkg/kubelet/images/image_manager_test.go pullerTestCases)', () => {
  test.each([
    ['image missing, pull', 'IfNotPresent', false, true],
    ['image present, don\'t pull', 'IfNotPresent', true, false],
    ['image present, pull', 'Always', true, true],
    ['image missing, never pull', 'Never', false, false],
    ['image present, never pull', 'Never', true, false],
  ])('%s', (_name, policy, present, pull) => {
    expect(shouldPullImage(policy, present)).toBe(pull);
  });
});

describe('imagePullEntries', () => {
  test('an omitted policy is defaulted from the reference as SetDefaults_Container does', () => {
    const entries = pullsOf([
      { name: 'no-tag', image: 'nginx' },
      { name: 'latest', image: 'nginx:latest' },
      { name: 'tag', image: 'nginx:1.27' },
      { name: 'digest', image: `nginx@sha256:${'a'.repeat(64)}` },
      { name: 'registry-port', image: 'localhost:5000/app' },
    ]);
    expect(entries.map(e => [e.container, e.pullPolicy, e.pullPolicySource])).toEqual([
      ['no-tag', 'Always', 'defaulted'],
      ['latest', 'Always', 'defaulted'],
      ['tag', 'IfNotPresent', 'defaulted'],
      ['digest', 'IfNotPresent', 'defaulted'],
      ['registry-port', 'Always', 'defaulted'],
    ]);
    expect(entries[0].why).toBe('defaulted by the API server: no tag means "latest"');
  });

  test('Always never uses the node\'s copy when the registry is unreachable; Never fails without back-off (issue 16, observed)', () => {
    const [always, never] = pullsOf([{ name: 'a', image: 'nginx:1.27', imagePullPolicy: 'Always' }, { name: 'n', image: 'nginx:1.27', imagePullPolicy: 'Never' }]);
    expect(always.onStart).toMatch(/ErrImagePull, then ImagePullBackOff .* never the node's copy/);
    expect(never.onStart).toMatch(/ErrImageNeverPull, retried at each sync without back-off/);
  });

  test('an image the kubelet cannot parse is said to never start (InvalidImageName)', () => {
    const [entry] = pullsOf([{ name: 'bad', image: 'Nginx:1.27' }]);
    expect(entry.pullPolicySource).toBe('invalid');
    expect(entry.onStart).toMatch(/InvalidImageName/);
  });
});
