import {
  BACK_OFF_RESET_SECONDS,
  crashBackOffSeconds,
  jobPodFailureBackOffSeconds,
  SYNC_DELAY_AFTER_BACK_OFF_SECONDS,
} from '../../src/explain/kubelet-timing';

describe('crash back-off (pkg/kubelet/kubelet.go backOffPeriod 10 s, MaxContainerBackOff 300 s; flowcontrol backoff.go)', () => {
  test('the first restart has no back-off, then 10 s doubling to the 300 s cap', () => {
    // client-go flowcontrol/backoff_test.go TestSlowBackoff: cases 0, 1, 2, 4, 8, 16, 32, 50, 50, 50 for step 1 s, max 50 s;
    // the kubelet's step is 10 s and its cap 300 s.
    expect(crashBackOffSeconds(9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  test('agrees with kubelet 1.28.7 as observed (issue 16): starts at +1, +1.2, +13, +37, +81, +165, +333 s', () => {
    const observed = [1, 1.2, 13, 37, 81, 165, 333];
    const delays = crashBackOffSeconds(observed.length - 1);
    for (let i = 1; i < observed.length; i++) {
      const late = observed[i] - observed[i - 1] - delays[i - 1];
      // the container runs for a moment; then the kubelet acts at its next sync after the back-off
      expect(late).toBeGreaterThanOrEqual(SYNC_DELAY_AFTER_BACK_OFF_SECONDS.min);
      expect(late).toBeLessThanOrEqual(SYNC_DELAY_AFTER_BACK_OFF_SECONDS.max);
    }
  });

  test('starts over after 2 x 300 s (flowcontrol backoff.go hasExpired: > maxDuration*2)', () => {
    expect(BACK_OFF_RESET_SECONDS).toBe(600);
  });

  test('the sync delay is a range, not zero: pod_workers.go retries a failed sync after jitter(10 s, 0.5)', () => {
    expect(SYNC_DELAY_AFTER_BACK_OFF_SECONDS).toEqual({ min: 0, max: 15 });
  });
});

describe('Job pod-failure back-off (pkg/controller/job/backoff_utils.go getRemainingTimeForFailuresCount)', () => {
  // Cases of backoff_utils_test.go TestGetRemainingBackoffTime (defaultBackoff 5 s, maxBackoff 700 s, no time elapsed).
  test.each([
    [0, 0],
    [1, 5],
    [3, 20],
    [8, 640],
    [9, 700],
  ])('upstream case: %i failures -> %i s', (failures, seconds) => {
    expect(jobPodFailureBackOffSeconds(failures, 5, 700)).toBe(seconds);
  });

  test('with the controller\'s own constants: 10 s doubling, capped at 10 min', () => {
    expect([1, 2, 3, 6, 7, 8].map(n => jobPodFailureBackOffSeconds(n))).toEqual([10, 20, 40, 320, 600, 600]);
  });
});
