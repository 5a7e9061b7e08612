import { timelineTable, wrap } from '../../src/explain/text-renderer';

describe('wrap', () => {
  test('breaks at spaces within the width; continuation lines are indented two more', () => {
    const lines = wrap('aaaa bbbb cccc dddd', '  ', 12);
    expect(lines).toEqual(['  aaaa bbbb', '    cccc', '    dddd']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(12);
  });

  test('a word longer than the line stays whole', () => {
    expect(wrap('x '.concat('y'.repeat(20)), '', 10)).toEqual(['x', '  ' + 'y'.repeat(20)]);
  });
});

test('timelineTable: one row per event, the assumptions and the outcome', () => {
  const lines = timelineTable({
    assumptions: [{ target: 'mydb', readyAtSeconds: 90 }, { target: 'cache', readyAtSeconds: null }],
    events: [{ at: { min: 0, max: 0 }, container: 'wait-for-mydb', kind: 'start', what: 'starts' }, { at: { min: 90, max: 93 }, kind: 'app-start', what: 'app containers start together: app' }],
    outcome: 'started',
    appStartSeconds: { min: 90, max: 93 },
    readySeconds: { min: 90, max: 94 },
  });
  expect(lines[0]).toBe('Timeline (assuming mydb at +90 s, cache never; t = 0 when the first init container starts):');
  expect(lines[2]).toMatch(/^ {2}\+0s +wait-for-mydb +starts$/);
  expect(lines[3]).toMatch(/^ {2}\+90\.\.93s +\(Pod\) +app containers start together: app$/);
  expect(lines[4]).toBe('  outcome: app containers start at +90..93s, the Pod is Ready at +90..94s');
});
