import { judgesAt, listRules, releasesName, releasesOf, ruleSummary } from '../../src/cli/list-rules';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { allRules, RuleDescription, ruleById } from '../../src/rules/catalog';
import { Severity } from '../../src/rules/finding';

function described(kubernetesReleases: string[] | undefined, what = 'Something holds.'): RuleDescription {
  return { id: 'x-rule', severity: Severity.WARNING, what, why: 'why', fix: 'fix', reference: 'ref', suppressible: true, kubernetesReleases };
}

describe('releasesOf: the releases a rule judges at, from the catalogue\'s kubernetesReleases', () => {
  test('read from the field, not from the text', () => {
    expect(releasesOf(described(['1.30', '1.31'], 'text that names 1.28–1.35'))).toEqual(['1.30', '1.31']);
  });

  test('a description without the field judges at every supported release (its @default)', () => {
    expect(releasesOf(described(undefined))).toEqual(KubernetesVersion.all().map((v) => v.name));
  });
});

describe('releasesName: the KUBERNETES column', () => {
  test.each([
    [['1.28'], '1.28'],
    [['1.33', '1.34', '1.35'], '1.33–1.35'],
    [['1.28', '1.30'], '1.28, 1.30'],
  ])('%j → %s', (names, shown) => {
    expect(releasesName(names)).toBe(shown);
  });
});

describe('judgesAt', () => {
  // pkg/features/kube_features.go: SidecarContainers beta and on by default from 1.29.
  test('bp-sidecar-feature-gate judges only for 1.28', () => {
    const rule = ruleById('bp-sidecar-feature-gate');
    expect(KubernetesVersion.all().filter((v) => judgesAt(rule, v)).map((v) => v.name)).toEqual(['1.28']);
  });

  // pkg/features/kube_features.go: ProcMountType on by default from 1.33 (off before: procMount is forced to Default).
  test('pss-baseline-proc-mount judges from 1.33', () => {
    const rule = ruleById('pss-baseline-proc-mount');
    expect(KubernetesVersion.all().filter((v) => judgesAt(rule, v)).map((v) => v.name)).toEqual(['1.33', '1.34', '1.35']);
  });

  test('an unversioned rule judges for every supported release', () => {
    expect(KubernetesVersion.all().every((v) => judgesAt(ruleById('api-container-name'), v))).toBe(true);
  });

  test('a description that lists releases judges only at those', () => {
    const rule = described(['1.29']);
    expect(KubernetesVersion.all().filter((v) => judgesAt(rule, v)).map((v) => v.name)).toEqual(['1.29']);
  });
});

describe('ruleSummary: the first clause of what the rule checks', () => {
  test.each([
    ['`metadata.name` is valid for the kind: a DNS-1123 subdomain for Pods.', '`metadata.name` is valid for the kind'],
    ['Every container sets `allowPrivilegeEscalation: false`.', 'Every container sets `allowPrivilegeEscalation: false`'],
    ['No field (1.28 unless set; see below) is set: more.', 'No field (1.28 unless set; see below) is set'],
    ['Volumes have one source; containers are valid.', 'Volumes have one source'],
    ['Image `nginx:1.27.2` is fine', 'Image `nginx:1.27.2` is fine'],
  ])('%s', (what, summary) => {
    expect(ruleSummary(described(undefined, what))).toBe(summary);
  });
});

