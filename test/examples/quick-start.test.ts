import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';

// The README's first example is examples/quick-start.ts verbatim (a generated block):
// run it as a program, as a user's `cdk8s synth` would, and read what it wrote.
test('the quick start synthesizes a hardened Deployment that waits for postgres:5432', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quick-start-'));
  const previous = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../examples/quick-start');
    });
    const [deployment] = Yaml.load(path.join(outdir, 'shop.k8s.yaml'));
    expect(deployment.kind).toBe('Deployment');
    const pod = deployment.spec.template.spec;
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['wait-for-postgres-5432']);
    expect(pod.containers[0]).toMatchObject({
      name: 'api',
      imagePullPolicy: 'IfNotPresent',
      securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
  } finally {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
