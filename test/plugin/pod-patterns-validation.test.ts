import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp } from '../../src/apps/init-gated-app';
import { ComposeImporter } from '../../src/compose/compose-importer';
import {
  IValidationContext,
  PodPatternsValidation,
  ValidationViolation,
} from '../../src/plugin/pod-patterns-validation';
import { PodPatterns } from '../../src/pods/pod-patterns';
import { SafePod } from '../../src/pods/safe-pod';
import { SecurityProfile } from '../../src/policy/security-profile';
import { fixture } from '../support/fixtures';
import { loadApp, scratchDir } from '../support/generated-app';

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

/** The plugin block of the README's "cdk8s CLI validation plugin" paragraph, parsed. */
function readmePluginSnippet(): { package: string; version: string; class: string; properties: { [key: string]: string } } {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const paragraph = readme.slice(readme.indexOf('**cdk8s CLI validation plugin.**'));
  const block = /```yaml\n([\s\S]*?)\n```/.exec(paragraph)?.[1];
  if (block === undefined) throw new Error('README: no yaml block after "**cdk8s CLI validation plugin.**"');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml');
  return parse(block).validations[0];
}

/**
 * Two charts that each have an object named `web`, both built with BASELINE
 * (an image that starts as root): one `cdk8s synth` output directory, with
 * construct-metadata.json as cdk8s-cli asks the app to write it.
 */
function synthBaselineApp(outdir: string): string[] {
  const app = new App({ outdir, recordConstructMetadata: true });
  const front = new Chart(app, 'front');
  new InitGatedApp(front, 'web', {
    metadata: { name: 'web' },
    securityProfile: SecurityProfile.BASELINE,
    containers: [{
      name: 'nginx',
      image: 'nginx:1.27.2',
      portNumber: 80,
      resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64) } },
    }],
  }).deployment.exposeViaService({ name: 'web' });
  const debug = new Chart(app, 'debug');
  const pod = new SafePod(debug, 'web', {
    metadata: { name: 'web' },
    securityProfile: SecurityProfile.BASELINE,
    containers: [{
      name: 'shell',
      image: 'busybox:1.36.1',
      command: ['sleep', '3600'],
      resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } },
    }],
  });
  PodPatterns.suppress(pod, 'bp-bare-pod', 'a debugging Pod, deleted after use');
  app.synth();
  return fs.readdirSync(outdir).filter((file) => file.endsWith('.yaml')).map((file) => path.join(outdir, file));
}

async function runAsCdk8sCli(properties: { [key: string]: string }, outdir: string, manifests: string[]) {
  const cliDir = path.dirname(require.resolve('cdk8s-cli/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PluginManager } = require(path.join(cliDir, 'lib', 'plugins', '_manager.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ValidationPlugin } = require(path.join(cliDir, 'lib', 'plugins', 'validation.js'));
  const pluginsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-plugins-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const snippet = readmePluginSnippet();
    const config = { ...snippet, package: path.join(__dirname, '..', '..', 'src', 'plugin', 'pod-patterns-validation.ts'), properties };
    const synthesized = { manifests, constructMetadata: path.join(outdir, 'construct-metadata.json') };
    const { plugin, context } = ValidationPlugin.load(config, synthesized, false, new PluginManager(pluginsDir));
    await plugin.validate(context);
    return { success: context.report.success as boolean, json: context.report.toJson(), text: context.report.toString() as string };
  } finally {
    log.mockRestore();
    fs.rmSync(pluginsDir, { recursive: true });
  }
}

