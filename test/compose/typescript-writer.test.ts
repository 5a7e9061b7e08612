import * as os from 'os';
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

test('a healthcheck keeps compose\'s defaults explicitly (interval 30s, timeout 30s, retries 3), not the probe defaults', () => {
  expect(write({ s: { image: 'x:1', healthcheck: { test: 'true' } } }))
    .toContain('{ periodSeconds: Duration.seconds(30), timeoutSeconds: Duration.seconds(30), failureThreshold: 3 }');
});

test('the synth guard names the chart class and id', () => {
  expect(write({ s: { image: 'x:1' } })).toMatch(/if \(require\.main === module\) \{\n {2}const app = new App\(\);\n {2}new DemoChart\(app, 'demo'\);\n {2}app\.synth\(\);\n\}\n$/);
});
