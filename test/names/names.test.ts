import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  portNameErrors,
  truncateWithHash,
} from '../../src/names/names';
import { DNS1035_LABEL_BAD, DNS1123_LABEL_BAD, DNS1123_SUBDOMAIN_BAD } from '../support/k8s-name-cases';

// Accepted/rejected values are Kubernetes' own, from
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go;
// messages from validation.go of the same package (1.28: label "must not contain
// dots" branch, "must contain at least one letter (a-z)").

const LABEL_REGEX_ERROR = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';
const SUBDOMAIN_REGEX_ERROR = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
const DNS1035_REGEX_ERROR = 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')';

describe('dns1123LabelErrors (k8s: validation.go IsDNS1123Label)', () => {
  // k8s: validation_test.go TestIsDNS1123Label goodValues
  test.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a'.repeat(63),
  ])('accepts %j', (value) => {
    expect(dns1123LabelErrors(value)).toEqual([]);
  });

  // k8s: validation_test.go TestIsDNS1123Label badValues
  test.each(DNS1123_LABEL_BAD)('rejects %j', (value) => {
    expect(dns1123LabelErrors(value)).not.toEqual([]);
  });

  test('explains the regex with Kubernetes\' examples', () => {
    expect(dns1123LabelErrors('My_App')).toEqual([LABEL_REGEX_ERROR]);
  });

  test('says "must not contain dots" for a valid subdomain used as a label', () => {
    expect(dns1123LabelErrors('a.b')).toEqual(['must not contain dots']);
    expect(dns1123LabelErrors('1.2')).toEqual(['must not contain dots']);
  });

  test('reports length and format separately, length first', () => {
    expect(dns1123LabelErrors('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(dns1123LabelErrors('-'.repeat(64))).toEqual(['must be no more than 63 characters', LABEL_REGEX_ERROR]);
  });

  test('counts length in UTF-8 bytes like Go len()', () => {
    // 32 characters, 64 bytes: Go reports the length too.
    expect(dns1123LabelErrors('é'.repeat(32))).toEqual(['must be no more than 63 characters', LABEL_REGEX_ERROR]);
  });
});

