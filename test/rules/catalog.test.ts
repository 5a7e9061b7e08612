import { SecurityProfile } from '../../src/policy/security-profile';
import { RULE, RuleCatalog, allRules, renderCatalogMarkdown, renderKubernetesReviewMarkdown, ruleById } from '../../src/rules/catalog';
import { lintObjects } from '../../src/rules/engine';
import { Severity } from '../../src/rules/finding';
import { PodSecurityRule } from '../../src/rules/pod-security';
import { PODS_REJECTED_RULE } from '../../src/rules/validation/as-the-server-sees-it';
import { VALIDATION_RULE } from '../../src/rules/validation/rules';

describe('the catalogue', () => {
  test('has every rule id the rule modules use, once', () => {
    const ids = allRules().map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...Object.values(RULE), ...Object.values(PodSecurityRule), ...Object.values(VALIDATION_RULE)]));
    expect(ids).toHaveLength(Object.values(RULE).length + Object.values(PodSecurityRule).length + Object.values(VALIDATION_RULE).length);
  });

  test('lists API rules, then run-time, then Pod Security Standards, then best practice', () => {
    const prefixes = allRules().map((rule) => rule.id.split('-')[0]);
    const firstOf = (prefix: string) => prefixes.indexOf(prefix);
    const lastOf = (prefix: string) => prefixes.lastIndexOf(prefix);
    expect(lastOf('api')).toBeLessThan(firstOf('runtime'));
    expect(lastOf('runtime')).toBeLessThan(firstOf('pss'));
    expect(lastOf('pss')).toBeLessThan(firstOf('bp'));
  });

  test('every entry says what, why and how to fix, and cites its source', () => {
    for (const rule of allRules()) {
      for (const text of [rule.what, rule.why, rule.fix, rule.reference]) {
        expect(text.trim().length).toBeGreaterThan(10);
      }
    }
  });

  test('severity follows the kind of rule: best practice and run-time heuristics warn, everything else is an error', () => {
    const heuristics: string[] = [RULE.RUNTIME_PORT_CONFLICT, RULE.RUNTIME_SA_NAMESPACE_FILE];
    for (const rule of allRules()) {
      const warns = rule.id.startsWith('bp-') || heuristics.includes(rule.id);
      expect([rule.id, rule.severity]).toEqual([rule.id, warns ? Severity.WARNING : Severity.ERROR]);
    }
  });

  test('every unsuppressible API or run-time error quotes the Kubernetes 1.28 source line that proves it', () => {
    const certain = allRules().filter((rule) => /^(api|runtime)-/.test(rule.id) && !rule.suppressible);
    expect(certain.length).toBe(32);
    for (const rule of certain) {
      expect([rule.id, rule.severity]).toEqual([rule.id, Severity.ERROR]);
      expect([rule.id, rule.reference]).toEqual([rule.id, expect.stringMatching(/\(k8s v1\.28\) [\w, ()]+: `[^`]+`/)]);
    }
  });

  test('findings carry the catalogue severity of their rule (the PSS checks included)', () => {
    const pod = {
      kind: 'Pod',
      metadata: { name: 'debug-shell' },
      spec: { containers: [{ name: 'shell', image: 'busybox:latest', securityContext: { privileged: true } }] },
    };
    const findings = lintObjects([pod], { profile: SecurityProfile.RESTRICTED });
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings) {
      expect(finding.severity).toBe(ruleById(finding.ruleId).severity);
    }
  });
});

test('an unknown rule id is a bug, reported with where to fix it', () => {
  expect(() => ruleById('no-such-rule')).toThrow('rule "no-such-rule" is not registered (src/rules/registry.ts)');
});

describe('suppressible', () => {
  test('what the API server rejects or the kubelet certainly fails on is not; Pod Security, best practice and heuristics are', () => {
    for (const rule of allRules()) {
      const certain = rule.id.startsWith('api-') || rule.id === RULE.RUNTIME_IMAGE_REFERENCE || rule.id === PODS_REJECTED_RULE;
      // bp-invalid-suppression reports broken annotations: suppressing it would hide them.
      expect([rule.id, rule.suppressible]).toEqual([rule.id, !certain && rule.id !== RULE.BP_INVALID_SUPPRESSION]);
    }
  });

  test('no rule is an unsuppressible warning except bp-invalid-suppression', () => {
    const unsuppressibleWarnings = allRules().filter((rule) => rule.severity === Severity.WARNING && !rule.suppressible).map((rule) => rule.id);
    expect(unsuppressibleWarnings).toEqual([RULE.BP_INVALID_SUPPRESSION]);
  });

  test('descriptions are plain data: no check functions reach RuleCatalog clients', () => {
    for (const rule of RuleCatalog.rules()) {
      expect(Object.keys(rule).sort()).toEqual(['fix', 'id', 'kubernetesReleases', 'kubernetesVersions', 'reference', 'severity', 'suppressible', 'what', 'why']);
    }
  });
});

describe('renderCatalogMarkdown', () => {
  test('one header, one separator and one row per rule', () => {
    const lines = renderCatalogMarkdown().trimEnd().split('\n');
    expect(lines[0]).toBe('| Rule | Severity | Suppressible | What | Why | Fix | Kubernetes versions |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(lines).toHaveLength(allRules().length + 2);
    expect(lines[2]).toMatch(/^\| `api-object-name` \| error \| no \| /);
    expect(lines).toContainEqual(expect.stringMatching(/^\| `bp-unbounded-wait-loop` \| warning \| yes \| /));
  });

  test('pipes and line breaks in the text cannot break the table', () => {
    const table = renderCatalogMarkdown([{ id: 'x', severity: Severity.ERROR, what: 'a | b', why: 'line\nbreak', fix: 'f', reference: 'r', suppressible: true }]);
    expect(table.split('\n')[2]).toBe('| `x` | error | yes | a \\| b | line break | f | 1.28–1.35 |');
  });

  test('RuleCatalog exposes the same table and rules', () => {
    expect(RuleCatalog.toMarkdown()).toBe(renderCatalogMarkdown());
    expect(RuleCatalog.rules()).toEqual(allRules());
  });
});

describe('renderKubernetesReviewMarkdown', () => {
  test('one row per api-* and runtime-* rule, with its verdict and source', () => {
    const lines = renderKubernetesReviewMarkdown().trimEnd().split('\n');
    expect(lines[0]).toBe('| Rule | Verdict | Severity | Suppressible | Kubernetes 1.28 source |');
    expect(lines).toHaveLength(allRules().filter((rule) => /^(api|runtime)-/.test(rule.id)).length + 2);
    expect(lines).toContainEqual(expect.stringMatching(/^\| `api-image-pull-policy` \| the API server rejects it \| error \| no \| .*validatePullPolicy/));
    expect(lines).toContainEqual(expect.stringMatching(/^\| `runtime-image-reference` \| the kubelet certainly fails \| error \| no \| .*ErrInvalidImageName/));
    expect(lines).toContainEqual(expect.stringMatching(/^\| `runtime-container-port-conflict` \| heuristic: Kubernetes accepts it and it may run \| warning \| yes \| .*duplicate port definition/));
  });
});

// The releases where a verdict changes, from pkg/features/kube_features.go (SidecarContainers on from 1.29,
// ProcMountType on from 1.33); every other rule judges the same on 1.28–1.35.
describe('Kubernetes versions per rule', () => {
  test('the versioned rules name their releases; the others apply to all', () => {
    const versions = new Map(allRules().map((rule) => [rule.id, rule.kubernetesVersions]));
    expect(versions.get(RULE.BP_SIDECAR_FEATURE_GATE)).toBe('1.28 (SidecarContainers on by default from 1.29)');
    expect(versions.get('pss-baseline-proc-mount')).toBe('1.33–1.35 (ProcMountType off before 1.33: procMount is forced to Default; from 1.35 any value at baseline when hostUsers is false)');
    expect(versions.get('pss-baseline-host-probes-and-lifecycle')).toBe('1.34–1.35 (no such check before 1.34)');
    expect(versions.get('api-pod-dns')).toMatch(/from 1\.33 \(RelaxedDNSSearchValidation\)$/);
    expect(versions.get('api-pod-volumes-and-containers')).toMatch(/from 1\.32 \(RelaxedEnvironmentVariableValidation\)$/);
    expect(versions.get('api-probe')).toMatch(/before 1\.30 .* 0 allowed from 1\.33$/);
    expect(versions.get('bp-dropped-alpha-field')).toMatch(/^1\.28–1\.35, per field until its gate is on by default: init restartPolicy before 1\.29, .*StatefulSet maxUnavailable before 1\.35$/);
    expect(versions.get(RULE.API_CONTAINER_RESTART_POLICY)).toMatch(/only from 1\.29/);
    expect(versions.get(RULE.API_INIT_CONTAINER_PROBES)).toBe(
      '1.28–1.35; before 1.29 also a sidecar\'s probes and hooks (its restartPolicy is dropped), unless the cluster enables SidecarContainers');
    expect(versions.get('api-object-name')).toBe('1.28–1.35');
  });

  // The same releases as data: SidecarContainers on by default from 1.29, ProcMountType from 1.33
  // (pkg/features/kube_features.go of each release), the host probe/lifecycle check added to
  // pod-security-admission in 1.34 (policy/check_hostProbesAndHostLifecycle.go).
  test('kubernetesReleases lists the releases each rule judges at', () => {
    const releases = new Map(allRules().map((rule) => [rule.id, rule.kubernetesReleases]));
    expect(releases.get(RULE.BP_SIDECAR_FEATURE_GATE)).toEqual(['1.28']);
    expect(releases.get('pss-baseline-proc-mount')).toEqual(['1.33', '1.34', '1.35']);
    expect(releases.get('pss-baseline-host-probes-and-lifecycle')).toEqual(['1.34', '1.35']);
    const every = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
    expect(releases.get('api-object-name')).toEqual(every);
    expect(releases.get('bp-dropped-alpha-field')).toEqual(every);
    expect(releases.get('api-probe')).toEqual(every);
  });

  test('the text opens with the releases\' range, for every rule', () => {
    for (const rule of allRules()) {
      const names = rule.kubernetesReleases!;
      const range = names.length === 1 ? names[0] : `${names[0]}–${names[names.length - 1]}`;
      expect([rule.id, rule.kubernetesVersions!.startsWith(range)]).toEqual([rule.id, true]);
    }
  });

  test('the README table shows them in its last column', () => {
    expect(renderCatalogMarkdown()).toMatch(/^\| `bp-sidecar-feature-gate` \|.*\| 1\.28 \(SidecarContainers on by default from 1\.29\) \|$/m);
  });
});
