import {
  assertClusterDomain,
  assertHost,
  assertNamespace,
  assertPort,
  assertPositiveSeconds,
  assertServiceFqdnLength,
  assertServiceName,
  assertTiming,
  parseHttpUrl,
} from '../../src/waiters/waiter-input';
import { DNS1035_LABEL_BAD, DNS1123_LABEL_BAD, DNS1123_SUBDOMAIN_BAD } from '../support/k8s-name-cases';

/** Inputs that would be dangerous or confusing in a shell script, refused everywhere. */
const HOSTILE = ['myservice; rm -rf /', '$(id)', '`id`', 'a\'b', 'a"b', 'my\nservice', 'a b', 'a|b', 'a&&b', 'a>b', ''];

describe('assertServiceName', () => {
  // k8s: staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go TestIsDNS1035Label goodValues
  test.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63), 'myservice', 'mydb'])('accepts %j', (name) => {
    expect(() => assertServiceName(name)).not.toThrow();
  });

  // k8s: validation_test.go TestIsDNS1035Label badValues
  test.each(DNS1035_LABEL_BAD)('refuses %j (k8s IsDNS1035Label)', (name) => {
    expect(() => assertServiceName(name)).toThrow(`service name ${JSON.stringify(name)} is not valid: `);
  });

  test.each(HOSTILE)('refuses the hostile %j, naming it and what is allowed', (name) => {
    expect(() => assertServiceName(name)).toThrow(new RegExp(
      `^service name ${escapeRegExp(JSON.stringify(name))} is not valid: .*a DNS-1035 label must consist of lower case alphanumeric characters.*; use the Service's metadata.name$`));
  });

  test('a newline in the value is shown escaped, so the message stays on one line', () => {
    expect(() => assertServiceName('my\nservice')).toThrow('service name "my\\nservice" is not valid');
  });

  test('the length error is Kubernetes\' own (k8s: validation.go MaxLenError)', () => {
    expect(() => assertServiceName('a'.repeat(64))).toThrow('must be no more than 63 characters');
  });

  test('refuses a non-string from an untyped caller', () => {
    expect(() => assertServiceName(42 as any)).toThrow('service name 42 is not valid: must be a string');
  });
});

describe('assertNamespace', () => {
  // k8s: validation_test.go TestIsDNS1123Label goodValues
  test.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63), 'default', 'kube-system'])(
    'accepts %j', (namespace) => {
      expect(() => assertNamespace(namespace)).not.toThrow();
    });

  // k8s: validation_test.go TestIsDNS1123Label badValues
  test.each([...DNS1123_LABEL_BAD, ...HOSTILE])('refuses %j (k8s IsDNS1123Label)', (namespace) => {
    expect(() => assertNamespace(namespace)).toThrow(`namespace ${JSON.stringify(namespace)} is not valid: `);
  });

  test('a subdomain gets Kubernetes\' "must not contain dots" (k8s: validation.go IsDNS1123Label)', () => {
    expect(() => assertNamespace('team.a')).toThrow('namespace "team.a" is not valid: must not contain dots; use the namespace\'s metadata.name');
  });
});

describe('assertClusterDomain', () => {
  // k8s: validation_test.go TestIsDNS1123Subdomain goodValues (those with labels DNS can carry)
  test.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '1a', '1-a',
    'a.a', 'ab.a', 'a-1.a', 'a.1', 'a--1--2--b.1', '0.a', '1-a.a', '0.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', 'cluster.local', 'k8s.corp.example',
  ])('accepts %j', (domain) => {
    expect(() => assertClusterDomain(domain)).not.toThrow();
  });

  // k8s: validation_test.go TestIsDNS1123Subdomain badValues
  test.each([...DNS1123_SUBDOMAIN_BAD, ...HOSTILE])('refuses %j (k8s IsDNS1123Subdomain)', (domain) => {
    expect(() => assertClusterDomain(domain)).toThrow(`cluster domain ${JSON.stringify(domain)} is not valid: `);
  });

  test('refuses a label longer than DNS allows, which Kubernetes\' subdomain check lets through (k8s accepts strings.Repeat("a", 253))', () => {
    expect(() => assertClusterDomain('a'.repeat(64) + '.local')).toThrow('each dot-separated label must be no more than 63 characters');
    expect(() => assertClusterDomain('a'.repeat(253))).toThrow('each dot-separated label must be no more than 63 characters');
  });
});