describe('one verdict per app: the constructs, the README plugin snippet and minimumProfile', () => {
  let outdir: string;
  let manifests: string[];
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-one-verdict-'));
    manifests = synthBaselineApp(outdir);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true }));

  test('the README snippet checks restricted where an object declares nothing', () => {
    expect(readmePluginSnippet()).toMatchObject({ class: 'PodPatternsValidation', properties: { profile: 'restricted' } });
  });

  test('BASELINE workloads the constructs accepted pass the plugin configured as the README writes it', async () => {
    const result = await runAsCdk8sCli(readmePluginSnippet().properties, outdir, manifests);
    expect(result.json.violations.filter((v: { ruleName: string }) => v.ruleName.endsWith('[error]'))).toEqual([]);
    expect(result.success).toBe(true);
  });

  test('minimumProfile: restricted fails them, naming each workload and the construct that built it', async () => {
    const result = await runAsCdk8sCli({ ...readmePluginSnippet().properties, minimumProfile: 'restricted' }, outdir, manifests);
    expect(result.success).toBe(false);
    const runAsNonRoot = result.json.violations
      .filter((v: { ruleName: string }) => v.ruleName === 'pss-restricted-run-as-non-root [error]')
      .flatMap((v: { violatingConstructs: Array<{ resourceName: string; constructPath?: string }> }) => v.violatingConstructs);
    expect([...new Set(runAsNonRoot.map((c: { resourceName: string }) => c.resourceName))].sort()).toEqual([
      'web (Deployment, construct front/web; the name is shared by several objects)',
      'web (Pod, construct debug/web; the name is shared by several objects)',
    ]);
    // cdk8s-cli looks constructs up by metadata.name: for a shared name it must not print another object's path
    expect(runAsNonRoot.map((c: { constructPath?: string }) => c.constructPath).filter((p: string | undefined) => p !== undefined)).toEqual([]);
    expect(result.text).not.toMatch(/Construct Path: front\/web\/Deployment\/Service/);
    expect(result.json.summary.metadata).toMatchObject({ profile: 'restricted', minimumProfile: 'restricted' });
  });

  test('an object whose name no other object shares keeps cdk8s-cli\'s own construct path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-unique-'));
    try {
      const app = new App({ outdir: dir, recordConstructMetadata: true });
      const chart = new Chart(app, 'solo');
      new SafePod(chart, 'web', {
        metadata: { name: 'solo-web' },
        securityProfile: SecurityProfile.BASELINE,
        containers: [{ name: 'shell', image: 'busybox:1.36.1' }],
      });
      app.synth();
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
      const result = await runAsCdk8sCli({ profile: 'restricted', minimumProfile: 'restricted' }, dir, files);
      const runAsNonRoot = result.json.violations.find((v: { ruleName: string }) => v.ruleName === 'pss-restricted-run-as-non-root [error]');
      expect(runAsNonRoot.violatingConstructs).toEqual([expect.objectContaining({ resourceName: 'solo-web', constructPath: 'solo/web/Resource' })]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('the minimumProfile property is checked when cdk8s-cli constructs the plugin', () => {
    expect(new PodPatternsValidation({ minimumProfile: 'restricted' }).minimumProfile).toBe(SecurityProfile.RESTRICTED);
    expect(new PodPatternsValidation().minimumProfile).toBeUndefined();
    expect(() => new PodPatternsValidation({ minimumProfile: 'high' })).toThrow(
      'PodPatternsValidation: unknown minimumProfile "high" in the cdk8s.yaml validation properties: use privileged, baseline, restricted',
    );
  });
});

