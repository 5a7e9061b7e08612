import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp } from '../../src/apps/init-gated-app';
import {
  CONSTRUCT_PATH_ANNOTATION,
  declaredConstructPath,
  declaredProfile,
  PROFILE_ANNOTATION,
  recordProvenance,
} from '../../src/pods/provenance';
import { SafePod } from '../../src/pods/safe-pod';
import { SecurityProfile } from '../../src/policy/security-profile';
import { WorkloadKind } from '../../src/policy/workload-kind';

const BUSYBOX = { name: 'app', image: 'busybox:1.36.1', command: ['sleep', '3600'], securityContext: { user: 1000, group: 1000 } };

function annotationsOf(chart: Chart): Array<[string, any]> {
  return Testing.synth(chart).map(manifest => [manifest.kind, manifest.metadata.annotations]);
}

describe('the constructs record the profile they built with, and who built it', () => {
  test.each([SecurityProfile.RESTRICTED, SecurityProfile.BASELINE])('SafePod with %s', (profile) => {
    const chart = new Chart(Testing.app(), 'chart');
    new SafePod(chart, 'web', { securityProfile: profile, containers: [BUSYBOX] });
    expect(annotationsOf(chart)).toEqual([['Pod', { [PROFILE_ANNOTATION]: profile, [CONSTRUCT_PATH_ANNOTATION]: 'chart/web' }]]);
  });

  test('InitGatedApp: on the workload object (not its Pod template), named by the InitGatedApp', () => {
    const chart = new Chart(Testing.app(), 'chart');
    new InitGatedApp(chart, 'api', { securityProfile: SecurityProfile.BASELINE, containers: [BUSYBOX] });
    const [deployment] = Testing.synth(chart);
    expect(deployment.metadata.annotations).toEqual({ [PROFILE_ANNOTATION]: 'baseline', [CONSTRUCT_PATH_ANNOTATION]: 'chart/api' });
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
  });

  test('InitGatedApp as a Pod: the SafePod it makes records its own path', () => {
    const chart = new Chart(Testing.app(), 'chart');
    new InitGatedApp(chart, 'job', { workload: WorkloadKind.POD, containers: [BUSYBOX] });
    expect(annotationsOf(chart)).toEqual([['Pod', { [PROFILE_ANNOTATION]: 'restricted', [CONSTRUCT_PATH_ANNOTATION]: 'chart/job/Pod' }]]);
  });

  test('annotations the user sets stay next to the recorded ones', () => {
    const chart = new Chart(Testing.app(), 'chart');
    new SafePod(chart, 'web', { metadata: { annotations: { team: 'payments' } }, containers: [BUSYBOX] });
    expect(annotationsOf(chart)[0][1]).toEqual({ team: 'payments', [PROFILE_ANNOTATION]: 'restricted', [CONSTRUCT_PATH_ANNOTATION]: 'chart/web' });
  });

  test('PRIVILEGED records nothing: the Pod stays exactly what kplus.Pod writes', () => {
    const chart = new Chart(Testing.app(), 'chart');
    new SafePod(chart, 'web', { securityProfile: SecurityProfile.PRIVILEGED, containers: [BUSYBOX] });
    new InitGatedApp(chart, 'api', { securityProfile: SecurityProfile.PRIVILEGED, containers: [BUSYBOX] });
    expect(annotationsOf(chart)).toEqual([['Pod', undefined], ['Deployment', undefined]]);
  });

  test('a workload the library does not own records nothing', () => {
    const chart = new Chart(Testing.app(), 'chart');
    new kplus.Deployment(chart, 'plain', { containers: [BUSYBOX] });
    expect(annotationsOf(chart)).toEqual([['Deployment', undefined]]);
  });

  test('recordProvenance on any ApiObject', () => {
    const chart = new Chart(Testing.app(), 'chart');
    const raw = new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'ConfigMap' });
    recordProvenance(raw, SecurityProfile.BASELINE, 'chart/owner');
    expect(raw.toJson().metadata.annotations).toEqual({ [PROFILE_ANNOTATION]: 'baseline', [CONSTRUCT_PATH_ANNOTATION]: 'chart/owner' });
  });
});

describe('reading a manifest\'s declaration', () => {
  const declaring = (annotations: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations } });

  test.each([
    ['restricted', SecurityProfile.RESTRICTED],
    ['baseline', SecurityProfile.BASELINE],
    // never written by the constructs; the checker's configuration decides
    ['privileged', undefined],
    // a typo must not loosen the check
    ['Baseline', SecurityProfile.RESTRICTED],
    ['', SecurityProfile.RESTRICTED],
  ])('profile "%s" → %s', (value, profile) => {
    expect(declaredProfile(declaring({ [PROFILE_ANNOTATION]: value }))).toBe(profile);
  });

  test.each([
    ['no metadata', { kind: 'Pod' }],
    ['no annotations', { kind: 'Pod', metadata: {} }],
    ['a non-string value', declaring({ [PROFILE_ANNOTATION]: 3, [CONSTRUCT_PATH_ANNOTATION]: true })],
    ['not an object', 'Pod'],
    ['null', null],
  ])('%s: no declaration', (_, manifest) => {
    expect(declaredProfile(manifest)).toBeUndefined();
    expect(declaredConstructPath(manifest)).toBeUndefined();
  });

  test('construct path', () => {
    expect(declaredConstructPath(declaring({ [CONSTRUCT_PATH_ANNOTATION]: 'front/web' }))).toBe('front/web');
    expect(declaredConstructPath(declaring({ [CONSTRUCT_PATH_ANNOTATION]: '' }))).toBeUndefined();
  });
});
