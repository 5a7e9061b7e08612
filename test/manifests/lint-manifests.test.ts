import {
  effectiveProfile,
  hasErrors,
  lintManifestFiles,
  ManifestLintOptions,
  parseProfile,
  PROFILE_NAMES,
  summarize,
} from '../../src/manifests/lint-manifests';
import { CONSTRUCT_PATH_ANNOTATION, PROFILE_ANNOTATION } from '../../src/pods/provenance';
import { SecurityProfile } from '../../src/policy/security-profile';
import { Finding, Severity } from '../../src/rules/finding';

// A Pod that only a privileged container makes wrong under baseline
// (k8s: staging/src/k8s.io/pod-security-admission/policy/check_privileged.go).
function pod(privileged: boolean) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      containers: [{
        name: 'web',
        image: 'busybox:1.36.1',
        imagePullPolicy: 'IfNotPresent',
        securityContext: { privileged },
      }],
    },
  };
}

function finding(severity: Severity): Finding {
  return { ruleId: 'r', severity, kind: 'Pod', name: 'p', path: 'spec', message: 'm' };
}

describe('parseProfile', () => {
  test.each([
    ['privileged', SecurityProfile.PRIVILEGED],
    ['baseline', SecurityProfile.BASELINE],
    ['restricted', SecurityProfile.RESTRICTED],
  ])('accepts %s', (name, profile) => {
    expect(parseProfile(name)).toBe(profile);
  });

  // The Pod Security admission labels are lower case (pod-security.kubernetes.io/enforce: restricted).
  test.each(['Restricted', 'RESTRICTED', 'strict', ''])('rejects %j', (name) => {
    expect(parseProfile(name)).toBeUndefined();
  });

  test('PROFILE_NAMES lists every profile', () => {
    expect([...PROFILE_NAMES].sort()).toEqual(Object.values(SecurityProfile).sort());
  });
});

describe('lintManifestFiles', () => {
  test('attributes findings to the file that holds the object, even when kind and name repeat', () => {
    const result = lintManifestFiles([
      { file: 'clean.yaml', objects: [pod(false)] },
      { file: 'bad.yaml', objects: [pod(true)] },
    ], { profile: SecurityProfile.BASELINE });
    const privileged = result.findings.filter((f) => f.ruleId === 'pss-baseline-privileged');
    expect(privileged.map((f) => f.file)).toEqual(['bad.yaml']);
    expect(privileged[0]).toMatchObject({ kind: 'Pod', name: 'web', path: 'spec.containers[0].securityContext.privileged', severity: Severity.ERROR });
  });

  test('counts objects across files, including files with none', () => {
    const result = lintManifestFiles([
      { file: 'a.yaml', objects: [pod(false), pod(false)] },
      { file: 'empty.yaml', objects: [] },
      { file: 'b.yaml', objects: [pod(false)] },
    ], { profile: SecurityProfile.PRIVILEGED });
    expect(result.objectCount).toBe(3);
  });

  // k8s: plugin/pkg/admission/serviceaccount/admission.go shouldAutomount: a ServiceAccount
  // with automountServiceAccountToken: false leaves the guide's waiter without its namespace
  // file. `kubectl apply -f DIR` sees the ServiceAccount whatever file it is in.
  test('a ServiceAccount in another file is a cluster fact for the Pods of every file', () => {
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' }, automountServiceAccountToken: false };
    const waiter = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'myapp-pod' },
      spec: {
        containers: [{
          name: 'init-myservice',
          image: 'busybox:1.28',
          command: ['sh', '-c', 'nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local'],
        }],
      },
    };
    const files = [
      { file: 'pod.yaml', objects: [waiter] },
      { file: 'accounts.yaml', objects: [account] },
    ];
    const together = lintManifestFiles(files, { profile: SecurityProfile.PRIVILEGED }).findings.filter((f) => f.ruleId === 'runtime-sa-namespace-file');
    expect(together.map((f) => [f.file, f.kind, f.path])).toEqual([['pod.yaml', 'Pod', 'spec.containers[0].command[2]']]);

    const podAlone = lintManifestFiles([files[0]], { profile: SecurityProfile.PRIVILEGED }).findings;
    expect(podAlone.filter((f) => f.ruleId === 'runtime-sa-namespace-file')).toEqual([]);
  });

  test('each finding is attributed to the file holding its object, even when two files hold a Pod/web', () => {
    const result = lintManifestFiles([
      { file: 'a.yaml', objects: [pod(false)] },
      { file: 'b.yaml', objects: [pod(false)] },
    ], { profile: SecurityProfile.RESTRICTED });
    const byFile = (file: string) => result.findings.filter((f) => f.file === file).map((f) => `${f.kind}/${f.name} ${f.ruleId} ${f.path}`);
    expect(byFile('a.yaml').length).toBeGreaterThan(0);
    expect(byFile('a.yaml')).toEqual(byFile('b.yaml'));
    expect(result.findings.length).toBe(byFile('a.yaml').length * 2);
  });

  test('suppressed findings are attributed to their file too, and left out of findings', () => {
    const annotated: any = pod(true);
    annotated.metadata.annotations = { 'ignore-check.cdk8s-pod-patterns.io/pss-baseline-privileged': 'GPU driver' };
    const result = lintManifestFiles([{ file: 'a.yaml', objects: [pod(false)] }, { file: 'gpu.yaml', objects: [annotated] }], { profile: SecurityProfile.BASELINE });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('pss-baseline-privileged');
    expect(result.suppressed.map((f) => [f.file, f.ruleId, f.reason])).toEqual([['gpu.yaml', 'pss-baseline-privileged', 'GPU driver']]);
  });

  test('disabledRules is passed through', () => {
    const result = lintManifestFiles([{ file: 'bad.yaml', objects: [pod(true)] }], { profile: SecurityProfile.BASELINE, disabledRules: ['pss-baseline-privileged'] });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('pss-baseline-privileged');
  });

  test('the profile is passed through: privileged checks no security rule', () => {
    const result = lintManifestFiles([{ file: 'bad.yaml', objects: [pod(true)] }], { profile: SecurityProfile.PRIVILEGED });
    expect(result.findings.filter((f) => f.ruleId.startsWith('pss-'))).toEqual([]);
  });
});

