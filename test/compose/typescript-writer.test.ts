import * as os from 'os';
import * as path from 'path';
import { loadESLint } from 'eslint';
import { ComposeImporter } from '../../src/compose/compose-importer';
import { planCompose } from '../../src/compose/compose-mapping';
import { buildModel } from '../../src/compose/compose-model';
import { kubeExpansionSafe, writeTypeScript } from '../../src/compose/typescript-writer';

function write(services: Record<string, unknown>): string {
  const plan = planCompose(buildModel({ services }, os.tmpdir(), ['compose.yaml'], new Map()), { imageTag: 'latest' });
  return writeTypeScript({ plan, files: ['compose.yaml'], chartName: 'demo', className: 'DemoChart' });
}

// k8s: third_party/forked/golang/expansion/expand.go: "$$" → "$", "$(VAR)" → the variable
test('kubeExpansionSafe doubles every $ so the kubelet gives back the compose value', () => {
  expect(kubeExpansionSafe('$(HOME) $$ $X $')).toBe('$$(HOME) $$$$ $$X $$');
});

test('only the imports the code uses; an app nobody refers to is not assigned (noUnusedLocals)', () => {
  const code = write({ lone: { image: 'x:1' } });
  expect(code).toContain('import { App, Chart, ChartProps } from \'cdk8s\';');
  expect(code).toContain('import { DockerRestart, InitGatedApp, SecurityProfile } from \'cdk8s-pod-patterns\';');
  expect(code).toContain('    new InitGatedApp(this, \'lone\', {');
  expect(code).not.toContain('const loneApp');
});

test('cdk8s-plus-28 is imported only when the code refers to it (cdk8s init sets noUnusedLocals: an unused import fails the synth)', () => {
  expect(write({ lone: { image: 'x:1' } })).not.toContain('cdk8s-plus-28');
  const withVolume = write({ db: { image: 'postgres:16', tmpfs: ['/run'] } });
  expect(withVolume).toContain('import * as kplus from \'cdk8s-plus-28\';');
  expect(withVolume).toMatch(/kplus\.EmptyDirMedium\.MEMORY/);
});

test('a healthcheck keeps compose\'s defaults explicitly (interval 30s, timeout 30s, retries 3), not the probe defaults', () => {
  expect(write({ s: { image: 'x:1', healthcheck: { test: 'true' } } }))
    .toContain('{ periodSeconds: Duration.seconds(30), timeoutSeconds: Duration.seconds(30), failureThreshold: 3 }');
});

test('the synth guard names the chart class and id', () => {
  expect(write({ s: { image: 'x:1' } })).toMatch(/if \(require\.main === module\) \{\n {2}const app = new App\(\);\n {2}new DemoChart\(app, 'demo'\);\n {2}app\.synth\(\);\n\}\n$/);
});

describe('the generated code follows the repo\'s eslint style', () => {
  // Linted as if it were examples/compose/main.ts, a file of the typed-lint project.
  const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');
  const LINT_AS = path.join(__dirname, '..', '..', 'examples', 'compose', 'main.ts');
  const files = ['v2/docker-compose.yml', 'v3/docker-compose.yml', 'spec/compose.yaml', 'hostile/compose.yaml', 'collisions/compose.yaml', 'interpolation/compose.yaml', 'oneshot/compose.yaml'];

  test.each(files)('%s', async file => {
    process.env.ESLINT_USE_FLAT_CONFIG = 'false';
    // Under CI=true typescript-eslint builds its program once from the files on disk, and would
    // parse the example's file instead of the text given to lintText.
    process.env.TSESTREE_SINGLE_RUN = 'false';
    const ESLint = await loadESLint({ useFlatConfig: false });
    const code = ComposeImporter.fromFiles([path.join(FIXTURES, file)], { environment: {} }).toTypeScript();
    const [result] = await new ESLint({ cwd: path.join(__dirname, '..', '..') }).lintText(code, { filePath: LINT_AS });
    expect(result.messages.map(m => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  }, 60_000);
});

test('a service named like a property every object has gets a construct id the constructs library can hold', () => {
  const code = write({ constructor: { image: 'x:1', restart: 'always', expose: ['80'] } });
  expect(code).toContain('new InitGatedApp(this, \'constructor-app\', {');
  expect(code).toContain('metadata: { name: \'constructor\' }');
});
