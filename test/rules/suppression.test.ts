import { SecurityProfile } from '../../src/policy/security-profile';
import { RULE } from '../../src/rules/catalog';
import { lintReports } from '../../src/rules/engine';
import { PodSecurityRule } from '../../src/rules/pod-security';
import {
  assertSuppressible,
  SUPPRESSION_ANNOTATION_PREFIX,
  suppressionAnnotationKey,
  suppressionsOf,
} from '../../src/rules/suppression';

function pod(annotations: Record<string, unknown>, containers: any[] = [{ name: 'app', image: 'busybox:latest' }]): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations }, spec: { containers } };
}

describe('suppressionAnnotationKey', () => {
  test('is the kube-linter style prefix followed by the rule id', () => {
    expect(SUPPRESSION_ANNOTATION_PREFIX).toBe('ignore-check.cdk8s-pod-patterns.io/');
    expect(suppressionAnnotationKey('bp-bare-pod')).toBe('ignore-check.cdk8s-pod-patterns.io/bp-bare-pod');
  });
});

describe('assertSuppressible', () => {
  test.each([RULE.BP_BARE_POD, RULE.BP_MUTABLE_IMAGE_TAG, PodSecurityRule.HOST_NAMESPACES])('accepts %s', (id) => {
    expect(() => assertSuppressible(id)).not.toThrow();
  });

  test('an unknown id: names it and says where the valid ids are', () => {
    expect(() => assertSuppressible('bp-bare-pods')).toThrow(
      'cannot suppress rule "bp-bare-pods": no rule has that id; the valid ids are listed by RuleCatalog.rules() and in the rules table of the README',
    );
  });

  test('an API rule: the API server enforces it; the fix is the rule\'s fix', () => {
    expect(() => assertSuppressible(RULE.API_RESTART_POLICY)).toThrow(
      'cannot suppress rule "api-restart-policy": the API server enforces it, and an annotation cannot make the object valid; '
      + 'fix the object instead: Set the restart policy the kind accepts.',
    );
  });

  test('a certain run-time failure: the kubelet fails on it', () => {
    expect(() => assertSuppressible(RULE.RUNTIME_IMAGE_REFERENCE)).toThrow(/^cannot suppress rule "runtime-image-reference": the kubelet certainly fails on it/);
  });

  test.each([RULE.RUNTIME_PORT_CONFLICT, RULE.RUNTIME_SA_NAMESPACE_FILE])('a run-time heuristic can be suppressed: %s', (id) => {
    expect(() => assertSuppressible(id)).not.toThrow();
  });

  test('the rule about suppressions cannot hide itself', () => {
    expect(() => assertSuppressible(RULE.BP_INVALID_SUPPRESSION)).toThrow(/broken suppression annotations/);
  });
});

describe('suppressionsOf', () => {
  test('reads only our prefix, from the object\'s top-level metadata, with the reason trimmed', () => {
    const obj = pod({
      [suppressionAnnotationKey('bp-bare-pod')]: '  a one-off migration Pod  ',
      'ignore-check.kube-linter.io/no-read-only-root-fs': 'not ours',
    });
    expect([...suppressionsOf(obj).reasons]).toEqual([['bp-bare-pod', 'a one-off migration Pod']]);
    expect(suppressionsOf(obj).problems).toEqual([]);
  });

  test('objects without annotations, and non-objects, declare nothing', () => {
    expect(suppressionsOf({ kind: 'Pod' }).reasons.size).toBe(0);
    expect(suppressionsOf(null).problems).toEqual([]);
  });

  test('unknown, unsuppressible and reasonless annotations are problems and suppress nothing', () => {
    const obj = pod({
      [suppressionAnnotationKey('bp-bare-pods')]: 'typo',
      [suppressionAnnotationKey('api-container-name')]: 'we like capitals',
      [suppressionAnnotationKey('bp-mutable-image-tag')]: '  ',
      [suppressionAnnotationKey('bp-missing-resource-requests')]: true,
    });
    const { reasons, problems } = suppressionsOf(obj);
    expect(reasons.size).toBe(0);
    expect(problems.map((p) => p.path)).toEqual([
      'metadata.annotations[ignore-check.cdk8s-pod-patterns.io/api-container-name]',
      'metadata.annotations[ignore-check.cdk8s-pod-patterns.io/bp-bare-pods]',
      'metadata.annotations[ignore-check.cdk8s-pod-patterns.io/bp-missing-resource-requests]',
      'metadata.annotations[ignore-check.cdk8s-pod-patterns.io/bp-mutable-image-tag]',
    ]);
    expect(problems[0].message).toMatch(/cannot suppress api-container-name, so it suppresses nothing: the API server enforces it/);
    expect(problems[1].message).toMatch(/names no rule \("bp-bare-pods"\), so it suppresses nothing: correct the rule id/);
    expect(problems[3].message).toMatch(/gives no reason, so it suppresses nothing: write why bp-mutable-image-tag does not apply/);
  });
});

