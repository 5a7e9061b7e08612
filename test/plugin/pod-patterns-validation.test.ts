import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ValidationContext } from 'cdk8s-cli/plugins';
import {
  IValidationContext,
  PodPatternsValidation,
  ValidationViolation,
} from '../../src/plugin/pod-patterns-validation';
import { SecurityProfile } from '../../src/policy/security-profile';
import { fixture } from '../support/fixtures';

const PRIVILEGED_POD = fixture('privileged-latest-pod.yaml');
const CLEAN = fixture('clean/deployment.yaml');

/**
 * A context shaped like cdk8s-cli 2.x's `ValidationContext`
 * (node_modules/cdk8s-cli/lib/plugins/validation.js): `manifests` are file
 * paths, `report.addViolation` refuses violations after `submit`, `logger.log`.
 */
function fakeContext(manifests: string[]) {
  const violations: ValidationViolation[] = [];
  const logs: string[] = [];
  let submitted: { status: string; metadata?: { [key: string]: string } } | undefined;
  const context: IValidationContext = {
    manifests,
    report: {
      addViolation: (violation) => {
        if (submitted) {
          throw new Error('Violations cannot be added to report after its submitted');
        }
        violations.push(violation);
      },
      submit: (status, metadata) => {
        submitted = { status, metadata };
      },
    },
    logger: { log: (message) => logs.push(message) },
  };
  return { context, violations, logs, submitted: () => submitted };
}

