import { parseManifestText, parseManifestTextExactly } from '../../src/manifests/read-manifests';
import { resolvePlainScalar } from '../../src/manifests/yaml-v2-scalars';

// Expected values worked out by hand from gopkg.in/yaml.v2 v2.4.0 resolve.go
// (k8s 1.28.7 vendor/gopkg.in/yaml.v2/resolve.go) and Go's strconv, and from the
// cases of go-yaml's decode_test.go `unmarshalTests` into map[string]interface{}.
const CASES: ReadonlyArray<[string, unknown, string]> = [
  // resolveMapList
  ['y', true, 'resolveMapList: y'],
  ['Yes', true, 'resolveMapList: Yes'],
  ['ON', true, 'resolveMapList: ON'],
  ['True', true, 'resolveMapList: True'],
  ['n', false, 'resolveMapList: n'],
  ['NO', false, 'resolveMapList: NO'],
  ['off', false, 'resolveMapList: off'],
  ['FALSE', false, 'resolveMapList: FALSE'],
  ['~', null, 'resolveMapList: ~'],
  ['Null', null, 'resolveMapList: Null'],
  ['.inf', Infinity, 'resolveMapList: .inf'],
  ['+.Inf', Infinity, 'resolveMapList: +.Inf'],
  ['-.INF', -Infinity, 'resolveMapList: -.INF'],
  ['.NaN', NaN, 'resolveMapList: .NaN'],
  // not in the map, and hint 'M' looks no further
  ['yES', 'yES', 'hint M: not in resolveMapList'],
  ['oN', 'oN', 'hint M: not in resolveMapList'],
  ['nULL', 'nULL', 'hint M: not in resolveMapList'],
  ['Infinity', 'Infinity', 'no hint for I'],
  ['NaN', 'NaN', 'hint M: NaN is not .nan'],
  // hint '.': strconv.ParseFloat(in)
  ['.1', 0.1, 'decode_test.go "v: .1"'],
  ['.5e3', 500, 'hint .: ParseFloat'],
  ['.', '.', 'hint .: ParseFloat(".") fails'],
  ['._5', '._5', 'hint .: ParseFloat rejects _ without a base prefix'],
  ['.iNf', '.iNf', 'hint .: not in the map, not a float'],
  ['.5e999', '.5e999', 'hint .: ParseFloat ErrRange'],
  // hints 'D' and 'S': ParseInt(plain, 0, 64)
  ['10', 10, 'decode_test.go "v: 10"'],
  ['-10', -10, 'decode_test.go "v: -10"'],
  ['0b10', 2, 'decode_test.go "v: 0b10"'],
  ['0xA', 10, 'decode_test.go "v: 0xA"'],
  ['0XA', 10, 'strconv base 0: 0X prefix'],
  ['0o17', 15, 'strconv base 0 (Go >= 1.13): 0o prefix'],
  ['0O17', 15, 'strconv base 0: 0O prefix'],
  ['0B11', 3, 'strconv base 0: 0B prefix'],
  ['02472256', 685230, 'decode_test.go "octal: 02472256"'],
  ['-02472256', -685230, 'decode_test.go "octal: -02472256"'],
  ['0755', 493, 'YAML 1.1 octal file mode'],
  ['+685_230', 685230, 'decode_test.go "decimal: +685_230"'],
  ['0x_0A_74_AE', 685230, 'decode_test.go "hexa: 0x_0A_74_AE"'],
  ['0b1010_0111_0100_1010_1110', 685230, 'decode_test.go "bin: 0b1010_0111_0100_1010_1110"'],
  ['-0b101010', -42, 'decode_test.go "bin: -0b101010"'],
  ['-0b1000000000000000000000000000000000000000000000000000000000000000', -9223372036854775808, 'decode_test.go int64 min in base 2'],
  ['9223372036854775807', 9223372036854775807, 'decode_test.go int64_max'],
  ['18446744073709551615', 18446744073709551615, 'decode_test.go uint64_max: ParseUint'],
  ['0', 0, 'zero'],
  ['-0', 0, 'ParseInt("-0") is the integer 0'],
  ['1__0', 10, 'strings.Replace(in, "_", "", -1)'],
  ['0x', '0x', 'ParseInt: no digits after the prefix'],
  ['0o8', '0o8', 'ParseInt: 8 is not octal, and not a yamlStyleFloat'],
  ['0x1FFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFF', 'ParseUint out of range, not a yamlStyleFloat'],
  // yamlStyleFloat
  ['08', 8, 'ParseInt("08", 0) fails (octal), yamlStyleFloat matches'],
  ['0.1', 0.1, 'decode_test.go "v: 0.1"'],
  ['-.1', -0.1, 'decode_test.go "v: -.1"'],
  ['6.8523e+5', 685230, 'decode_test.go "canonical: 6.8523e+5"'],
  ['685.230_15e+03', 685230.15, 'decode_test.go "expo: 685.230_15e+03"'],
  ['685_230.15', 685230.15, 'decode_test.go "fixed: 685_230.15"'],
  ['1.', 1, 'yamlStyleFloat: digits and a dot'],
  ['-18446744073709551616', -18446744073709551616, 'below int64, signed so not ParseUint: a float'],
  ['-0.0', -0, 'ParseFloat("-0.0") is negative zero'],
  ['1e400', '1e400', 'ParseFloat ErrRange: stays a string'],
  ['1e-400', 0, 'ParseFloat underflow is 0 without error'],
  // resolve.go's own 0b branch: ParseInt(plain[2:], 2, 64) lets a sign follow the prefix
  ['0b-101', -5, 'resolve.go 0b branch: ParseInt("-101", 2)'],
  ['0b+101', 5, 'resolve.go 0b branch: ParseInt("+101", 2)'],
  // strings
  ['-b_c', '-b_c', 'decode_test.go bug 1243827 "a: -b_c"'],
  ['+b_c', '+b_c', 'decode_test.go bug 1243827 "a: +b_c"'],
  ['50cent_of_dollar', '50cent_of_dollar', 'decode_test.go bug 1243827'],
  ['1:1', '1:1', 'decode_test.go: base 60 is unsupported'],
  ['22:22', '22:22', 'resolve.go: base 60 purposefully unsupported (ports)'],
  ['190:20:30.15', '190:20:30.15', 'decode_test.go sexa (unsupported)'],
  ['1.2.3.4', '1.2.3.4', 'decode_test.go TextUnmarshaler "a: 1.2.3.4"'],
  ['2015-01-01', '2015-01-01', 'decode.go: a timestamp into interface{} keeps its text'],
  ['2015-02-24T18:19:39Z', '2015-02-24T18:19:39Z', 'decode.go: a timestamp into interface{} keeps its text'],
  ['3s', '3s', 'decode_test.go Duration: a string until a typed field'],
  ['1Gi', '1Gi', 'a quantity is a string'],
];

