import { appContainerEntries, probesOf } from '../../src/explain/app-phase';
import { workloadSource } from '../../src/explain/workload-source';

describe('probesOf', () => {
  test('fills the API server\'s defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe: 1 s, 10 s, 1, 3)', () => {
    expect(probesOf({ readinessProbe: { httpGet: { port: 80 } } })).toEqual([expect.objectContaining({
      type: 'readiness', initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3,
    })]);
  });

  test('keeps values that are set, and lists startup, readiness, liveness in that order', () => {
    const probes = probesOf({
      livenessProbe: { periodSeconds: 20 },
      startupProbe: { failureThreshold: 30 },
      readinessProbe: { initialDelaySeconds: 5 },
    });
    expect(probes.map(p => p.type)).toEqual(['startup', 'readiness', 'liveness']);
    expect(probes.map(p => [p.initialDelaySeconds, p.periodSeconds, p.failureThreshold])).toEqual([[0, 10, 30], [5, 10, 3], [0, 20, 3]]);
  });

  test('what each probe gates: readiness gates Service endpoints, liveness kills, startup holds the others back', () => {
    const [startup, readiness, liveness] = probesOf({ startupProbe: {}, readinessProbe: {}, livenessProbe: {} });
    expect(startup.gates).toMatch(/holds back the liveness and readiness probes/);
    expect(readiness.gates).toMatch(/Service endpoints/);
    expect(liveness.gates).toMatch(/kill the container/);
  });
});

test('appContainerEntries: a container without probes is Ready once running', () => {
  const source = workloadSource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x:1' }] } })!;
  expect(appContainerEntries(source)).toEqual([{ name: 'a', probes: [], summary: 'no probes: Ready as soon as it is running' }]);
});