describe('PodPatternsValidation with a cdk8s-cli shaped context', () => {
  test('a privileged :latest Pod fails restricted; each finding is a violation with rule, resource, location and manifest', async () => {
    const fake = fakeContext([PRIVILEGED_POD]);
    await new PodPatternsValidation().validate(fake.context);

    expect(fake.submitted()?.status).toBe('failure');
    expect(fake.submitted()?.metadata?.profile).toBe('restricted');
    // k8s: staging/src/k8s.io/pod-security-admission/policy/check_privileged.go
    expect(fake.violations).toContainEqual({
      ruleName: 'pss-baseline-privileged [error]',
      recommendation: expect.stringContaining('privileged'),
      fix: expect.any(String),
      violatingResources: [{
        resourceName: 'debug-shell',
        locations: ['Pod spec.containers[0].securityContext.privileged'],
        manifestPath: PRIVILEGED_POD,
      }],
    });
    expect(fake.violations.map((v) => v.ruleName)).toContain('bp-mutable-image-tag [warning]');
    expect(fake.logs).toEqual([expect.stringMatching(/^cdk8s-pod-patterns: \d+ errors?, \d+ warnings? in 1 object \(profile restricted\)$/)]);
  });

  test('a clean manifest succeeds with no violations', async () => {
    const fake = fakeContext([CLEAN, fixture('clean/nested/services.yml')]);
    await new PodPatternsValidation({ profile: 'restricted' }).validate(fake.context);
    expect(fake.violations).toEqual([]);
    expect(fake.submitted()).toEqual({ status: 'success', metadata: { profile: 'restricted', summary: '0 errors, 0 warnings in 3 objects' } });
  });

  test('warnings alone do not fail the validation', async () => {
    const fake = fakeContext([PRIVILEGED_POD]);
    await new PodPatternsValidation({ profile: 'privileged' }).validate(fake.context);
    expect(fake.submitted()?.status).toBe('success');
    expect(fake.violations.map((v) => v.ruleName).sort()).toEqual([
      'bp-bare-pod [warning]',
      'bp-missing-resource-requests [warning]',
      'bp-mutable-image-tag [warning]',
    ]);
  });

  test('the same finding on several objects is one violation listing every resource', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
    try {
      const copy = path.join(dir, 'copy.yaml');
      fs.copyFileSync(PRIVILEGED_POD, copy);
      const fake = fakeContext([PRIVILEGED_POD, copy]);
      await new PodPatternsValidation().validate(fake.context);
      const privileged = fake.violations.find((v) => v.ruleName === 'pss-baseline-privileged [error]');
      expect(privileged?.violatingResources.map((r) => r.manifestPath)).toEqual([PRIVILEGED_POD, copy]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('an unreadable manifest fails the validation instead of crashing synth', async () => {
    const fake = fakeContext([fixture('malformed-tab.yaml'), CLEAN]);
    await new PodPatternsValidation().validate(fake.context);
    expect(fake.submitted()?.status).toBe('failure');
    expect(fake.violations).toEqual([expect.objectContaining({
      ruleName: 'unreadable-manifest [error]',
      recommendation: expect.stringMatching(/malformed-tab\.yaml:8:\d+: malformed YAML\/JSON: /),
      violatingResources: [{ resourceName: '', locations: [], manifestPath: fixture('malformed-tab.yaml') }],
    })]);
  });

  test('a missing manifest file is one unreadable-manifest violation from the shared reader (src/manifests)', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-manifest.k8s.yaml');
    const fake = fakeContext([missing]);
    await new PodPatternsValidation().validate(fake.context);
    expect(fake.submitted()?.status).toBe('failure');
    expect(fake.violations.map((v) => v.recommendation)).toEqual([`${missing}: no such file or directory`]);
  });

  test('suppressed findings are info lines with the reason, not violations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-suppressed-'));
    const manifest = path.join(dir, 'debug.k8s.yaml');
    try {
      fs.writeFileSync(manifest, [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: debug-shell',
        '  annotations:',
        '    ignore-check.cdk8s-pod-patterns.io/pss-baseline-privileged: needs the host devices',
        'spec:',
        '  containers:',
        '  - {name: shell, image: "busybox:1.36", securityContext: {privileged: true}}',
        '',
      ].join('\n'));
      const fake = fakeContext([manifest]);
      await new PodPatternsValidation({ profile: 'baseline' }).validate(fake.context);
      expect(fake.violations.map((v) => v.ruleName)).not.toContain('pss-baseline-privileged [error]');
      expect(fake.submitted()?.status).toBe('success');
      expect(fake.logs).toContain(
        `cdk8s-pod-patterns: info: suppressed pss-baseline-privileged [error] on Pod/debug-shell spec.containers[0].securityContext.privileged (${manifest}): needs the host devices`,
      );
      expect(fake.logs[fake.logs.length - 1]).toMatch(/\(1 suppressed\) \(profile baseline\)$/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('the profile property is checked when cdk8s-cli constructs the plugin', () => {
    expect(new PodPatternsValidation({ profile: 'baseline' }).profile).toBe(SecurityProfile.BASELINE);
    expect(new PodPatternsValidation().profile).toBe(SecurityProfile.RESTRICTED);
    expect(() => new PodPatternsValidation({ profile: 'strict' })).toThrow(
      'PodPatternsValidation: unknown profile "strict" in the cdk8s.yaml validation properties: use privileged, baseline, restricted',
    );
  });
});

describe('PodPatternsValidation inside the real cdk8s-cli plugin machinery', () => {
  test('the real ValidationContext: report fails and renders the violation', async () => {
    const context = new ValidationContext([PRIVILEGED_POD], 'cdk8s-pod-patterns', '0.0.0', { 'debug-shell': { path: 'app/debug-shell' } }, false);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      // cdk8s-cli declares `manifests: readonly string[]`; jsii interfaces cannot, hence the cast.
      await new PodPatternsValidation().validate(context as unknown as IValidationContext);
    } finally {
      log.mockRestore();
    }
    expect(context.report.success).toBe(false);
    const json = context.report.toJson();
    const privileged = json.violations.find((v) => v.ruleName === 'pss-baseline-privileged [error]');
    // cdk8s-cli maps resourceName to the construct path through construct metadata.
    expect(privileged?.violatingConstructs[0]).toMatchObject({ constructPath: 'app/debug-shell', manifestPath: PRIVILEGED_POD });
    expect(context.report.toString()).toContain('pss-baseline-privileged [error]');
  });

  // cdk8s-cli lib/plugins/_manager.js: a `package` that is absolute or starts with
  // "./" is required from disk, `class` is looked up among its exports and
  // constructed with `properties`; lib/plugins/validation.js then checks `validate`.
  test('PluginManager + ValidationPlugin load the class by name with properties from cdk8s.yaml', async () => {
    const cliDir = path.dirname(require.resolve('cdk8s-cli/package.json'));
    // Not in cdk8s-cli's package exports, so required by file path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PluginManager } = require(path.join(cliDir, 'lib', 'plugins', '_manager.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ValidationPlugin } = require(path.join(cliDir, 'lib', 'plugins', 'validation.js'));
    const pluginsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-plugins-'));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const validationConfig = {
        package: path.join(__dirname, '..', '..', 'src', 'plugin', 'pod-patterns-validation.ts'),
        version: '0.0.0',
        class: 'PodPatternsValidation',
        properties: { profile: 'privileged' },
      };
      const { plugin, context } = ValidationPlugin.load(validationConfig, { manifests: [PRIVILEGED_POD] }, false, new PluginManager(pluginsDir));
      expect(plugin.profile).toBe('privileged');
      await plugin.validate(context);
      expect(context.report.success).toBe(true);
      expect(log).toHaveBeenCalledWith('cdk8s-pod-patterns: 0 errors, 3 warnings in 1 object (profile privileged)');
    } finally {
      log.mockRestore();
      fs.rmSync(pluginsDir, { recursive: true });
    }
  });
});
