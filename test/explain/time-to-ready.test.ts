import { InitContainerEntry } from '../../src/explain/explanation-model';
import { range, timeToReadySection } from '../../src/explain/time-to-ready';

const WAITER: InitContainerEntry = {
  name: 'wait-for-db',
  position: 1,
  role: 'waiter',
  summary: '',
  onFailure: '',
  waiter: { check: 'tcp', target: 'db', dependency: 'TCP db:5432', timeoutSeconds: 60, intervalSeconds: 3, attemptTimeoutSeconds: 10 },
};
const SETUP: InitContainerEntry = { name: 'setup', position: 2, role: 'init', summary: '', onFailure: '' };
const APP = [{ name: 'app', probes: [], summary: '' }];

describe('timeToReadySection', () => {
  test('best case from the timeline, plus what the manifest cannot tell', () => {
    const section = timeToReadySection('Always', [WAITER, SETUP], APP);
    expect(section.appStartSeconds).toEqual({ min: 0, max: 2 });
    expect(section.statements[0]).toBe('Every dependency already reachable: the app containers start 0-2 s after the first init container, and the Pod is Ready 0-3 s after it.');
    expect(section.statements[1]).toBe('Add the run time of setup: not known from the manifest.');
    expect(section.statements[2]).toMatch(/at most 3 s after it appears/);
  });

  test('Always: no bound, a dependency that appears during a back-off is seen up to 315 s later', () => {
    expect(timeToReadySection('Always', [WAITER], APP).statements.join(' ')).toMatch(/Worst case: no bound\..*up to 315 s later/);
  });

  test('Never: the waiter gives up at its timeout and the Pod fails 0-4 s later (observed about 3 s)', () => {
    expect(timeToReadySection('Never', [WAITER], APP).statements.join(' ')).toMatch(/wait-for-db after 60 s; up to 60 s in all\), and the Pod fails 0-4 s later \(observed about 3 s\)/);
  });

  test('a Job: the Job controller ends the crash loop at backoffLimit', () => {
    expect(timeToReadySection('OnFailure', [WAITER], APP, 4).statements.join(' ')).toMatch(/fails the Job once the Pod's restarts reach backoffLimit 4/);
  });

  test('range', () => {
    expect(range({ min: 3, max: 3 })).toBe('3 s');
    expect(range({ min: 3, max: 5 })).toBe('3-5 s');
  });
});