describe('PodPatternsValidation kubernetesVersion', () => {
  // A native sidecar: SidecarContainers is alpha/off in 1.28, on by default from 1.29 (pkg/features/kube_features.go).
  function sidecarManifest(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-version-'));
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: with-sidecar }',
      'spec:',
      '  initContainers: [{ name: proxy, image: "envoyproxy/envoy:v1.29.1", restartPolicy: Always }]',
      '  containers: [{ name: app, image: "busybox:1.36.1" }]',
      '',
    ].join('\n'));
    return file;
  }

  test('1.28 (default) reports bp-sidecar-feature-gate; 1.33 does not and says which release it judged', async () => {
    const manifest = sidecarManifest();
    const atDefault = fakeContext([manifest]);
    await new PodPatternsValidation({ profile: 'privileged' }).validate(atDefault.context);
    expect(atDefault.violations.map((v) => v.ruleName)).toContain('bp-sidecar-feature-gate [warning]');
    expect(atDefault.submitted()?.metadata?.kubernetesVersion).toBeUndefined();

    const at133 = fakeContext([manifest]);
    await new PodPatternsValidation({ profile: 'privileged', kubernetesVersion: '1.33' }).validate(at133.context);
    expect(at133.violations.map((v) => v.ruleName)).not.toContain('bp-sidecar-feature-gate [warning]');
    expect(at133.submitted()?.metadata?.kubernetesVersion).toBe('1.33');
    expect(at133.logs[at133.logs.length - 1]).toMatch(/\(profile privileged, Kubernetes 1\.33\)$/);
  });

  test('an unsupported version names the property and lists the supported ones; YAML 1.30 read as a number 1.3 too', () => {
    expect(new PodPatternsValidation({ kubernetesVersion: '1.35' }).kubernetesVersion.name).toBe('1.35');
    expect(new PodPatternsValidation().kubernetesVersion.name).toBe('1.28');
    expect(() => new PodPatternsValidation({ kubernetesVersion: 'latest' })).toThrow(
      'PodPatternsValidation: kubernetesVersion in the cdk8s.yaml validation properties: unsupported Kubernetes version "latest": use one of 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35');
    expect(() => new PodPatternsValidation({ kubernetesVersion: 1.3 as unknown as string })).toThrow('unsupported Kubernetes version "1.3"');
  });

  test('featureGates: SidecarContainers on a 1.28 cluster silences the gate warning and is named in the report', async () => {
    const gated = fakeContext([sidecarManifest()]);
    await new PodPatternsValidation({ profile: 'privileged', featureGates: { SidecarContainers: true } }).validate(gated.context);
    expect(gated.violations.map((v) => v.ruleName)).not.toContain('bp-sidecar-feature-gate [warning]');
    expect(gated.submitted()?.metadata?.kubernetesVersion).toBe('1.28 with SidecarContainers=true');
    expect(gated.logs[gated.logs.length - 1]).toMatch(/\(profile privileged, Kubernetes 1\.28 with SidecarContainers=true\)$/);
  });

  test('bad featureGates name the property, the gate and the fix', () => {
    expect(() => new PodPatternsValidation({ featureGates: { Sidecars: true } })).toThrow(
      /^PodPatternsValidation: featureGates in the cdk8s.yaml validation properties: unknown feature gate "Sidecars": the gates that change what the rules judge are SidecarContainers, /);
    expect(() => new PodPatternsValidation({ kubernetesVersion: '1.29', featureGates: { RelaxedDNSSearchValidation: true } })).toThrow(
      'PodPatternsValidation: featureGates in the cdk8s.yaml validation properties: feature gate RelaxedDNSSearchValidation is not in Kubernetes 1.29 (it was added in 1.32): drop it, or target 1.32 or later');
    expect(() => new PodPatternsValidation({ featureGates: 'SidecarContainers=true' as any })).toThrow(
      'PodPatternsValidation: featureGates in the cdk8s.yaml validation properties: "SidecarContainers=true" is not a map of gate names to true or false (e.g. SidecarContainers: true)');
  });
});