describe('resolvePlainScalar: gopkg.in/yaml.v2 v2.4.0 resolve.go', () => {
  test.each(CASES)('%s resolves to %p (%s)', (source, expected) => {
    expect(resolvePlainScalar(source)).toEqual(expected);
  });

  test('the empty plain scalar is null (resolveMapList "")', () => {
    expect(resolvePlainScalar('')).toBeNull();
  });

  // Not a YAML value on its own (`v: -` is a sequence), but resolve.go's hint 'S' must fail cleanly.
  test.each(['-', '+', '-_', '+.'])('a sign without digits (%s) stays a string', (source) => {
    expect(resolvePlainScalar(source)).toBe(source);
  });
});

describe('both manifest readers resolve plain scalars as yaml.v2', () => {
  const readers: ReadonlyArray<[string, (text: string, file: string) => any[]]> = [
    ['fast reader (js-yaml)', parseManifestText],
    ['exact reader (yaml)', parseManifestTextExactly],
  ];

  describe.each(readers)('%s', (_name, read) => {
    test.each(CASES)('v: %s gives %p (%s)', (source, expected) => {
      const [object] = read(`kind: Test\nv: ${source}\nlist: [${source}]\n`, 'f.yaml');
      expect(object.v).toEqual(expected);
      expect(object.list).toEqual([expected]);
    });

    test.each(['"yes"', "'0755'", '"~"', '|\n  10\n', '>-\n  on\n'])('a quoted or block scalar %s stays a string', (scalar) => {
      const [object] = read(`kind: Test\nv: ${scalar}`, 'f.yaml');
      expect(typeof object.v).toBe('string');
    });

    test('an empty value is null', () => {
      expect(read('kind: Test\nv:\n', 'f.yaml')[0].v).toBeNull();
    });
  });
});
