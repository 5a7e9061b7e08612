import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { Explanation } from '../../src/explain/explanation';
import {
  isKubeletGateOnByDefault,
  KUBELET_CRASH_LOOP_BACK_OFF_MAX,
  kubeletReleaseNotes,
  POD_READY_TO_START_CONTAINERS,
  REDUCE_DEFAULT_CRASH_LOOP_BACK_OFF_DECAY,
} from '../../src/explain/kubelet-releases';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'explain.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashy' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36.1' }] } };

function onIn(gate: Parameters<typeof isKubeletGateOnByDefault>[0]): string[] {
  return KubernetesVersion.all().filter((v) => isKubeletGateOnByDefault(gate, v)).map((v) => v.name);
}

// Expected values from pkg/features/kube_features.go: v1.28.7 defaultKubernetesFeatureGates
// (`PodReadyToStartContainersCondition: {Default: false, PreRelease: featuregate.Alpha}`) and the versioned
// specs of the later releases.
describe('kubelet feature gates, on by default per release', () => {
  test('PodReadyToStartContainersCondition: 1.28 alpha off, 1.29 beta on', () => {
    expect(onIn(POD_READY_TO_START_CONTAINERS)).toEqual(['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35']);
  });
  test('KubeletCrashLoopBackOffMax: 1.32 alpha off, 1.35 beta on', () => {
    expect(onIn(KUBELET_CRASH_LOOP_BACK_OFF_MAX)).toEqual(['1.35']);
  });
  test('ReduceDefaultCrashLoopBackOffDecay: 1.33 alpha, off through 1.35', () => {
    expect(onIn(REDUCE_DEFAULT_CRASH_LOOP_BACK_OFF_DECAY)).toEqual([]);
  });
});

describe('kubeletReleaseNotes', () => {
  const notes = (name: string) => kubeletReleaseNotes(KubernetesVersion.of(name)).join('\n');

  test('1.28 has none: the rest of the explanation is 1.28\'s kubelet', () => {
    expect(kubeletReleaseNotes(KubernetesVersion.V1_28)).toEqual([]);
  });

  test.each(['1.29', '1.30', '1.31'])('%s: the PodReadyToStartContainers condition, no crash back-off gate yet', (version) => {
    expect(notes(version)).toContain('On by default from 1.29 (PodReadyToStartContainersCondition, beta)');
    expect(notes(version)).not.toContain('CrashLoopBackOff');
  });

  test('1.32: KubeletCrashLoopBackOffMax exists, alpha and off', () => {
    expect(notes('1.32')).toContain('Off by default in 1.32 (KubeletCrashLoopBackOffMax, alpha)');
    expect(notes('1.32')).not.toContain('ReduceDefaultCrashLoopBackOffDecay');
  });

  test.each(['1.33', '1.34'])('%s: both crash back-off gates exist, off by default', (version) => {
    expect(notes(version)).toContain(`Off by default in ${version} (KubeletCrashLoopBackOffMax, alpha)`);
    expect(notes(version)).toContain(`Off by default in ${version} (ReduceDefaultCrashLoopBackOffDecay, alpha); a node that turns it on differs: the crash back-off starts at 1 s and is capped at 60 s`);
  });

  test('1.35: KubeletCrashLoopBackOffMax on (its default maximum is 300 s), the reduced decay still off', () => {
    expect(notes('1.35')).toContain('On by default from 1.35 (KubeletCrashLoopBackOffMax, beta)');
    expect(notes('1.35')).toContain('default 300 s');
    expect(notes('1.35')).toContain('Off by default in 1.35 (ReduceDefaultCrashLoopBackOffDecay, alpha)');
  });

  test.each(KubernetesVersion.all().slice(1).map((v) => v.name))('%s says its default timing is 1.28\'s', (version) => {
    expect(notes(version)).toContain(`is ${version}'s default, unchanged since 1.28`);
  });
});

// k8s: v1.28.7 pkg/kubelet/kubelet.go `backOffPeriod = time.Second * 10`, `MaxContainerBackOff = 300 * time.Second`;
// from 1.32 newCrashLoopBackOff: `initialCrashLoopBackOff = time.Second * 10`, `MaxCrashLoopBackOff = v1beta1.MaxContainerBackOff`.
describe('Explanation per release', () => {
  test.each(KubernetesVersion.all().map((v) => v.name))('%s: the default crash back-off is 0, 10, 20, ... 300 s', (version) => {
    const json = Explanation.ofManifest(POD, { kubernetesVersion: KubernetesVersion.of(version) }).toJson();
    expect(json.restarts.crashBackOffSeconds).toEqual([0, 10, 20, 40, 80, 160, 300]);
    expect(json.restarts.maxBackOffSeconds).toBe(300);
  });

  test('the JSON carries kubeletRelease from 1.29 (validated by the schema), not at 1.28', () => {
    const at128 = Explanation.ofManifest(POD).toJson();
    expect(at128).not.toHaveProperty('kubeletRelease');
    const at135 = Explanation.ofManifest(POD, { kubernetesVersion: KubernetesVersion.V1_35 }).toJson();
    expect(at135.kubeletRelease).toEqual(kubeletReleaseNotes(KubernetesVersion.V1_35));
    expect(validate([at135])).toBe(true);
    expect(validate([{ ...at135, kubeletRelease: 'not a list' }])).toBe(false);
  });

  test('the text opens with the release\'s section, wrapped at 100 columns', () => {
    const text = Explanation.ofManifest(POD, { kubernetesVersion: KubernetesVersion.V1_33 }).toText();
    expect(text).toMatch(/^Pod\/crashy: the kubelet's view \(Kubernetes 1\.33\)\n\nThe kubelet of Kubernetes 1\.33 \(against 1\.28\):\n {2}On by default from 1\.29/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(Explanation.ofManifest(POD).toText()).not.toContain('against 1.28');
  });
});