describe('one verdict per app: an app imported from docker-compose', () => {
  // A service that runs as its image's user is imported at BASELINE (src/compose/compose-mapping.ts
  // inferProfile); one with a numeric non-root user at RESTRICTED.
  const COMPOSE = [
    'services:',
    '  web:',
    '    image: nginx:1.27.2',
    '    ports: ["8080:80"]',
    '  api:',
    '    image: ghcr.io/example/api:1.4.2',
    '    user: "10001:10001"',
    '',
  ].join('\n');
  let project: string;
  let manifests: string[];
  beforeAll(() => {
    project = scratchDir('plugin-imported');
    fs.writeFileSync(path.join(project, 'compose.yaml'), COMPOSE);
    const importer = ComposeImporter.fromFiles([path.join(project, 'compose.yaml')], { environment: {} });
    expect(importer.toTypeScript()).toMatch(/web: SecurityProfile\.BASELINE/);
    const generated = loadApp(project, 'imported-run.ts', importer.toTypeScript());
    const chartClass = Object.values(generated).find((v): v is new (...args: any[]) => any => typeof v === 'function' && /Chart$/.test(v.name))!;
    const outdir = path.join(project, 'out');
    const app = new App({ outdir, recordConstructMetadata: true });
    new chartClass(app, 'imported');
    app.synth();
    manifests = fs.readdirSync(outdir).filter((file) => file.endsWith('.yaml')).map((file) => path.join(outdir, file));
  }, 60_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test('passes cdk8s synth\'s plugin configured as the README writes it', async () => {
    const result = await runAsCdk8sCli(readmePluginSnippet().properties, path.dirname(manifests[0]), manifests);
    expect(result.json.violations.filter((v: { ruleName: string }) => v.ruleName.endsWith('[error]'))).toEqual([]);
    expect(result.success).toBe(true);
  });

  test('fails it with minimumProfile: restricted, naming the BASELINE workload and only it', async () => {
    const result = await runAsCdk8sCli({ ...readmePluginSnippet().properties, minimumProfile: 'restricted' }, path.dirname(manifests[0]), manifests);
    expect(result.success).toBe(false);
    const failing = result.json.violations
      .filter((v: { ruleName: string }) => v.ruleName.endsWith('[error]'))
      .flatMap((v: { violatingConstructs: Array<{ resourceName: string }> }) => v.violatingConstructs.map((c) => c.resourceName));
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((name: string) => /web/.test(name))).toBe(true);
    expect(failing.some((name: string) => /api/.test(name))).toBe(false);
  });
});

describe('PodPatternsValidation serviceClusterIpRange', () => {
  // The differential corpus's Service-21: refused by a 1.28.7 server started with
  // --service-cluster-ip-range=10.96.0.0/12 (alloc.go allocIPs: the provided IP is not in the valid range).
  function serviceManifest(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-svc-range-'));
    const file = path.join(dir, 'service.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ name: http, port: 80 }], clusterIP: 10.0.0.10 }\n');
    return file;
  }

  test('a clusterIP outside the declared range fails the validation; undeclared, it is not judged', async () => {
    const manifest = serviceManifest();
    const declared = fakeContext([manifest]);
    await new PodPatternsValidation({ profile: 'privileged', serviceClusterIpRange: '10.96.0.0/12' }).validate(declared.context);
    expect(declared.violations.map((v) => v.ruleName)).toEqual(['api-service-allocation [error]']);
    expect(declared.submitted()?.status).toBe('failure');

    const undeclared = fakeContext([manifest]);
    await new PodPatternsValidation({ profile: 'privileged' }).validate(undeclared.context);
    expect(undeclared.violations).toEqual([]);
  });

  test('a bad value fails when cdk8s-cli constructs the plugin, naming the property, the value and the fix', () => {
    expect(new PodPatternsValidation({ serviceClusterIpRange: '10.96.0.0/12,fd00::/108' }).serviceClusterIpRange).toBe('10.96.0.0/12,fd00::/108');
    expect(new PodPatternsValidation().serviceClusterIpRange).toBeUndefined();
    expect(() => new PodPatternsValidation({ serviceClusterIpRange: '10.96.0.0/12,10.97.0.0/16' })).toThrow(
      'PodPatternsValidation: the cdk8s.yaml validation property serviceClusterIpRange "10.96.0.0/12,10.97.0.0/16" is not a valid --service-cluster-ip-range: '
      + '--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP family; give one CIDR, or an IPv4 and an IPv6 CIDR');
  });
});
