import { formatJson, formatText, objectLabel } from '../../src/cli/format';
import { FileFinding } from '../../src/manifests/lint-manifests';
import { SecurityProfile } from '../../src/policy/security-profile';
import { Severity } from '../../src/rules/finding';

function finding(overrides: Partial<FileFinding>): FileFinding {
  return {
    file: 'app.yaml',
    profile: SecurityProfile.RESTRICTED,
    ruleId: 'pss-baseline-privileged',
    severity: Severity.ERROR,
    kind: 'Deployment',
    name: 'myapp',
    path: 'spec.template.spec.containers[0].securityContext.privileged',
    message: 'container "web" is privileged: remove securityContext.privileged',
    ...overrides,
  };
}

describe('formatText', () => {
  const findings = [
    finding({}),
    finding({ file: 'pod.yaml', kind: 'Pod', name: 'debug', ruleId: 'bp-mutable-image-tag', severity: Severity.WARNING, path: 'spec.containers[0].image', message: 'image "busybox:latest" is mutable: pin a tag' }),
    finding({ ruleId: 'api-image-pull-policy', path: 'spec.template.spec.containers[0].imagePullPolicy', message: 'bad policy' }),
  ];

  test('groups by file then object, aligns severities and rule ids, ends with the summary', () => {
    expect(formatText(findings, 3)).toBe([
      'app.yaml: Deployment/myapp',
      '  error    pss-baseline-privileged  spec.template.spec.containers[0].securityContext.privileged: container "web" is privileged: remove securityContext.privileged',
      '  error    api-image-pull-policy    spec.template.spec.containers[0].imagePullPolicy: bad policy',
      'pod.yaml: Pod/debug',
      '  warning  bp-mutable-image-tag     spec.containers[0].image: image "busybox:latest" is mutable: pin a tag',
      '',
      '2 errors, 1 warning in 3 objects',
      '',
    ].join('\n'));
  });

  test('the same kind and name in two files are two groups', () => {
    const text = formatText([finding({ file: 'a.yaml' }), finding({ file: 'b.yaml' })], 2);
    expect(text.split('\n').filter((line) => line.endsWith(': Deployment/myapp'))).toEqual([
      'a.yaml: Deployment/myapp',
      'b.yaml: Deployment/myapp',
    ]);
  });

  test('a clean run prints only the summary', () => {
    expect(formatText([], 1)).toBe('0 errors, 0 warnings in 1 object\n');
  });
});

describe('formatJson', () => {
  test('prints {"findings": [...]} with exactly the documented fields', () => {
    const parsed = JSON.parse(formatJson([finding({})]));
    expect(parsed).toEqual({
      findings: [{
        file: 'app.yaml',
        ruleId: 'pss-baseline-privileged',
        severity: 'error',
        kind: 'Deployment',
        name: 'myapp',
        path: 'spec.template.spec.containers[0].securityContext.privileged',
        message: 'container "web" is privileged: remove securityContext.privileged',
        profile: 'restricted',
      }],
      suppressed: [],
    });
  });

  test('suppressed findings are listed apart, with the reason', () => {
    const parsed = JSON.parse(formatJson([], [{ ...finding({}), reason: 'a GPU driver installer' }]));
    expect(parsed.findings).toEqual([]);
    expect(parsed.suppressed).toEqual([expect.objectContaining({ ruleId: 'pss-baseline-privileged', name: 'myapp', reason: 'a GPU driver installer' })]);
    expect(Object.keys(parsed.suppressed[0])).toEqual(['file', 'ruleId', 'severity', 'kind', 'name', 'path', 'message', 'profile', 'reason']);
  });

  test('fields a finding object might carry beyond the contract are not leaked', () => {
    const extra = { ...finding({}), internal: 'x' } as FileFinding;
    expect(Object.keys(JSON.parse(formatJson([extra])).findings[0])).toEqual(['file', 'ruleId', 'severity', 'kind', 'name', 'path', 'message', 'profile']);
  });

  test('the construct that built the object, when the constructs recorded it', () => {
    expect(JSON.parse(formatJson([finding({ constructPath: 'front/web' })])).findings[0].constructPath).toBe('front/web');
  });

  test('no findings is an empty list, not a missing key', () => {
    expect(formatJson([])).toBe('{\n  "findings": [],\n  "suppressed": []\n}\n');
  });
});

describe('objectLabel', () => {
  test('kind/name', () => {
    expect(objectLabel('Deployment', 'myapp')).toBe('Deployment/myapp');
  });

  // metadata.name may be absent when generateName is used.
  test('an object without a name', () => {
    expect(objectLabel('Pod', '')).toBe('Pod/(unnamed)');
  });
});