describe('assertHost', () => {
  test.each([
    'mydb', 'mydb.default.svc.cluster.local', 'localhost', 'a-1.b-2.example',
    // k8s: pkg/util/validation ip_test.go TestIsValidIPv4Address goodValues (1.28: ParseIPSloppy)
    '1.1.1.1', '255.0.0.1', '1.0.0.0', '0.0.0.0', '10.96.0.10',
  ])('accepts %j', (host) => {
    expect(() => assertHost(host)).not.toThrow();
  });

  // k8s: ip_test.go TestIsValidIPv4Address badValues; TestIsDNS1123Subdomain badValues
  test.each([
    '[2001:db8:0:1]:80', '-1.0.0.0', '[2001:db8:0:1]', '2001:4860:4860::8888', '::fff:1.1.1.1', '::1', '::',
    'Mydb', 'my_db', 'mydb.', 'my..db', 'a'.repeat(64) + '.example',
    ...HOSTILE,
  ])('refuses %j', (host) => {
    expect(() => assertHost(host)).toThrow(`host ${JSON.stringify(host)} is not valid`);
  });

  // Kubernetes 1.28 accepts "1.1.1.01" (ip_test.go goodValues); libc inet_aton, which busybox uses, reads 010 as octal 8.
  test.each(['1.1.1.01', '010.0.0.1', '256.1.1.1', '10.1', '167772161', '0x7f.0.0.1', '0x0a000001', '1.2.3.4.5', '0'])(
    'refuses the numeric shorthand %j that busybox would read as another address', (host) => {
      expect(() => assertHost(host)).toThrow(new RegExp(`^host ${escapeRegExp(JSON.stringify(host))} is not a valid host: it reads as a numeric IPv4 address`));
    });
});

describe('assertPort', () => {
  // k8s: validation_test.go TestIsValidPortNum goodValues
  test.each([1, 2, 1000, 16384, 32768, 65535])('accepts %j', (port) => {
    expect(() => assertPort(port)).not.toThrow();
  });

  // k8s: validation_test.go TestIsValidPortNum badValues, and non-integers
  test.each([0, -1, 65536, 100000, 1.5, NaN, Infinity])('refuses %j with Kubernetes\' range message', (port) => {
    expect(() => assertPort(port)).toThrow(`port ${port} is not valid: must be between 1 and 65535, inclusive`);
  });

  test('refuses a numeric string from an untyped caller', () => {
    expect(() => assertPort('80' as any)).toThrow('port "80" is not valid');
  });
});

