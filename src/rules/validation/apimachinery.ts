/**
 * Name and value formats of
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (1.28),
 * with the API server's messages. The DNS label and subdomain checks live in
 * src/names/names.ts and are re-used here.
 */
import { isIPv6 } from 'net';
import { byteLength } from './field';
import { dns1123LabelErrors, dns1123SubdomainErrors, dns1035LabelErrors, portNameErrors } from '../../names/names';

export { dns1123LabelErrors, dns1123SubdomainErrors, dns1035LabelErrors, portNameErrors };

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';
const PERCENT_FMT = '[0-9]+%';
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_LABEL_WITH_UNDERSCORE_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT = `${DNS1123_LABEL_WITH_UNDERSCORE_FMT}(\\.${DNS1123_LABEL_WITH_UNDERSCORE_FMT})*`;
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;

/** k8s: validation.go MaxLenError */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** k8s: validation.go RegexError */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let text = `${msg} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) text += ' or ';
    text += `'${example}', `;
  });
  return `${text}regex used for validation is '${fmt}')`;
}

/** k8s: validation.go InclusiveRangeError */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** k8s: validation.go IsQualifiedName */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** k8s: validation.go IsValidLabelValue */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** k8s: validation.go IsCIdentifier */
export function cIdentifierErrors(value: string): string[] {
  return new RegExp(`^${C_IDENTIFIER_FMT}$`).test(value) ? [] : [regexError(
    "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'",
    C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** k8s: validation.go IsEnvVarName */
export function envVarNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (!new RegExp(`^${ENV_VAR_NAME_FMT}$`).test(value)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
      ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

const NOT_PRINTABLE_ASCII_OR_EQUALS = /[^\x20-\x7e]|=/;
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE = new RegExp(`^${DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT}$`);

/**
 * k8s: validation.go IsRelaxedEnvVarName (1.30+, used where
 * RelaxedEnvironmentVariableValidation is on): any printable ASCII but `=`.
 */
export function relaxedEnvVarNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name must be non-empty');
  if (NOT_PRINTABLE_ASCII_OR_EQUALS.test(value)) {
    errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errs;
}

/**
 * k8s: validation.go IsDNS1123SubdomainWithUnderscore (1.32+, used for
 * dnsConfig.searches where RelaxedDNSSearchValidation is on).
 */
export function dns1123SubdomainWithUnderscoreErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
      DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT, 'example.com'));
  }
  return errs;
}

/** k8s: validation.go IsConfigMapKey */
export function configMapKeyErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${CONFIG_MAP_KEY_FMT}$`).test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

/** k8s: validation.go IsHTTPHeaderName */
export function httpHeaderNameErrors(value: string): string[] {
  return new RegExp(`^${HTTP_HEADER_NAME_FMT}$`).test(value) ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME_FMT, 'X-Header-Name')];
}

/** k8s: validation.go IsValidPercent */
export function percentErrors(value: string): string[] {
  return new RegExp(`^${PERCENT_FMT}$`).test(value) ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

/** k8s: validation.go IsWildcardDNS1123Subdomain */
export function wildcardDns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
      WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

/** k8s: validation.go IsValidPortNum */
export function portNumErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** k8s: validation.go IsValidUserID / IsValidGroupID (0 .. MaxInt32) */
export function idErrors(id: number): string[] {
  return id >= 0 && id <= 2147483647 ? [] : [inclusiveRangeError(0, 2147483647)];
}

/**
 * k8s.io/utils/net ParseIPSloppy (Go 1.16's net.ParseIP: IPv4 parts may have
 * leading zeros, read as decimal).
 */
export function parseIPSloppy(value: string): 4 | 6 | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) {
    return value.split('.').every((part) => Number(part) <= 255) ? 4 : undefined;
  }
  if (value.includes(':') && isIPv6(value.replace(/(\.)0+(\d)/g, '$1$2'))) {
    // net.ParseIP does not accept zones (`%eth0`).
    return value.includes('%') ? undefined : 6;
  }
  return undefined;
}

/** k8s: validation.go IsValidIP */
export function ipErrors(value: string): string[] {
  return parseIPSloppy(value) === undefined ? ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] : [];
}

/** The four bytes of an IPv4 address or undefined. */
export function ipv4Bytes(value: string): number[] | undefined {
  return parseIPSloppy(value) === 4 ? value.split('.').map(Number) : undefined;
}

/** k8s.io/utils/net ParseCIDRSloppy: `ip/prefix` with a prefix in range. */
export function isValidCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const family = parseIPSloppy(value.slice(0, slash));
  const prefix = value.slice(slash + 1);
  if (family === undefined || !/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
