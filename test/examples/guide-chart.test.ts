import { Testing } from 'cdk8s';
import { GuideChart } from '../../examples/guide-chart';
import { SecurityProfile, Severity } from '../../src';
import { lintObjects } from '../../src/rules/engine';
import { synthValid } from '../support/synth';

function guideManifests(): any[] {
  return synthValid(new GuideChart(Testing.app(), 'myapp'));
}

test('the example app synthesizes the guide\'s Services, the Pod, the Deployment and the web Pod', () => {
  expect(guideManifests().map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
    'Service/myservice',
    'Service/mydb',
    'Pod/myapp-pod',
    expect.stringMatching(/^Deployment\/myapp-deployment-/),
    'Pod/web',
  ]);
});

test('the example lints clean at restricted: no errors, and the only warnings are the bare Pods', () => {
  const findings = lintObjects(guideManifests(), { profile: SecurityProfile.RESTRICTED });
  expect(findings.filter(f => f.severity === Severity.ERROR)).toEqual([]);
  expect(findings.map(f => `${f.kind}/${f.name} ${f.ruleId}`)).toEqual(expect.arrayContaining([
    'Pod/myapp-pod bp-bare-pod',
    'Pod/web bp-bare-pod',
  ]));
});

test('snapshot: the example app', () => {
  expect(guideManifests()).toMatchSnapshot();
});
