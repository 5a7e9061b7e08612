import { container, errors, messages, pod } from './helpers';
import { SecurityProfile } from '../../../src/policy/security-profile';
import { lintObjects } from '../../../src/rules/engine';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateSecurityContext, TestValidateSeccompProfileField, TestValidateSysctls.
describe('security contexts', () => {
  test('privileged: true with allowPrivilegeEscalation: false', () => {
    expect(messages(container({ securityContext: { privileged: true, allowPrivilegeEscalation: false } }), 'api-pod-volumes-and-containers')[0])
      .toMatch(/^spec\.containers\[0\]\.securityContext: Invalid value: .*cannot set `allowPrivilegeEscalation` to false and `privileged` to true/);
  });

  test('CAP_SYS_ADMIN with allowPrivilegeEscalation: false; SYS_ADMIN (without CAP_) is not matched upstream', () => {
    expect(errors(container({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }))).toEqual(['api-pod-volumes-and-containers spec.containers[0].securityContext']);
    expect(errors(container({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } }))).toEqual([]);
  });

  test.each([
    [{ seccompProfile: { type: 'Localhost' } }, 'spec.containers[0].securityContext.seccompProfile.localhostProfile'],
    [{ seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } }, 'spec.containers[0].securityContext.seccompProfile.localhostProfile'],
    [{ seccompProfile: { type: 'Foo' } }, 'spec.containers[0].securityContext.seccompProfile.type'],
    [{ runAsUser: -1 }, 'spec.containers[0].securityContext.runAsUser'],
    [{ runAsGroup: -5 }, 'spec.containers[0].securityContext.runAsGroup'],
  ])('container %j is refused at %s', (sc, path) => {
    expect(errors(container({ securityContext: sc }))).toEqual([`api-pod-volumes-and-containers ${path}`]);
  });

  test('procMount is dropped on 1.28 (ProcMountType off): a warning, not an API or Pod Security error', () => {
    const obj = container({ securityContext: { procMount: 'Unmasked' } });
    expect(errors(obj)).toEqual([]);
    expect(lintObjects([obj], { profile: SecurityProfile.BASELINE }).filter((f) => f.ruleId.startsWith('pss-baseline-proc-mount'))).toEqual([]);
    expect(messages(obj, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('feature gate ProcMountType')]);
  });

  test.each([
    [{ fsGroup: -1 }, 'spec.securityContext.fsGroup'],
    [{ supplementalGroups: [-1] }, 'spec.securityContext.supplementalGroups[0]'],
    [{ fsGroupChangePolicy: 'Sometimes' }, 'spec.securityContext.fsGroupChangePolicy'],
    [{ sysctls: [{ name: 'Bad Sysctl', value: '1' }] }, 'spec.securityContext.sysctls[0].name'],
    [{ sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'kernel.shm_rmid_forced', value: '0' }] }, 'spec.securityContext.sysctls[1].name'],
  ])('Pod %j is refused at %s', (sc, path) => {
    expect(errors(pod({ securityContext: sc }))).toEqual([`api-pod-fields ${path}`]);
  });

  test('shareProcessNamespace with hostPID', () => {
    expect(errors(pod({ shareProcessNamespace: true, hostPID: true }))).toEqual(['api-pod-fields spec.securityContext.shareProcessNamespace']);
  });
});
