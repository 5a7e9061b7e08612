import { parseQuantity } from '../../../src/rules/validation/quantity';

// Cases from staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse, TestQuantityParseZero, invalid table).
describe('parseQuantity (resource.ParseQuantity, UnmarshalJSON)', () => {
  test.each([
    ['0', 0], ['1', 1], ['100m', 0.1], ['1Ki', 1024], ['1Mi', 1048576], ['1Gi', 1073741824], ['1k', 1000], ['1M', 1e6], ['1G', 1e9],
    ['1E', 1e18], ['1e3', 1000], ['1E-3', 0.001], ['0.5', 0.5], ['.5', 0.5], ['5.', 5], ['+1', 1], ['-1', -1], ['1.G', 1e9], [' 1 ', 1], ['1n', 1e-9], ['1u', 1e-6],
  ])('%j decodes to %d', (text, value) => {
    expect(parseQuantity(text)?.value).toBeCloseTo(value as number, 12);
  });

  test.each(['', '1GB', '1.1.1', 'abc', '1ki', '1e', '1.5.5', '1 Gi', '1Mb', '--1', '1e3.5'])('%j does not decode', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  test('JSON numbers decode as their decimal text; other JSON types do not', () => {
    expect(parseQuantity(2)?.value).toBe(2);
    expect(parseQuantity(1.5)?.value).toBe(1.5);
    expect(parseQuantity(true)).toBeUndefined();
    expect(parseQuantity(null)).toBeUndefined();
  });
});