describe('hasErrors', () => {
  test('true with one error among warnings', () => {
    expect(hasErrors([finding(Severity.WARNING), finding(Severity.ERROR)])).toBe(true);
  });

  test('false with warnings only, and with nothing', () => {
    expect(hasErrors([finding(Severity.WARNING)])).toBe(false);
    expect(hasErrors([])).toBe(false);
  });
});

describe('summarize', () => {
  test.each([
    [[Severity.ERROR, Severity.ERROR, Severity.WARNING], 3, '2 errors, 1 warning in 3 objects'],
    [[Severity.ERROR], 1, '1 error, 0 warnings in 1 object'],
    [[], 0, '0 errors, 0 warnings in 0 objects'],
    [[Severity.WARNING, Severity.WARNING], 5, '0 errors, 2 warnings in 5 objects'],
  ])('%j over %d objects', (severities, objects, expected) => {
    expect(summarize(severities.map(finding), objects)).toBe(expected);
  });

  test('suppressed findings are counted apart, only when there are some', () => {
    expect(summarize([finding(Severity.WARNING)], 2, 3)).toBe('0 errors, 1 warning in 2 objects (3 suppressed)');
    expect(summarize([], 2, 0)).toBe('0 errors, 0 warnings in 2 objects');
  });
});

describe('each object is judged at the profile it declares', () => {
  // Runs as root without runAsNonRoot: fine under baseline, refused under restricted
  // (k8s: staging/src/k8s.io/pod-security-admission/policy/check_runAsNonRoot.go).
  function rootPod(name: string, declared?: string) {
    const annotations = declared === undefined ? undefined : { [PROFILE_ANNOTATION]: declared };
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, annotations },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27.2', imagePullPolicy: 'IfNotPresent' }] },
    };
  }
  const files = [{ file: 'app.yaml', objects: [rootPod('declares-baseline', 'baseline'), rootPod('declares-nothing')] }];
  const failing = (options: ManifestLintOptions) => [...new Set(lintManifestFiles(files, options).findings
    .filter((f) => f.severity === Severity.ERROR).map((f) => `${f.name}@${f.profile}`))].sort();

  test('a declaration wins over the configured profile; undeclared objects get the configured one', () => {
    expect(failing({ profile: SecurityProfile.RESTRICTED })).toEqual(['declares-nothing@restricted']);
    expect(failing({ profile: SecurityProfile.BASELINE })).toEqual([]);
  });

  test('minimumProfile is a floor no declaration goes below', () => {
    expect(failing({ profile: SecurityProfile.RESTRICTED, minimumProfile: SecurityProfile.RESTRICTED }))
      .toEqual(['declares-baseline@restricted', 'declares-nothing@restricted']);
    expect(failing({ profile: SecurityProfile.PRIVILEGED, minimumProfile: SecurityProfile.BASELINE })).toEqual([]);
  });

  test('every finding says the level its object was judged at, and the construct when recorded', () => {
    const withPath = { ...rootPod('built'), metadata: { name: 'built', annotations: { [PROFILE_ANNOTATION]: 'baseline', [CONSTRUCT_PATH_ANNOTATION]: 'chart/built' } } };
    const { findings } = lintManifestFiles([{ file: 'a.yaml', objects: [withPath, rootPod('plain')] }], { profile: SecurityProfile.RESTRICTED });
    expect(findings.filter((f) => f.name === 'built').every((f) => f.profile === 'baseline' && f.constructPath === 'chart/built')).toBe(true);
    expect(findings.filter((f) => f.name === 'plain').every((f) => f.profile === 'restricted' && !('constructPath' in f))).toBe(true);
  });

  test.each([
    [SecurityProfile.BASELINE, undefined, SecurityProfile.BASELINE],
    [SecurityProfile.BASELINE, SecurityProfile.RESTRICTED, SecurityProfile.RESTRICTED],
    [undefined, undefined, SecurityProfile.PRIVILEGED],
    [undefined, SecurityProfile.BASELINE, SecurityProfile.BASELINE],
    [SecurityProfile.RESTRICTED, SecurityProfile.BASELINE, SecurityProfile.RESTRICTED],
  ])('declared %s, minimum %s → %s (configured privileged)', (declared, minimum, expected) => {
    expect(effectiveProfile(rootPod('p', declared), { profile: SecurityProfile.PRIVILEGED, minimumProfile: minimum })).toBe(expected);
  });
});