describe('dns1123SubdomainErrors (k8s: validation.go IsDNS1123Subdomain)', () => {
  // k8s: validation_test.go TestIsDNS1123Subdomain goodValues
  test.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a',
    'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2',
    '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55',
    'a'.repeat(253),
  ])('accepts %j', (value) => {
    expect(dns1123SubdomainErrors(value)).toEqual([]);
  });

  // k8s: validation_test.go TestIsDNS1123Subdomain badValues
  test.each(DNS1123_SUBDOMAIN_BAD)('rejects %j', (value) => {
    expect(dns1123SubdomainErrors(value)).not.toEqual([]);
  });

  test('gives Kubernetes\' message and regex', () => {
    expect(dns1123SubdomainErrors('Example.com')).toEqual([SUBDOMAIN_REGEX_ERROR]);
    expect(dns1123SubdomainErrors('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });

  test('like Kubernetes, does not limit each label to 63 characters', () => {
    // k8s issue #8202: per-label length was never enforced for subdomains.
    expect(dns1123SubdomainErrors(`${'a'.repeat(64)}.example.com`)).toEqual([]);
  });
});

describe('dns1035LabelErrors (k8s: validation.go IsDNS1035Label)', () => {
  // k8s: validation_test.go TestIsDNS1035Label goodValues
  test.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
    'a'.repeat(63),
  ])('accepts %j', (value) => {
    expect(dns1035LabelErrors(value)).toEqual([]);
  });

  // k8s: validation_test.go TestIsDNS1035Label badValues
  test.each(DNS1035_LABEL_BAD)('rejects %j', (value) => {
    expect(dns1035LabelErrors(value)).not.toEqual([]);
  });

  test('rejects a Service name that starts with a digit, in Kubernetes\' words', () => {
    expect(dns1035LabelErrors('1-web')).toEqual([DNS1035_REGEX_ERROR]);
  });

  test('reports an over-long name', () => {
    expect(dns1035LabelErrors('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('portNameErrors (k8s: validation.go IsValidPortName)', () => {
  // k8s: validation_test.go TestIsValidPortName goodValues
  test.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'])('accepts %j', (value) => {
    expect(portNameErrors(value)).toEqual([]);
  });

  // k8s: validation_test.go TestIsValidPortName badValues
  test.each(['longerthan15characters', '', 'a'.repeat(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'])('rejects %j', (value) => {
    expect(portNameErrors(value)).not.toEqual([]);
  });

  test('gives each of Kubernetes\' messages', () => {
    expect(portNameErrors('a'.repeat(16))).toEqual(['must be no more than 15 characters']);
    expect(portNameErrors('whois++')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
    expect(portNameErrors('12345')).toEqual(['must contain at least one letter (a-z)']);
    expect(portNameErrors('two--hyphens')).toEqual(['must not contain consecutive hyphens']);
    expect(portNameErrors('-begin')).toEqual(['must not begin or end with a hyphen']);
  });

  test('lists every broken rule, in Kubernetes\' order', () => {
    expect(portNameErrors('')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
    // An upper-case name (a common mistake, e.g. "gameTCP") fails the charset rule only.
    expect(portNameErrors('gameTCP')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
    expect(portNameErrors('-1--2-')).toEqual([
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
  });
});

describe('truncateWithHash', () => {
  test('returns a name that fits unchanged', () => {
    expect(truncateWithHash('myapp', 63)).toBe('myapp');
    expect(truncateWithHash('a'.repeat(63), 63)).toBe('a'.repeat(63));
  });

  test('shortens a long name to at most maxLength, ending in an 8-hex hash', () => {
    const long = `myapp-${'x'.repeat(80)}`;
    const short = truncateWithHash(long, 63);
    expect(short.length).toBeLessThanOrEqual(63);
    expect(short).toMatch(/^myapp-x+-[0-9a-f]{8}$/);
    expect(dns1123LabelErrors(short)).toEqual([]);
  });

  test('uses the first 8 hex digits of SHA-256 of the whole name, so names do not churn', () => {
    // Expected value from `printf %s "myapp-xxx...x" | sha256sum` (80 x's).
    expect(truncateWithHash(`myapp-${'x'.repeat(80)}`, 63)).toBe(`myapp-${'x'.repeat(48)}-86433f53`);
  });

  test('is stable for the same name and differs for names sharing the prefix', () => {
    const a = truncateWithHash(`${'a'.repeat(70)}-one`, 63);
    const b = truncateWithHash(`${'a'.repeat(70)}-two`, 63);
    expect(truncateWithHash(`${'a'.repeat(70)}-one`, 63)).toBe(a);
    expect(a).not.toBe(b);
    expect(a.slice(0, 54)).toBe(b.slice(0, 54));
  });

  test('drops a separator at the cut so the result stays a valid label', () => {
    // The cut falls right after "-": "abcd-" would give "abcd--<hash>"-like junk.
    const name = `abcd-${'e'.repeat(20)}`;
    const short = truncateWithHash(name, 14);
    expect(short).toMatch(/^abcd-[0-9a-f]{8}$/);
    expect(dns1123LabelErrors(short)).toEqual([]);
  });

  test('keeps a DNS-1035 label (Service name) valid', () => {
    const short = truncateWithHash(`svc-${'9'.repeat(70)}`, 63);
    expect(dns1035LabelErrors(short)).toEqual([]);
  });

  test('drops a dot at the cut so a subdomain stays valid', () => {
    const short = truncateWithHash(`abcd.${'e'.repeat(20)}`, 14);
    expect(short).toMatch(/^abcd-[0-9a-f]{8}$/);
    expect(dns1123SubdomainErrors(short)).toEqual([]);
  });

  test('refuses a maxLength too small for a prefix and the hash', () => {
    expect(() => truncateWithHash('a'.repeat(20), 9)).toThrow(
      'cannot shorten name "aaaaaaaaaaaaaaaaaaaa" to 9 characters: maxLength must be an integer of at least 10',
    );
  });
});
