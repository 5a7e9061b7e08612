/**
 * Kubernetes name rules, with the API server's own error messages.
 *
 * Ported from Kubernetes 1.28
 * `staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go`
 * (`IsDNS1123Label`, `IsDNS1123Subdomain`, `IsDNS1035Label`, `IsValidPortName`,
 * `MaxLenError`, `RegexError`). Each function returns the same strings, in the
 * same order, as its Go counterpart, so a message seen at synth time is the one
 * `kubectl apply` would have printed.
 *
 * Internal module: not re-exported from `src/index.ts`.
 */
import { createHash } from 'crypto';

/** k8s: validation.go DNS1123LabelMaxLength */
export const DNS1123_LABEL_MAX_LENGTH = 63;
/** k8s: validation.go DNS1123SubdomainMaxLength */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
/** k8s: validation.go DNS1035LabelMaxLength */
export const DNS1035_LABEL_MAX_LENGTH = 63;
/** k8s: validation.go IsValidPortName (IANA_SVC_NAME, RFC 6335) */
export const PORT_NAME_MAX_LENGTH = 15;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR_MSG = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR_MSG = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR_MSG = 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character';

const DNS1123_LABEL_REGEXP = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_REGEXP = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_REGEXP = anchored(DNS1035_LABEL_FMT);
const PORT_NAME_CHARSET_REGEXP = /^[-a-z0-9]+$/;
const PORT_NAME_ONE_LETTER_REGEXP = /[a-z]/;

/** Length of the hash suffix `truncateWithHash` appends. */
const HASH_LENGTH = 8;

/**
 * Errors for a DNS-1123 label (Pod, container, namespace names; a Pod's hostname).
 * Empty array when valid.
 *
 * k8s: validation.go IsDNS1123Label
 */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (goLength(value) > DNS1123_LABEL_MAX_LENGTH) {
    errors.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  }
  if (!DNS1123_LABEL_REGEXP.test(value)) {
    // Kubernetes singles out the common mistake of a subdomain where a label is needed.
    if (DNS1123_SUBDOMAIN_REGEXP.test(value)) {
      errors.push('must not contain dots');
    } else {
      errors.push(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
    }
  }
  return errors;
}

/**
 * Errors for a DNS-1123 subdomain (most object names: ConfigMap, Secret, Deployment...).
 * Like Kubernetes, only the total length is checked, not the length of each label.
 *
 * k8s: validation.go IsDNS1123Subdomain
 */
export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (goLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
    errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  }
  if (!DNS1123_SUBDOMAIN_REGEXP.test(value)) {
    errors.push(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errors;
}

/**
 * Errors for a DNS-1035 label (Service names: they become DNS names that must
 * not start with a digit).
 *
 * k8s: validation.go IsDNS1035Label
 */
export function dns1035LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (goLength(value) > DNS1035_LABEL_MAX_LENGTH) {
    errors.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  }
  if (!DNS1035_LABEL_REGEXP.test(value)) {
    errors.push(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errors;
}

/**
 * Errors for a port name (`containerPort.name`, a named `targetPort`, probe
 * ports): an IANA_SVC_NAME, at most 15 characters of `[-a-z0-9]` with at least
 * one letter, no leading, trailing or doubled hyphen.
 *
 * k8s: validation.go IsValidPortName
 */
export function portNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (goLength(value) > PORT_NAME_MAX_LENGTH) {
    errors.push(maxLenError(PORT_NAME_MAX_LENGTH));
  }
  if (!PORT_NAME_CHARSET_REGEXP.test(value)) {
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  }
  if (!PORT_NAME_ONE_LETTER_REGEXP.test(value)) {
    errors.push('must contain at least one letter (a-z)');
  }
  if (value.includes('--')) {
    errors.push('must not contain consecutive hyphens');
  }
  if (value.startsWith('-') || value.endsWith('-')) {
    errors.push('must not begin or end with a hyphen');
  }
  return errors;
}

/**
 * `name` when it fits in `maxLength`; otherwise a prefix of it, `-`, and the
 * first 8 hex digits of the SHA-256 of the whole name.
 *
 * The hash keeps two long names that share a prefix apart, and is stable across
 * synths so generated names do not churn. Separators (`-`, `.`) at the cut are
 * dropped, so a valid DNS-1123 label, DNS-1123 subdomain or DNS-1035 label stays
 * valid. Lengths are counted in characters: meant for ASCII DNS names.
 */
export function truncateWithHash(name: string, maxLength: number): string {
  if (name.length <= maxLength) {
    return name;
  }
  const minimum = HASH_LENGTH + 2;
  if (!Number.isInteger(maxLength) || maxLength < minimum) {
    throw new Error(`cannot shorten name "${name}" to ${maxLength} characters: maxLength must be an integer of at least ${minimum} (one character, "-" and an ${HASH_LENGTH}-digit hash)`);
  }
  const prefix = name.slice(0, maxLength - HASH_LENGTH - 1).replace(/[-.]+$/, '');
  const hash = createHash('sha256').update(name).digest('hex').slice(0, HASH_LENGTH);
  return prefix === '' ? hash : `${prefix}-${hash}`;
}

/** k8s: validation.go MaxLenError */
function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/**
 * k8s: validation.go RegexError. The double space before "or" is Kubernetes'
 * own (each example ends in ", " and the separator is " or ").
 */
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) {
    return `${message} (regex used for validation is '${format}')`;
  }
  const quoted = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${quoted}regex used for validation is '${format}')`;
}

/** Go's `len(string)` counts UTF-8 bytes, not characters. */
function goLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

function anchored(format: string): RegExp {
  return new RegExp(`^${format}$`);
}
