import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { ComposeImporter, SecurityProfile, Severity } from '../../src';
import { commentText } from '../../src/compose/code-builder';
import { ComposeImportOptions } from '../../src/compose/compose-importer';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { lintObjects } from '../../src/rules/engine';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { loadApp, scratchDir, typeCheck } from '../support/generated-app';
import { expectSchemaValid } from '../support/kubernetes-schema';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');

/** Each fixture: its files and options; together they cover every row of the README's mapping table. */
const CASES: Record<string, { files: string[]; options?: ComposeImportOptions }> = {
  'v2': { files: ['v2/docker-compose.yml'], options: { environment: { FROM_SHELL: 'ignored' } } },
  'v3': { files: ['v3/docker-compose.yml'] },
  'spec': { files: ['spec/compose.yaml'] },
  'override': { files: ['override/compose.yaml', 'override/compose.override.yaml'] },
  'interpolation': { files: ['interpolation/compose.yaml'], options: { environment: { TAG: '2.4.58', RESTART: 'unless-stopped' }, freeze: true } },
  'parameters': { files: ['interpolation/compose.yaml'], options: { environment: { TAG: 'from-the-shell', RESTART: 'unless-stopped' }, chartName: 'parameters' } },
  'hostile': { files: ['hostile/compose.yaml'] },
  'build': { files: ['build/compose.yaml'], options: { imageRegistry: 'registry.example.com/team/', imageTag: '1.2.3' } },
  'collisions': { files: ['collisions/compose.yaml'] },
  'profile-override': { files: ['spec/compose.yaml'], options: { profile: SecurityProfile.PRIVILEGED, chartName: 'Everything Privileged' } },
  'oneshot': { files: ['oneshot/compose.yaml'] },
  'e2e': { files: ['e2e/compose.yaml'] },
  'healthy-without-healthcheck': { files: ['healthy-without-healthcheck/compose.yaml'] },
  'hostile-1-33': { files: ['hostile/compose.yaml'], options: { kubernetesVersion: KubernetesVersion.V1_33 } },
  'registry-1-29': { files: ['registry-1-29/compose.yaml'], options: { kubernetesVersion: KubernetesVersion.V1_33 } },
};

/** Every fixture directory but bad/ (each of which is refused, see the CLI tests) is imported and synthesized below. */
const FIXTURE_DIRS = fs.readdirSync(FIXTURES).filter(d => d !== 'bad' && fs.statSync(path.join(FIXTURES, d)).isDirectory());

test('every fixture directory is a case: a new mapping is synthesized with every fixture', () => {
  const covered = new Set(Object.values(CASES).flatMap(c => c.files.map(f => f.split('/')[0])));
  expect(FIXTURE_DIRS.filter(d => !covered.has(d))).toEqual([]);
});

function importCase(name: string): ComposeImporter {
  const { files, options } = CASES[name];
  return ComposeImporter.fromFiles(files.map(f => path.join(FIXTURES, f)), { environment: {}, ...options });
}

let dir: string;
let compilerOutput: string;
const apps = new Map<string, any>();

