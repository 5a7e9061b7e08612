import * as kplus from 'cdk8s-plus-28';
import { DockerRestart } from '../../src/policy/docker-restart';
import { WorkloadRestartPolicy } from '../../src/policy/restart-policy';
import { WorkloadKind } from '../../src/policy/workload-kind';

// Docker's rules: docker/cli opts/parse.go ParseRestartPolicy (split at the first
// ":", integer count), moby api/types/container/hostconfig.go ValidateRestartPolicy
// (count only with on-failure, never negative, unknown names) and moby
// restartmanager/restartmanager.go ShouldRestart (on-failure count 0 = no limit).
// Kubernetes' rules: the per-kind restart policies of WorkloadRestartPolicy.

const VALID_FORMS = 'valid forms are no, always, unless-stopped, on-failure, on-failure:N (N >= 0)';

describe('DockerRestart.parse: accepted values', () => {
  test('no -> a Pod that runs once (Never)', () => {
    const parsed = DockerRestart.parse('no');
    expect(parsed.flag).toBe('no');
    expect(parsed.workloadKind).toBe(WorkloadKind.POD);
    expect(parsed.restartPolicy).toBe(kplus.RestartPolicy.NEVER);
    expect(parsed.backoffLimit).toBeUndefined();
  });

  test.each(['always', 'unless-stopped'])('%s -> a Deployment (Always)', (flag) => {
    const parsed = DockerRestart.parse(flag);
    expect(parsed.flag).toBe(flag);
    expect(parsed.workloadKind).toBe(WorkloadKind.DEPLOYMENT);
    expect(parsed.restartPolicy).toBe(kplus.RestartPolicy.ALWAYS);
    expect(parsed.backoffLimit).toBeUndefined();
  });

  test.each(['on-failure', 'on-failure:0', 'on-failure:'])('%s (no retry limit in Docker) -> a Pod with OnFailure', (flag) => {
    // moby restartmanager: "the default value of 0 for MaximumRetryCount means
    // that we will not enforce a maximum count"; docker/cli reads "" as 0.
    const parsed = DockerRestart.parse(flag);
    expect(parsed.workloadKind).toBe(WorkloadKind.POD);
    expect(parsed.restartPolicy).toBe(kplus.RestartPolicy.ON_FAILURE);
    expect(parsed.backoffLimit).toBeUndefined();
  });

  test.each([
    ['on-failure:1', 1],
    ['on-failure:5', 5],
    ['on-failure:+3', 3],
    ['on-failure:007', 7],
    ['on-failure:2147483647', 2147483647],
  ])('%s -> a Job with OnFailure and backoffLimit %d', (flag, limit) => {
    // strconv.Atoi accepts a sign and leading zeros.
    const parsed = DockerRestart.parse(flag);
    expect(parsed.workloadKind).toBe(WorkloadKind.JOB);
    expect(parsed.restartPolicy).toBe(kplus.RestartPolicy.ON_FAILURE);
    expect(parsed.backoffLimit).toBe(limit);
  });

  test.each(['always:0', 'no:0', 'unless-stopped:0', 'always:'])('%s is accepted, as Docker treats a 0 count as none', (flag) => {
    expect(() => DockerRestart.parse(flag)).not.toThrow();
  });

  test.each(['no', 'always', 'unless-stopped', 'on-failure', 'on-failure:3'])(
    '%s translates to a restart policy its workload accepts', (flag) => {
      const parsed = DockerRestart.parse(flag);
      expect(WorkloadRestartPolicy.allowed(parsed.workloadKind)).toContain(parsed.restartPolicy);
    });
});

describe('DockerRestart.parse: rejected values, in Docker\'s words', () => {
  test.each([
    // moby TestValidateRestartPolicy "always with MaxRestartCount"
    ['always:3', 'invalid restart policy: maximum retry count can only be used with \'on-failure\''],
    ['unless-stopped:1', 'invalid restart policy: maximum retry count can only be used with \'on-failure\''],
    ['no:2', 'invalid restart policy: maximum retry count can only be used with \'on-failure\''],
    // moby "always with negative MaxRestartCount"
    ['always:-1', 'invalid restart policy: maximum retry count can only be used with \'on-failure\' and cannot be negative'],
    // moby "on-failure with negative MaxRestartCount"
    ['on-failure:-1', 'invalid restart policy: maximum retry count cannot be negative'],
    // docker/cli ParseRestartPolicy: strconv.Atoi failures
    ['on-failure:x', 'invalid restart policy format: maximum retry count must be an integer'],
    ['on-failure:1.5', 'invalid restart policy format: maximum retry count must be an integer'],
    ['on-failure: 3', 'invalid restart policy format: maximum retry count must be an integer'],
    ['on-failure:3:4', 'invalid restart policy format: maximum retry count must be an integer'],
    ['on-failure:9223372036854775808', 'invalid restart policy format: maximum retry count must be an integer'],
    // docker/cli ParseRestartPolicy: "no policy provided before colon"
    [':3', 'invalid restart policy format: no policy provided before colon'],
    [':', 'invalid restart policy format: no policy provided before colon'],
    // moby: unknown names, case-sensitive
    ['sometimes', 'invalid restart policy: unknown policy \'sometimes\'; use one of \'no\', \'always\', \'on-failure\', or \'unless-stopped\''],
    ['Always', 'invalid restart policy: unknown policy \'Always\'; use one of \'no\', \'always\', \'on-failure\', or \'unless-stopped\''],
    ['--restart=always', 'invalid restart policy: unknown policy \'--restart=always\''],
  ])('%j: %s', (flag, reason) => {
    expect(() => DockerRestart.parse(flag)).toThrow(`docker --restart ${JSON.stringify(flag)}: ${reason}`);
  });

  test('every rejection lists the valid forms', () => {
    expect(() => DockerRestart.parse('sometimes')).toThrow(VALID_FORMS);
    expect(() => DockerRestart.parse('on-failure:-1')).toThrow(VALID_FORMS);
  });

  test('an empty value is refused rather than guessed', () => {
    expect(() => DockerRestart.parse('')).toThrow(`docker --restart "": no restart policy given (Docker's default is no); ${VALID_FORMS}`);
  });

  test('a count Docker accepts but a Job backoffLimit (int32) cannot hold is refused', () => {
    expect(() => DockerRestart.parse('on-failure:2147483648')).toThrow(
      'docker --restart "on-failure:2147483648": maximum retry count 2147483648 does not fit a Job backoffLimit (an int32, at most 2147483647); use on-failure (no limit) or a smaller N',
    );
  });
});