describe('the engine honours the annotation', () => {
  const lint = (obj: any, profile = SecurityProfile.PRIVILEGED) => lintReports([obj], { profile })[0];

  test('a suppressed rule\'s findings move to `suppressed`, with the reason; other rules still report', () => {
    const report = lint(pod({ [suppressionAnnotationKey('bp-mutable-image-tag')]: 'the debug image is rebuilt daily' }));
    expect(report.findings.map((f) => f.ruleId)).not.toContain('bp-mutable-image-tag');
    expect(report.findings.map((f) => f.ruleId)).toContain('bp-bare-pod');
    expect(report.suppressed).toEqual([expect.objectContaining({
      ruleId: 'bp-mutable-image-tag',
      kind: 'Pod',
      name: 'p',
      path: 'spec.containers[0].image',
      reason: 'the debug image is rebuilt daily',
    })]);
  });

  test('a Pod Security Standards finding can be suppressed; it keeps its severity in `suppressed`', () => {
    const obj = pod({ [suppressionAnnotationKey(PodSecurityRule.HOST_NAMESPACES)]: 'node exporter' });
    obj.spec.hostNetwork = true;
    const report = lint(obj, SecurityProfile.BASELINE);
    expect(report.findings.map((f) => f.ruleId)).not.toContain(PodSecurityRule.HOST_NAMESPACES);
    expect(report.suppressed.map((f) => [f.ruleId, f.severity])).toEqual([[PodSecurityRule.HOST_NAMESPACES, 'error']]);
  });

  test('an annotation naming an API rule suppresses nothing and is itself reported (bp-invalid-suppression)', () => {
    const report = lint(pod({ [suppressionAnnotationKey('api-container-name')]: 'we like capitals' }, [{ name: 'App', image: 'busybox:1.36' }]));
    expect(report.suppressed).toEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['api-container-name', 'bp-invalid-suppression']));
    expect(report.findings.find((f) => f.ruleId === 'bp-invalid-suppression')?.severity).toBe('warning');
  });

  // k8s: pkg/api/pod/warnings.go only warns on a duplicate containerPort; a sidecar that
  // declares the app's port for documentation is a correct manifest and must be able to pass.
  test('two containers declaring one port: a suppressible warning, so a correct manifest passes', () => {
    const containers = [{ name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'proxy', image: 'envoy:1.28', ports: [{ containerPort: 80 }] }];
    const flagged = lint(pod({}, containers));
    expect(flagged.findings.filter((f) => f.ruleId === 'runtime-container-port-conflict').map((f) => f.severity)).toEqual(['warning']);
    const reason = 'proxy declares the port it fronts; only app listens';
    const report = lint(pod({ [suppressionAnnotationKey('runtime-container-port-conflict')]: reason }, containers));
    expect(report.findings.map((f) => f.ruleId)).not.toContain('runtime-container-port-conflict');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('bp-invalid-suppression');
    expect(report.suppressed.map((f) => [f.ruleId, f.severity, f.reason])).toEqual([['runtime-container-port-conflict', 'warning', reason]]);
  });

  test('annotations on the Pod template do not count: the object\'s own metadata does', () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { metadata: { annotations: { [suppressionAnnotationKey('bp-mutable-image-tag')]: 'x' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } },
    };
    const report = lint(deployment);
    expect(report.suppressed).toEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toContain('bp-mutable-image-tag');
  });
});