describe('parseHttpUrl', () => {
  test.each([
    ['http://web', { host: 'web', port: 80, pathAndQuery: '/' }],
    ['http://web/', { host: 'web', port: 80, pathAndQuery: '/' }],
    ['http://web.default.svc.cluster.local:8080/healthz', { host: 'web.default.svc.cluster.local', port: 8080, pathAndQuery: '/healthz' }],
    ['http://10.0.0.1:65535/ready?probe=1,x+y:z@w', { host: '10.0.0.1', port: 65535, pathAndQuery: '/ready?probe=1,x+y:z@w' }],
    ['http://web:1/a/b~c_d.e-f/%2F%aa', { host: 'web', port: 1, pathAndQuery: '/a/b~c_d.e-f/%2F%aa' }],
  ] as const)('parses %j', (url, parts) => {
    expect(parseHttpUrl(url)).toEqual(parts);
  });

  test.each(['https://web/healthz', 'HTTPS://web/'])('refuses %j, saying why https cannot work and what to do instead', (url) => {
    expect(() => parseHttpUrl(url)).toThrow(`url ${JSON.stringify(url)} uses https, which the waiter cannot check: busybox wget has no TLS support; `
      + 'point it at a plain http:// port of the Service (e.g. a health port), or use WaitFor.tcp(host, 443) to wait for the listener');
  });

  test.each(['ftp://web/', 'HTTP://web/', 'web:8080/healthz', '//web/', 'http:/web', ''])('refuses %j: only http://', (url) => {
    expect(() => parseHttpUrl(url)).toThrow(/only http:\/\/ URLs are supported|give an http:\/\/ URL/);
  });

  test.each([
    ['http://', 'has no host'],
    ['http://:8080/', 'has no host'],
    ['http://user:pw@web/', 'user info ("user@host") is not supported'],
    ['http://[::1]:80/', 'IPv6 literals are not supported'],
    ['http://Web/', 'host "Web" is not valid'],
    ['http://web;id/', 'host "web;id" is not valid'],
    ['http://010.0.0.1/', 'host "010.0.0.1" is not a valid host'],
    ['http://web:0/', 'has port "0", which is not valid'],
    ['http://web:65536/', 'port 65536 is not valid: must be between 1 and 65535, inclusive'],
    ['http://web:/', 'has port "", which is not valid'],
    ['http://web:08080/', 'has port "08080", which is not valid'],
    ['http://web:80x/', 'has port "80x", which is not valid'],
    ['http://web?ready=1', 'the path must start with "/"'],
    ['http://web/#top', 'has a fragment'],
    ['http://web/a%zz', 'has a "%" that does not start a percent-escape'],
    ['http://web/100%', 'has a "%" that does not start a percent-escape'],
  ])('refuses %j (%s)', (url, message) => {
    expect(() => parseHttpUrl(url)).toThrow(message);
  });

  // k8s: validation.go httpPathFmt allows RFC 3986 sub-delims such as ! $ & ' ( ) * ; — the waiter refuses every shell metacharacter.
  test.each([
    'http://web/a b', 'http://web/a\'b', 'http://web/a"b', 'http://web/$(id)', 'http://web/`id`', 'http://web/a;b', 'http://web/a|b',
    'http://web/?a=1&&b=2', 'http://web/?a=1&b=2', 'http://web/a>b', 'http://web/(a)', 'http://web/a*', 'http://web/a\\b', 'http://web/a!b',
    'http://web/a\nb', 'http://web/a?b?c', 'http://web/é',
  ])('refuses the path or query of %j', (url) => {
    expect(() => parseHttpUrl(url)).toThrow(`url ${JSON.stringify(url)} has characters the waiter does not accept in its path or query: `
      + 'only letters, digits, "-._~/%=+,:@" and one "?" are allowed');
  });
});

describe('assertTiming', () => {
  test.each([[300, 2], [2, 1], [86400, 3600]])('accepts timeout %ss, interval %ss', (timeout, interval) => {
    expect(() => assertTiming(timeout, interval)).not.toThrow();
  });

  test.each([0, -1, 1.5, NaN, Infinity, 2 ** 53])('refuses the timeout %j', (timeout) => {
    expect(() => assertTiming(timeout, 1)).toThrow(`timeout ${timeout} is not valid: must be a whole number of seconds, at least 1`);
  });

  test.each([0, -2, 0.5])('refuses the interval %j', (interval) => {
    expect(() => assertTiming(300, interval)).toThrow(`interval ${interval} is not valid: must be a whole number of seconds, at least 1`);
  });

  test.each([[5, 5], [5, 10], [1, 1]])('refuses timeout %ss with interval %ss: the interval must be shorter', (timeout, interval) => {
    expect(() => assertTiming(timeout, interval)).toThrow(`interval ${interval}s is not shorter than timeout ${timeout}s`);
  });

  test('assertPositiveSeconds names what it checks', () => {
    expect(() => assertPositiveSeconds('attempt timeout', 0)).toThrow('attempt timeout 0 is not valid');
  });
});

describe('assertServiceFqdnLength', () => {
  test('accepts 253 characters, refuses 254 (RFC 1035 / k8s DNS1123SubdomainMaxLength)', () => {
    expect(() => assertServiceFqdnLength('a'.repeat(253))).not.toThrow();
    expect(() => assertServiceFqdnLength('a'.repeat(254))).toThrow('is 254 characters long, more than DNS allows (253)');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
