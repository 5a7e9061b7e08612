// The record of one checked object: it renders, hardens and, inside one app
// synth, holds the manifest the guard judged so that toJson() writes that very
// object (issue 14, items 2 and 6).
import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KubernetesVersion, SecurityProfile } from '../../src';
import { ObjectRecord } from '../../src/pods/object-record';

function deploymentObject(): ApiObject {
  const deployment = new kplus.Deployment(Testing.chart(), 'api', {
    containers: [{ name: 'api', image: 'nginx:1.25', securityContext: { user: 1000, group: 1000 } }],
  });
  return ApiObject.of(deployment);
}

function container(manifest: any): any {
  return manifest.spec.template.spec.containers[0];
}

describe('ObjectRecord', () => {
  test('from its creation on, toJson() renders hardened for its settings (profile, cdk8s-plus defaults)', () => {
    const apiObject = deploymentObject();
    expect(container(apiObject.toJson()).imagePullPolicy).toBe('Always'); // cdk8s-plus's blanket default
    expect(container(apiObject.toJson()).securityContext.capabilities).toBeUndefined();
    new ObjectRecord(apiObject, { profile: SecurityProfile.RESTRICTED, harden: true, cdk8sPlusDefaults: true });
    const rendered = container(apiObject.toJson());
    expect(rendered.imagePullPolicy).toBe('IfNotPresent');
    expect(rendered.securityContext.capabilities).toEqual({ drop: ['ALL'] });
    expect(rendered.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  test('without harden it renders exactly as cdk8s does; new settings apply to the next render', () => {
    const apiObject = deploymentObject();
    const before = apiObject.toJson();
    const record = new ObjectRecord(apiObject, { profile: SecurityProfile.RESTRICTED, harden: false });
    expect(apiObject.toJson()).toEqual(before);
    record.settings = { profile: SecurityProfile.BASELINE, harden: true };
    expect(container(apiObject.toJson()).securityContext.capabilities).toBeUndefined(); // BASELINE does not drop ALL
    expect(container(apiObject.toJson()).securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  test('hold: toJson() returns the very manifest that was judged until release, then renders afresh', () => {
    const apiObject = deploymentObject();
    const record = new ObjectRecord(apiObject, { profile: SecurityProfile.RESTRICTED, harden: true });
    const judged = record.hold();
    expect(apiObject.toJson()).toBe(judged);
    expect(apiObject.toJson()).toBe(judged);
    record.release();
    const fresh = apiObject.toJson();
    expect(fresh).not.toBe(judged);
    expect(fresh).toEqual(judged);
  });

  test('harden completes a manifest in place and returns it', () => {
    const record = new ObjectRecord(deploymentObject(), { profile: SecurityProfile.RESTRICTED, harden: true });
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect(record.harden(manifest)).toBe(manifest);
    expect(manifest.spec.containers[0]).toMatchObject({ imagePullPolicy: 'Always', securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } });
  });

  test('each render asks the target release afresh: a version set after the record was made applies', () => {
    const deployment = new kplus.Deployment(Testing.chart(), 'api', { containers: [{ name: 'api', image: 'Registry/app:1.0' }] });
    const apiObject = ApiObject.of(deployment);
    let release = KubernetesVersion.V1_28;
    new ObjectRecord(apiObject, { profile: SecurityProfile.PRIVILEGED, harden: true, cdk8sPlusDefaults: true }, () => release);
    expect(container(apiObject.toJson()).imagePullPolicy).toBe('Always'); // 1.28 cannot read it: left to the image rules
    release = KubernetesVersion.V1_33;
    expect(container(apiObject.toJson()).imagePullPolicy).toBe('IfNotPresent');
  });
});