beforeAll(() => {
  dir = scratchDir('compose-importer-test');
  const sources = Object.fromEntries(Object.keys(CASES).map(name => [`${name}.ts`, importCase(name).toTypeScript()]));
  compilerOutput = typeCheck(dir, sources);
  for (const [file, source] of Object.entries(sources)) apps.set(file.replace(/\.ts$/, ''), loadApp(dir, `${file.replace(/\.ts$/, '')}-run.ts`, source));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function synth(name: string): any[] {
  const module = apps.get(name);
  const chartClass = Object.values(module).find((v): v is new (...args: any[]) => any => typeof v === 'function' && /Chart$/.test(v.name))!;
  return new chartClass(Testing.app(), name).toJson();
}

/** The profile of the service whose workload `manifest` is (workload names start with `<chart>-<service>-`). */
function profileOf(name: string, manifest: any): SecurityProfile {
  const profiles: Record<string, SecurityProfile> = apps.get(name).SERVICE_PROFILES;
  const service = Object.keys(profiles).find(s => manifest.metadata.name.startsWith(`${name}-${s}-`));
  if (service === undefined) throw new Error(`no service for ${manifest.kind} ${manifest.metadata.name}`);
  return profiles[service];
}

test('every generated app type-checks as a user\'s strict app importing cdk8s-pod-patterns', () => {
  expect(compilerOutput).toBe('');
});

describe.each(Object.keys(CASES))('fixture %s', name => {
  test('the generated TypeScript (snapshot)', () => {
    expect(importCase(name).toTypeScript()).toMatchSnapshot();
  });

  test('is deterministic: the same input gives the same bytes', () => {
    expect(importCase(name).toTypeScript()).toBe(importCase(name).toTypeScript());
  });

  test('synthesizes, matches the Kubernetes schema, and lints without errors at each service\'s profile', () => {
    const manifests = synth(name);
    expectSchemaValid(manifests);
    for (const manifest of manifests.filter(m => podTemplatesOf(m).length > 0)) {
      const kubernetesVersion = CASES[name].options?.kubernetesVersion ?? KubernetesVersion.DEFAULT;
      const errors = lintObjects([manifest], { profile: profileOf(name, manifest), kubernetesVersion }).filter(f => f.severity === Severity.ERROR);
      expect(errors).toEqual([]);
    }
  });

  test('every warning is also in the header', () => {
    const importer = importCase(name);
    const header = importer.toTypeScript().split('\nimport ')[0];
    for (const warning of importer.warnings) expect(header).toContain(commentText(warning.slice(warning.indexOf(': ') + 2)));
  });
});

function workload(manifests: any[], service: string): any {
  return manifests.find(m => /^(Deployment|Job|Pod|DaemonSet)$/.test(m.kind) && m.metadata.name.includes(`-${service}-`));
}

function podSpec(manifest: any): any {
  return manifest.kind === 'Pod' ? manifest.spec : manifest.spec.template.spec;
}

// k8s: pkg/apis/core/validation/validation.go ValidateEnv: IsRelaxedEnvVarName (any printable ASCII but '=') when
// RelaxedEnvironmentVariableValidation is on, by default from 1.32 (pkg/features/kube_features.go); IsEnvVarName before.
describe('import-compose --kubernetes-version 1.33: the chart sets the release, and synth judges for it', () => {
  test('the env name BAD\'NAME*/ (dropped for 1.28) is carried over and the chart synthesizes', () => {
    const container = synth('hostile-1-33').find(m => m.kind === 'Pod').spec.containers[0];
    expect(container.env).toContainEqual({ name: 'BAD\'NAME*/', value: 'dropped with a warning' });
    expect(synth('hostile').find(m => m.kind === 'Pod').spec.containers[0].env.map((e: any) => e.name)).not.toContain('BAD\'NAME*/');
  });

  test('the same code judged for 1.28 refuses that name at synth: the setting is what lets it through', () => {
    const source = importCase('hostile-1-33').toTypeScript();
    const at128 = source.replace('KubernetesVersion.V1_33', 'KubernetesVersion.V1_28');
    expect(at128).not.toBe(source);
    const module = loadApp(dir, 'hostile-1-33-judged-at-1-28-run.ts', at128);
    expect(() => new module.HostileChart(Testing.app(), 'c').toJson()).toThrow(/env\[\d+\]\.name.*BAD'NAME\*\/.*a valid environment variable name/s);
  });
});

// Image references 1.29+ reads (kubernetes v1.29.0 vendors github.com/distribution/reference v0.5.0: regexp.go
// ipv6address, normalize.go splitDockerDomain) and 1.28 refuses (docker/distribution v2.8.2). The chart sets the
// release right after super(), so the InitGatedApps are constructed, pull policies computed, for 1.33 (issue 17 item 3).
describe('import-compose --kubernetes-version 1.33 of images only 1.29+ reads: constructed and synthesized for 1.33', () => {
  test('an IPv6 registry and an upper-case registry name: the chart synthesizes with IfNotPresent', () => {
    const manifests = synth('registry-1-29');
    expect(['ipv6', 'upper'].map(service => podSpec(workload(manifests, service)).containers[0]).map(c => [c.image, c.imagePullPolicy]))
      .toEqual([['[::1]:5000/app:1.0', 'IfNotPresent'], ['Registry/app:1.0', 'IfNotPresent']]);
  });

  test('the same code for 1.28 fails at construction, naming the workload, the image and the releases that read it', () => {
    const source = importCase('registry-1-29').toTypeScript();
    const at128 = source.replace('KubernetesVersion.V1_33', 'KubernetesVersion.V1_28');
    expect(at128).not.toBe(source);
    const module = loadApp(dir, 'registry-1-29-judged-at-1-28-run.ts', at128);
    expect(() => new module.Registry129Chart(Testing.app(), 'c'))
      .toThrow(/^c\/ipv6\/Pod: container "ipv6" image "\[::1\]:5000\/app:1\.0" cannot be pulled.*judged for Kubernetes 1\.28.*Kubernetes 1\.29 and later accept it/);
  });
});

describe('hostile values reach the manifests byte for byte', () => {
  test('env values, args, working dir, annotations, probes and file content', () => {
    const pod = synth('hostile').find(m => m.kind === 'Pod');
    const container = pod.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value]));
    // the kubelet reads "$$" as "$": the doubled form is what runs the compose value unchanged
    const kubelet = (value: string) => value.replace(/\$\$/g, '$');
    expect(kubelet(env.QUOTES)).toBe('single \' double " backtick ` end');
    expect(kubelet(env.TEMPLATE)).toBe('${process.exit(1)} and `${x}`');
    expect(kubelet(env.COMMENT_END)).toBe('*/ require(\'child_process\').execSync(\'touch /tmp/pwned\') /*');
    expect(kubelet(env.BACKSLASHES)).toBe('C:\\path\\to\\file \\n not a newline');
    expect(kubelet(env.NEWLINES)).toBe('line1\nline2\r\nline3');
    expect(kubelet(env.SEPARATORS)).toBe('a\u2028b\u2029c');
    expect(kubelet(env.KUBE_EXPANSION)).toBe('$(HOME) and $$ and $VAR');
    expect(env).not.toHaveProperty('BAD\'NAME*/');
    expect(container.args.map(kubelet)).toEqual(['sh', '-c', 'echo \'*/\' "`id`" ${HOME} \\\\ done; $(whoami)']);
    expect(container.workingDir).toBe('/tmp/it\'s "here"');
    expect(container.readinessProbe.exec.command).toEqual(['sh', '-c', 'test "$(cat /tmp/x)" != \'*/\'']);
    expect(pod.metadata.annotations['example.com/note']).toBe('\'; process.exit(1); //');
    const configMap = synth('hostile').find(m => m.kind === 'ConfigMap');
    expect(configMap.data['payload.txt']).toBe(fs.readFileSync(path.join(FIXTURES, 'hostile', 'payload.txt'), 'utf-8'));
  });

  test('nothing in the header escapes its comment lines', () => {
    const header = importCase('hostile').toTypeScript().split('\nimport ')[0];
    for (const line of header.split('\n')) expect(line).toMatch(/^(\/\/.*)?$/);
    expect(header).not.toMatch(/[\u2028\u2029]|\*\//);
  });
});

describe('the mapping, observed in the manifests', () => {
  test('a one-shot folded into its dependent shares volumes by name: one volume per name in the Pod', () => {
    const pod = podSpec(workload(synth('oneshot'), 'app'));
    const names = pod.volumes.map((v: any) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['prepare', 'migrate']);
    const dataOf = (c: any) => c.volumeMounts.find((m: any) => m.mountPath === '/var/lib/app').name;
    expect(new Set([...pod.initContainers, ...pod.containers].map(dataOf))).toEqual(new Set(['pvc-host-data']));
    expect(pod.volumes.filter((v: any) => v.persistentVolumeClaim !== undefined).map((v: any) => v.persistentVolumeClaim.claimName).sort()).toEqual(['host-data', 'shared']);
  });

  test('depends_on: waiters in compose order, one-shots as init containers after them, healthcheck as readiness', () => {
    const manifests = synth('spec');
    const front = podSpec(workload(manifests, 'front-end'));
    expect(front.initContainers.map((c: any) => c.name)).toEqual(['wait-for-backend-9000', 'wait-for-queue-worker', 'migrate', 'seed']);
    const backend = podSpec(workload(manifests, 'backend'));
    expect(backend.containers[0].readinessProbe).toMatchObject({
      exec: { command: ['/bin/sh', '-c', 'curl -fsS http://localhost:9000/ready || exit 1'] },
      periodSeconds: 30,
      timeoutSeconds: 30,
      failureThreshold: 3,
    });
    expect(manifests.some(m => m.metadata.name.includes('-seed-') || m.metadata.name.includes('-migrate-'))).toBe(false);
  });

  test('Services are named as the compose services (front_end → front-end); a portless dependency gets a headless, portless one', () => {
    const services = synth('spec').filter(m => m.kind === 'Service');
    expect(services.map(s => s.metadata.name).sort()).toEqual(['backend', 'front-end', 'queue-worker']);
    const worker = services.find(s => s.metadata.name === 'queue-worker');
    expect(worker.spec.clusterIP).toBe('None');
    expect(worker.spec.ports).toBeUndefined();
    expect(services.find(s => s.metadata.name === 'front-end').spec.ports).toEqual([{ name: 'tcp-80', port: 80, targetPort: 80, protocol: 'TCP' }]);
  });

  test('restart policies: no → Pod, always → Deployment, on-failure:N → Job with backoffLimit, global → DaemonSet', () => {
    const v3 = synth('v3');
    expect(workload(v3, 'cleanup')).toMatchObject({ kind: 'Job', spec: { backoffLimit: 5, template: { spec: { restartPolicy: 'OnFailure' } } } });
    expect(workload(v3, 'agent').kind).toBe('DaemonSet');
    expect(workload(v3, 'api')).toMatchObject({ kind: 'Deployment', spec: { replicas: 3 } });
    expect(workload(synth('v2'), 'worker')).toMatchObject({ kind: 'Pod', spec: { restartPolicy: 'Never' } });
  });

  test('resources, read_only, tmpfs, user, secrets and configs (v3)', () => {
    const api = podSpec(workload(synth('v3'), 'api'));
    const container = api.containers[0];
    expect(container.resources).toEqual({ limits: { cpu: '1500m', memory: '1024Mi' }, requests: { cpu: '250m', memory: '256Mi' } });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsUser: 10001, runAsGroup: 10001 });
    expect(api.volumes).toContainEqual({ name: 'tmpfs-api-tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } });
    expect(container.volumeMounts).toEqual(expect.arrayContaining([
      expect.objectContaining({ mountPath: '/run/secrets/api_key', subPath: 'api_key', readOnly: true }),
      expect.objectContaining({ mountPath: '/run/secrets/server.crt', subPath: 'tls_cert', readOnly: true }),
      expect.objectContaining({ mountPath: '/etc/api/config.yaml', subPath: 'api_config', readOnly: true }),
    ]));
    const manifests = synth('v3');
    expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
    expect(JSON.stringify(manifests)).not.toContain('not-a-real-key');
  });

  test('the secret is created by the printed kubectl command, not by the app', () => {
    expect(importCase('v3').toTypeScript()).toContain('//   kubectl create secret generic api-key --from-file=api_key=secrets/api_key.txt\n');
  });

  test('values of secret-looking variables (env_file or environment) never enter the code: secretKeyRef + kubectl command', () => {
    const source = importCase('v2').toTypeScript();
    expect(source).not.toContain('compose-literal-password');
    expect(source).not.toContain('from-env-file-secret');
    expect(source).toContain('//   kubectl create secret generic db-env --from-literal=MYSQL_PASSWORD="$MYSQL_PASSWORD"\n');
    expect(source).toContain('//   kubectl create secret generic app-env --from-literal=SESSION_SECRET="$SESSION_SECRET"\n');
    const manifests = synth('v2');
    expect(JSON.stringify(manifests)).not.toMatch(/compose-literal-password|from-env-file-secret/);
    const db = podSpec(workload(manifests, 'db')).containers[0];
    expect(db.env).toEqual(expect.arrayContaining([
      { name: 'MYSQL_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-env', key: 'MYSQL_PASSWORD' } } },
      { name: 'MYSQL_PASSWORD_FILE', value: '/run/secrets/db' },
      { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'yes' },
    ]));
    expect(podSpec(workload(manifests, 'app')).containers[0].env).toContainEqual({ name: 'SESSION_SECRET', valueFrom: { secretKeyRef: { name: 'app-env', key: 'SESSION_SECRET' } } });
  });

  test('env_file is read at import; environment wins over it; a value-less variable is reported, not taken from the shell', () => {
    const app = podSpec(workload(synth('v2'), 'app')).containers[0];
    expect(app.env).toEqual(expect.arrayContaining([{ name: 'LOG_LEVEL', value: 'info' }, { name: 'GREETING', value: 'hello\nworld' }, { name: 'TZ', value: 'UTC' }]));
    expect(app.env.map((e: any) => e.name)).not.toContain('FROM_SHELL');
    expect(importCase('v2').warnings.join('\n')).toContain('environment.FROM_SHELL: not carried over');
  });

  test('an override file merges: command replaced, environment merged, ports keyed by container port', () => {
    const web = podSpec(workload(synth('override'), 'web')).containers[0];
    expect(web.args).toEqual(['--port', '9090', '--verbose']);
    expect(web.env).toEqual([{ name: 'LEVEL', value: 'debug' }, { name: 'KEEP', value: 'base' }]);
    expect(web.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    expect(web.securityContext.capabilities.drop).toEqual(['NET_RAW', 'ALL']);
  });

  test('interpolation from the environment over .env', () => {
    const app = podSpec(workload(synth('interpolation'), 'app')).containers[0];
    expect(app.image).toBe('docker.io/library/httpd:2.4.58');
    expect(Object.fromEntries(app.env.map((e: any) => [e.name, e.value.replace(/\$\$/g, '$')]))).toEqual({
      GREETING: 'from-dotenv $HOME stays literal',
      EMPTY_DEFAULT: 'used-when-empty',
      DASH_DEFAULT: '',
      ALT: 'uid is set',
      NESTED: 'from-dotenv',
      PLAIN: 'plain',
    });
    expect(app.securityContext).toMatchObject({ runAsUser: 1001, runAsGroup: 1001 });
  });

  test('unfrozen, variables of images and environment values are chart variables: .env and compose defaults, never the importing shell', () => {
    const source = importCase('parameters').toTypeScript();
    expect(source).not.toContain('from-the-shell');
    expect(source).toContain('export const VARIABLE_DEFAULTS: ParametersChartVariables = { EMPTY: \'\', GREETING: \'from-dotenv\', IMAGE_NAME: \'httpd\', PLAIN_VAR: \'plain\' };');
    const chartClass = apps.get('parameters').ParametersChart;
    const container = (variables?: Record<string, string>) => podSpec(workload(new chartClass(Testing.app(), 'parameters', { variables }).toJson(), 'app')).containers[0];
    expect(container().image).toBe('docker.io/library/httpd:1.0.0');
    const given = container({ REGISTRY: 'registry.example.com', TAG: '2.4.62', GREETING: 'hi $(HOME)' });
    expect(given.image).toBe('registry.example.com/httpd:2.4.62');
    // the kubelet reads "$$" as "$": a variable's value reaches the process unchanged
    expect(given.env.find((e: any) => e.name === 'GREETING').value.replace(/\$\$/g, '$')).toBe('hi $(HOME) $HOME stays literal');
    // values that shape the manifests (user, ports, restart) were resolved at import
    expect(given.securityContext).toMatchObject({ runAsUser: 1001 });
  });

  test('a variable with no default and not in .env is a required variable: synth names it', () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'required-variable-'));
    try {
      fs.writeFileSync(path.join(dir2, 'compose.yaml'), 'services:\n  n8n:\n    image: n8nio/n8n:${N8N_VERSION}\n    environment:\n      WEBHOOK_URL: ${WEBHOOK_URL:?set the public URL}\n'
        + '    command: start --password ${ADMIN_PASSWORD:-changeme}\n');
      const source = ComposeImporter.fromFiles([path.join(dir2, 'compose.yaml')], { environment: {}, chartName: 'needs' }).toTypeScript();
      expect(source).toContain('export const REQUIRED_VARIABLES: string[] = [\'N8N_VERSION\', \'WEBHOOK_URL\'];');
      const module = loadApp(dir, 'required-variable.ts', source);
      expect(() => new module.NeedsChart(Testing.app(), 'c')).toThrow('compose variables N8N_VERSION, WEBHOOK_URL have no default: pass them in props.variables, or export them before cdk8s synth');
      const manifests = new module.NeedsChart(Testing.app(), 'c', { variables: { N8N_VERSION: '1.64.0', WEBHOOK_URL: 'https://n8n.example.com' } }).toJson();
      expect(podSpec(workload(manifests, 'n8n')).containers[0]).toMatchObject({
        image: 'n8nio/n8n:1.64.0', env: [{ name: 'WEBHOOK_URL', value: 'https://n8n.example.com' }], args: ['start', '--password', 'changeme'],
      });
      // a value given at synth reaches the process unchanged (the kubelet reads "$$" as "$")
      const given = new module.NeedsChart(Testing.app(), 'c', { variables: { N8N_VERSION: '1', WEBHOOK_URL: 'u', ADMIN_PASSWORD: 'pa$(ss)' } }).toJson();
      expect(podSpec(workload(given, 'n8n')).containers[0].args[2].replace(/\$\$/g, '$')).toBe('pa$(ss)');
      // the importing shell's value of a variable never reaches the code
      const withShell = ComposeImporter.fromFiles([path.join(dir2, 'compose.yaml')], { environment: { ADMIN_PASSWORD: 'shell-secret' }, chartName: 'needs' });
      expect(withShell.toTypeScript()).not.toContain('shell-secret');
      // frozen, as before: the shell's values are written, and a required one missing is refused
      expect(() => ComposeImporter.fromFiles([path.join(dir2, 'compose.yaml')], { environment: {}, freeze: true })).toThrow(/WEBHOOK_URL is missing a value: set the public URL/);
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  test('build without image uses the registry prefix and tag; build with image keeps the image', () => {
    const manifests = synth('build');
    expect(podSpec(workload(manifests, 'app')).containers[0].image).toBe('registry.example.com/team/app:1.2.3');
    expect(podSpec(workload(manifests, 'sidecar')).containers[0].image).toBe('example/sidecar:3.2.1');
  });

  test('profiles: non-root user → restricted, root → baseline, privileged or SYS_ADMIN → privileged; --profile overrides', () => {
    expect(apps.get('spec').SERVICE_PROFILES).toEqual({
      'backend': SecurityProfile.RESTRICTED, 'queue-worker': SecurityProfile.PRIVILEGED, 'front-end': SecurityProfile.BASELINE,
    });
    expect(Object.values(apps.get('profile-override').SERVICE_PROFILES)).toEqual([SecurityProfile.PRIVILEGED, SecurityProfile.PRIVILEGED, SecurityProfile.PRIVILEGED]);
  });

  test('mutable images are kept runnable and reported', () => {
    const importer = importCase('spec');
    expect(importer.warnings).toContain(`${path.join(FIXTURES, 'spec', 'compose.yaml')}: service "backend": image: "example/backend" has no pinned tag (untagged or :latest): kept runnable with allowMutableImageTags; pin a tag or digest`);
    expect(importer.toTypeScript()).toMatch(/new InitGatedApp\(this, 'backend', \{[^]*?allowMutableImageTags: true/);
  });

  test('a read-only bind-mounted directory is not mounted at all (the image keeps its content), loudly', () => {
    const importer = importCase('spec');
    expect(importer.warnings.join('\n')).toMatch(/bind mount "\.\/public" → "\/usr\/share\/nginx\/html" is NOT mounted \(a read-only bind;/);
    expect(importer.toTypeScript()).toContain('//   front_end: "./public" → "/usr/share/nginx/html": NOT mounted (a read-only bind, a directory of the project)');
    const frontEnd = podSpec(workload(synth('spec'), 'front-end'));
    expect(frontEnd.containers[0].volumeMounts.map((m: any) => m.mountPath)).not.toContain('/usr/share/nginx/html');
    expect(JSON.stringify(frontEnd.volumes)).not.toContain('nginx-html');
  });
});

describe('host files stay on the host (a project built in a temporary directory)', () => {
  let root: string;
  let count = 0;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-host-files-'));
    fs.writeFileSync(path.join(root, 'host-secret.txt'), 'HOST-ONLY-CONTENT\n');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A project with `files` (path → content; a `symlink:` prefix makes a symlink, `fifo:` a FIFO) and a compose.yaml holding `compose`. */
  function importProject(compose: string, files: Record<string, string | Buffer> = {}, options: ComposeImportOptions = {}) {
    const project = path.join(root, `project${count++}`);
    fs.mkdirSync(project);
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(project, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (content === 'fifo:') execFileSync('mkfifo', [file]);
      else if (typeof content === 'string' && content.startsWith('symlink:')) fs.symlinkSync(content.slice('symlink:'.length), file);
      else fs.writeFileSync(file, content);
    }
    fs.writeFileSync(path.join(project, 'compose.yaml'), compose);
    const importer = ComposeImporter.fromFiles([path.join(project, 'compose.yaml')], { environment: {}, ...options });
    return { importer, source: importer.toTypeScript(), manifests: () => synthSource(importer.toTypeScript()) };
  }

  function synthSource(source: string): any[] {
    const module = loadApp(dir, `host-files-${count++}.ts`, source);
    const chartClass = Object.values(module).find((v): v is new (...args: any[]) => any => typeof v === 'function' && /Chart$/.test(v.name))!;
    return new chartClass(Testing.app(), 'p').toJson();
  }

  const service = (volumes: string[]) => `services:\n  app:\n    image: nginx:1.27.2\n    volumes:\n${volumes.map(v => `      - ${JSON.stringify(v)}\n`).join('')}`;

  test.each([
    ['an absolute file', '/etc/localtime:/etc/localtime:ro', 'an absolute path of the importing machine'],
    ['a key in the home directory', '~/.ssh/id_rsa:/root/.ssh/id_rsa:ro', 'a path in the home directory of the importing machine'],
    ['a file above the project', '../host-secret.txt:/etc/secret.txt:ro', 'a path outside the project directory'],
    ['a symlink inside the project pointing outside', './innocent.txt:/etc/secret.txt:ro', 'a symlink inside the project that points outside it'],
    ['/dev/zero', '/dev/zero:/dev/zero:ro', 'an absolute path of the importing machine'],
  ])('%s is never read, not mounted, and reported', (_, volume, reason) => {
    const { importer, source, manifests } = importProject(service([volume]), { 'innocent.txt': `symlink:${path.join(root, 'host-secret.txt')}` });
    expect(source).not.toContain('HOST-ONLY-CONTENT');
    const [from, target] = volume.split(':');
    expect(importer.warnings.join('\n')).toContain(`bind mount ${JSON.stringify(from)} → ${JSON.stringify(target)} is NOT mounted (a read-only bind; ${reason}, not read)`);
    expect(source).toContain(`//   app: ${JSON.stringify(from)} → ${JSON.stringify(target)}: NOT mounted`);
    const pod = podSpec(workload(manifests(), 'app'));
    expect(pod.containers[0].volumeMounts ?? []).toEqual([]);
    expect(JSON.stringify(manifests())).not.toContain('HOST-ONLY-CONTENT');
  });

  test('docker.sock read-write is a host path with no counterpart: not mounted, not a claim', () => {
    const { importer, manifests } = importProject(service(['/var/run/docker.sock:/var/run/docker.sock']));
    expect(importer.warnings.join('\n')).toContain('is NOT mounted (a host path with no counterpart in a cluster;');
    expect(manifests().filter(m => m.kind === 'PersistentVolumeClaim')).toEqual([]);
  });

  test('key material and non-UTF-8 files of the project are referenced by name, with the kubectl command in the header', () => {
    const { importer, source, manifests } = importProject(service(['./keys/id_ed25519:/root/.ssh/id_ed25519:ro', './tz/localtime:/etc/localtime:ro', './certs/notes.txt:/etc/notes.txt:ro', './.env.local:/app/.env']), {
      'keys/id_ed25519': 'PRIVATE-KEY-BYTES',
      'tz/localtime': Buffer.from('TZif2\u0000\u0000\u0000UTC', 'latin1'),
      'certs/notes.txt': '-----BEGIN PRIVATE KEY-----\nPEM-BYTES\n-----END PRIVATE KEY-----\n',
      '.env.local': 'DB_PASSWORD=ENV-FILE-BYTES\n',
    });
    for (const bytes of ['PRIVATE-KEY-BYTES', 'TZif', 'PEM-BYTES', 'ENV-FILE-BYTES']) expect(source).not.toContain(bytes);
    expect(source).toContain('//   kubectl create secret generic file-keys-id-ed25519 --from-file=id_ed25519=keys/id_ed25519\n');
    expect(source).toContain('//   kubectl create configmap file-tz-localtime --from-file=localtime=tz/localtime\n');
    expect(source).toContain('//   kubectl create secret generic file-certs-notes-txt --from-file=notes.txt=certs/notes.txt\n');
    expect(source).toContain('//   kubectl create secret generic file-env-local --from-file=.env.local=.env.local\n');
    expect(importer.warnings.join('\n')).toContain('bind mount "./tz/localtime" → "/etc/localtime": the file is NOT embedded (it is not UTF-8 text)');
    const all = manifests();
    expect(all.filter(m => m.kind === 'Secret' || m.kind === 'ConfigMap')).toEqual([]);
    const pod = podSpec(workload(all, 'app'));
    expect(pod.volumes).toEqual(expect.arrayContaining([
      expect.objectContaining({ secret: expect.objectContaining({ secretName: 'file-keys-id-ed25519' }) }),
      expect.objectContaining({ configMap: expect.objectContaining({ name: 'file-tz-localtime' }) }),
    ]));
    expect(pod.containers[0].volumeMounts).toContainEqual(expect.objectContaining({ mountPath: '/etc/localtime', subPath: 'localtime', readOnly: true }));
  });

  test('a text file over 64 KiB is referenced by name; one at 64 KiB is embedded', () => {
    const { source } = importProject(service(['./big.conf:/etc/big.conf:ro', './ok.conf:/etc/ok.conf:ro']), { 'big.conf': 'b'.repeat(64 * 1024 + 1), 'ok.conf': 'o'.repeat(64 * 1024) });
    expect(source).toContain('//   kubectl create configmap file-big-conf --from-file=big.conf=big.conf\n');
    expect(source).not.toContain('bbbbbbbb');
    expect(source).toContain('o'.repeat(64 * 1024));
  });

  test('a FIFO, a symlink to a FIFO outside and a symlink loop in the project: converted with a warning, never read (no hang)', () => {
    const fifo = path.join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const project = { 'loop-a': 'symlink:loop-b', 'loop-b': 'symlink:loop-a', 'pipe': `symlink:${fifo}`, 'in/pipe': 'symlink:../pipe' };
    const { importer } = importProject(service(['./loop-a:/etc/a.conf:ro', './loop-b:/data', './in/pipe:/pipe']), project);
    expect(importer.warnings.join('\n')).toContain('bind mount "./loop-b" → "/data" is NOT mounted (a host path with no counterpart in a cluster; a symlink loop, not read)');
    // read-write and outside the project: data, never read
    expect(importer.warnings.join('\n')).toContain('bind mount "./in/pipe" → "/pipe" becomes a PersistentVolumeClaim like a named volume (a symlink inside the project that points outside it, not read)');
    const inside = importProject(service(['./fifo:/fifo.conf']), { fifo: 'fifo:' });
    expect(inside.importer.warnings.join('\n')).toContain('bind mount "./fifo" → "/fifo.conf" is NOT mounted (a host path with no counterpart in a cluster; not a regular file (a FIFO, socket or device), not read)');
  });

  test('a read-write data directory becomes a claim shared by its users, EMPTY, said in the header', () => {
    const compose = 'services:\n  db:\n    image: postgres:16.4\n    volumes: ["./pgdata:/var/lib/postgresql/data"]\n  backup:\n    image: busybox:1.36\n    volumes: ["./pgdata/:/backup"]\n';
    const { importer, source, manifests } = importProject(compose, { 'pgdata/PG_VERSION': '16\n' });
    expect(source).not.toContain('PG_VERSION');
    expect(importer.warnings.join('\n')).toContain('bind mount "./pgdata" → "/var/lib/postgresql/data" becomes a PersistentVolumeClaim like a named volume (a directory of the project, not read): the host\'s current content is NOT copied');
    expect(source).toContain('//   db: "./pgdata" → "/var/lib/postgresql/data": a PersistentVolumeClaim (read-write data, a directory of the project), EMPTY at first');
    const claims = manifests().filter(m => m.kind === 'PersistentVolumeClaim');
    expect(claims.map(c => c.metadata.name)).toEqual(['host-pgdata']);
    expect(podSpec(workload(manifests(), 'db')).volumes).toContainEqual({ name: 'pvc-host-pgdata', persistentVolumeClaim: { claimName: 'host-pgdata', readOnly: false } });
  });

  test('source code next to build: is not mounted (the image has it); a read-write dir outside the build context is data', () => {
    const compose = 'services:\n  vote:\n    build: ./vote\n    volumes: ["./vote:/app", "./uploads:/uploads"]\n';
    const { importer, manifests } = importProject(compose, { 'vote/app.py': 'print(1)\n' }, { imageRegistry: 'registry.example.com' });
    expect(importer.warnings.join('\n')).toContain('bind mount "./vote" → "/app" is NOT mounted (source code next to build:; a directory of the project, not read)');
    const pod = podSpec(workload(manifests(), 'vote'));
    expect(pod.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/uploads']);
  });

  test('configs from a file outside the project, and an env_file outside it, are never read', () => {
    const compose = 'services:\n  app:\n    image: nginx:1.27.2\n    env_file: ../host-secret.txt\n    configs: [outside]\nconfigs:\n  outside:\n    file: ../host-secret.txt\n';
    const { importer, source, manifests } = importProject(compose);
    expect(source).not.toContain('HOST-ONLY-CONTENT');
    expect(importer.warnings.join('\n')).toContain('env_file: "../host-secret.txt" is NOT read (a path outside the project directory)');
    expect(source).toContain('//   kubectl create configmap outside --from-file=outside=../host-secret.txt\n');
    expect(JSON.stringify(manifests())).not.toContain('HOST-ONLY-CONTENT');
  });
});