describe('listRules as text', () => {
  const text = listRules('text');
  const lines = text.split('\n');

  test('a header, then one row per rule: id, severity, suppressible, releases, summary', () => {
    expect(lines[0]).toMatch(/^RULE +SEVERITY +SUPPRESSIBLE +KUBERNETES +SUMMARY$/);
    expect(text).toMatch(/^api-container-name +error +no +1\.28–1\.35 +Every container has a name, and it is a DNS-1123 label$/m);
    expect(text).toMatch(/^bp-bare-pod +warning +yes +1\.28–1\.35 +The object is a naked Pod$/m);
    expect(text).toMatch(/^pss-baseline-privileged +error +yes +1\.28–1\.35 +No container is privileged$/m);
  });

  test('a versioned rule shows its releases, and why on the next line under the summary column', () => {
    const row = lines.findIndex((line) => line.startsWith('bp-sidecar-feature-gate '));
    expect(lines[row]).toMatch(/^bp-sidecar-feature-gate +warning +yes +1\.28 +Native sidecars/);
    expect(lines[row + 1].trim()).toBe('SidecarContainers on by default from 1.29');
    expect(lines[row + 1].indexOf('S')).toBe(lines[0].indexOf('KUBERNETES'));
    expect(text).toMatch(/^pss-baseline-proc-mount +error +yes +1\.33–1\.35 +`procMount` is unset or `Default`$/m);
  });

  test('a note is the text after the releases, without a stray parenthesis', () => {
    const row = lines.findIndex((line) => line.startsWith('pss-baseline-proc-mount '));
    expect(lines[row + 1].trim()).toBe('ProcMountType off before 1.33: procMount is forced to Default; from 1.35 any value at baseline when hostUsers is false');
  });

  test('every rule appears once, and the last line counts them', () => {
    for (const rule of allRules()) {
      expect(lines.filter((line) => line.startsWith(`${rule.id} `))).toHaveLength(1);
    }
    expect(text.endsWith(`\n\n${allRules().length} rules; --kubernetes-version 1.N lists those that judge for that release\n`)).toBe(true);
  });

  test('with a release: only the rules that judge for it', () => {
    const at133 = listRules('text', KubernetesVersion.V1_33);
    expect(at133).not.toMatch(/^bp-sidecar-feature-gate /m);
    expect(at133).toMatch(/^pss-baseline-proc-mount /m);
    const rows = at133.split('\n').filter((line) => /^[a-z]+-[a-z-]+ /.test(line));
    expect(at133.endsWith(`\n\n${rows.length} rules judge for Kubernetes 1.33\n`)).toBe(true);
    const at128 = listRules('text', KubernetesVersion.V1_28);
    expect(at128).toMatch(/^bp-sidecar-feature-gate /m);
    expect(at128).not.toMatch(/^pss-baseline-proc-mount /m);
  });
});

describe('listRules as JSON', () => {
  test('parses, and gives every field of every rule with its first and last release', () => {
    const report = JSON.parse(listRules('json'));
    expect(report.kubernetesVersion).toBeNull();
    expect(report.rules.map((r: { id: string }) => r.id)).toEqual(allRules().map((r) => r.id));
    expect(report.rules.find((r: { id: string }) => r.id === 'bp-sidecar-feature-gate')).toEqual({
      id: 'bp-sidecar-feature-gate',
      severity: 'warning',
      suppressible: true,
      kubernetesVersions: '1.28 (SidecarContainers on by default from 1.29)',
      kubernetesReleases: ['1.28'],
      firstVersion: '1.28',
      lastVersion: '1.28',
      summary: 'Native sidecars (`restartPolicy: Always` on an init container) are used',
      what: expect.stringMatching(/^Native sidecars/),
      why: expect.any(String),
      fix: expect.any(String),
      reference: expect.any(String),
    });
    expect(report.rules.find((r: { id: string }) => r.id === 'api-container-name')).toMatchObject({ severity: 'error', suppressible: false, firstVersion: '1.28', lastVersion: '1.35' });
  });

  test('the releases of every rule are the catalogue\'s, and first/last are their ends', () => {
    const report = JSON.parse(listRules('json'));
    const catalogue = allRules();
    type Listed = { id: string; kubernetesVersions: string; kubernetesReleases: string[] };
    expect(report.rules.map((r: Listed) => [r.id, r.kubernetesVersions, r.kubernetesReleases]))
      .toEqual(catalogue.map((rule) => [rule.id, rule.kubernetesVersions, rule.kubernetesReleases]));
    for (const r of report.rules) {
      expect([r.id, r.firstVersion, r.lastVersion]).toEqual([r.id, r.kubernetesReleases[0], r.kubernetesReleases[r.kubernetesReleases.length - 1]]);
    }
  });

  test('with a release: the rules whose catalogue releases include it, in catalogue order', () => {
    for (const version of KubernetesVersion.all()) {
      const ids = JSON.parse(listRules('json', version)).rules.map((r: { id: string }) => r.id);
      expect(ids).toEqual(allRules().filter((rule) => rule.kubernetesReleases!.includes(version.name)).map((rule) => rule.id));
    }
  });

  test('with a release: says which, and lists only the rules that judge for it', () => {
    const report = JSON.parse(listRules('json', KubernetesVersion.V1_29));
    expect(report.kubernetesVersion).toBe('1.29');
    const ids = report.rules.map((r: { id: string }) => r.id);
    expect(ids).not.toContain('bp-sidecar-feature-gate');
    expect(ids).not.toContain('pss-baseline-proc-mount');
    expect(ids).toContain('bp-dropped-alpha-field');
  });
});
