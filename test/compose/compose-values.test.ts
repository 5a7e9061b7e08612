import { ComposeError } from '../../src/compose/compose-error';
import { parseBytes, parseCpus, parseDuration, parsePortNumber } from '../../src/compose/compose-values';

const fail = (reason: string) => new ComposeError('c.yaml', 's', 'k', reason);

test.each([['30s', 30], ['1m30s', 90], ['1.5s', 1.5], ['500ms', 0.5], ['1h', 3600], ['2h1m', 7260]])('duration %s = %ss', (text, seconds) => {
  expect(parseDuration(text, fail)).toBeCloseTo(seconds);
});

test.each(['30', '1x', 's', '', '1m 30s'])('duration %j is refused', text => {
  expect(() => parseDuration(text, fail)).toThrow(/is not a duration/);
});

// docker's RAMInBytes: binary units, case-insensitive, optional b
test.each([['512m', 512 * 1024 ** 2], ['1G', 1024 ** 3], ['1gb', 1024 ** 3], ['64k', 65536], ['100', 100], ['1.5g', 1.5 * 1024 ** 3]])('size %s', (text, bytes) => {
  expect(parseBytes(text, fail)).toBe(bytes);
});

test('cpus to millicores', () => {
  expect(parseCpus('0.5', fail)).toBe(500);
  expect(parseCpus(2, fail)).toBe(2000);
  expect(() => parseCpus('-1', fail)).toThrow(/not a CPU count/);
});

test('ports: numbers 1-65535; a range is refused with the reason', () => {
  expect(parsePortNumber('80', fail)).toBe(80);
  expect(() => parsePortNumber('0', fail)).toThrow(/not a port number/);
  expect(() => parsePortNumber('70000', fail)).toThrow(/not a port number/);
  expect(() => parsePortNumber('3000-3005', fail)).toThrow(/port range "3000-3005" cannot be converted/);
});
