import { configMapKeyErrors, envVarNameErrors, ipErrors, isValidCIDR, labelValueErrors, parseIPSloppy, qualifiedNameErrors, regexError } from '../../../src/rules/validation/apimachinery';

// Cases from staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go.
describe('util/validation ports', () => {
  test.each(['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes',
    'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`])('TestIsQualifiedName good: %s', (name) => {
    expect(qualifiedNameErrors(name)).toEqual([]);
  });

  test.each(['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/',
    '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`])('TestIsQualifiedName bad: %s', (name) => {
    expect(qualifiedNameErrors(name).length).toBeGreaterThan(0);
  });

  test.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])('TestIsValidLabelValue good: %j', (value) => {
    expect(labelValueErrors(value)).toEqual([]);
  });
  test.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)])(
    'TestIsValidLabelValue bad: %j', (value) => expect(labelValueErrors(value).length).toBeGreaterThan(0));

  test.each(['A', 'ABC', 'AbC123', '_ABC', 'a', 'my.var', 'my-var', 'A_B_C', '-', '_', 'MY_ENV.NAME'])('TestIsEnvVarName good: %s', (name) => {
    expect(envVarNameErrors(name)).toEqual([]);
  });
  test.each(['1ABC', 'my var', 'A=B', '.', '..', '..x', 'ABC:1', 'é', ''])('TestIsEnvVarName bad: %j', (name) => expect(envVarNameErrors(name).length).toBeGreaterThan(0));

  test.each(['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'])('TestIsConfigMapKey good: %s', (key) => {
    expect(configMapKeyErrors(key)).toEqual([]);
  });
  test.each(['.', '..', '..bad', 'b*d', 'bad!&bad', 'a/b', 'a'.repeat(254), ''])('TestIsConfigMapKey bad: %j', (key) => expect(configMapKeyErrors(key).length).toBeGreaterThan(0));

  test('RegexError words examples as upstream does (two spaces before "or")', () => {
    expect(regexError('msg', 'fmt', 'a', 'b')).toBe("msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')");
    expect(regexError('msg', 'fmt')).toBe("msg (regex used for validation is 'fmt')");
  });

  test('IP addresses are parsed like net.ParseIP of Go 1.16 (ParseIPSloppy): leading zeros allowed, zones not', () => {
    expect(parseIPSloppy('10.0.0.01')).toBe(4);
    expect(parseIPSloppy('2001:db8::1')).toBe(6);
    expect(parseIPSloppy('fe80::1%eth0')).toBeUndefined();
    expect(ipErrors('1.2.3')).toEqual(['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(ipErrors('256.0.0.1')).toHaveLength(1);
    expect(isValidCIDR('10.0.0.0/8')).toBe(true);
    expect(isValidCIDR('10.0.0.0/33')).toBe(false);
    expect(isValidCIDR('bad')).toBe(false);
  });
});
