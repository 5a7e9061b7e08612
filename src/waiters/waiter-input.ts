/**
 * Input validation for the generated waiter scripts.
 *
 * Everything a waiter script interpolates passes through here first, so a value
 * that reaches the script is known to be harmless inside single quotes and to
 * contain no shell metacharacter at all (nothing surprising in `kubectl logs`
 * or `kubectl get pod -o yaml` either). Each function throws an Error naming the
 * bad value and what is allowed; callers prefix the construct path.
 *
 * Name rules come from Kubernetes 1.28
 * `staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go`
 * (through `src/names/names.ts`).
 *
 * Internal module: not re-exported from `src/index.ts`.
 */
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors } from '../names/names';

/** k8s: validation.go IsValidPortNum */
const MIN_PORT = 1;
/** k8s: validation.go IsValidPortNum */
const MAX_PORT = 65535;

/** The parts of a validated `http://` URL. */
export interface HttpUrlParts {
  readonly host: string;
  /** 80 when the URL names no port. */
  readonly port: number;
  /** Path and query as written, `/` when the URL has none. */
  readonly pathAndQuery: string;
}

/** Letters, digits, `-._~/%=+,:@`: RFC 3986 path characters minus every shell metacharacter. */
const SAFE_URL_PATH_CHARS = /^[A-Za-z0-9\-._~/%=+,:@]*$/;
const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const DIGITS = /^[0-9]+$/;
/** RFC 1035 section 2.3.4; Kubernetes' DNS-1123 subdomain check only caps the whole name. */
const MAX_DNS_LABEL_LENGTH = 63;
const MAX_DNS_NAME_LENGTH = 253;
const CANONICAL_PORT = /^[1-9][0-9]{0,4}$/;
/** A part busybox/libc `inet_aton` reads as a number: decimal, octal (leading 0) or hex (0x). */
const INET_ATON_PART = /^(0x[0-9a-f]*|[0-9]+)$/;
const CANONICAL_OCTET = /^(0|[1-9][0-9]{0,2})$/;

/**
 * A Service name: a DNS-1035 label, as the API server requires.
 *
 * k8s: pkg/apis/core/validation/validation.go ValidateServiceName (ValidateNameFunc(IsDNS1035Label))
 */
export function assertServiceName(name: string): void {
  throwIfInvalid('service name', name, dns1035LabelErrors,
    'use the Service\'s metadata.name');
}

/**
 * A namespace name: a DNS-1123 label.
 *
 * k8s: pkg/apis/core/validation/validation.go ValidateNamespaceName (IsDNS1123Label)
 */
export function assertNamespace(namespace: string): void {
  throwIfInvalid('namespace', namespace, dns1123LabelErrors,
    'use the namespace\'s metadata.name, or leave it out to use the Pod\'s own namespace');
}

/**
 * A cluster domain (the kubelet's `clusterDomain`, `cluster.local` by default): a DNS-1123 subdomain.
 */
export function assertClusterDomain(clusterDomain: string): void {
  throwIfInvalid('cluster domain', clusterDomain, dnsNameErrors,
    'use the kubelet\'s clusterDomain, e.g. "cluster.local"');
}

/**
 * The total length of the Service's fully qualified name, which DNS caps at 253.
 * Only checkable when the namespace is known at synth time.
 */
export function assertServiceFqdnLength(fqdn: string): void {
  if (fqdn.length > MAX_DNS_NAME_LENGTH) {
    throw new Error(`service DNS name ${show(fqdn)} is ${fqdn.length} characters long, more than DNS allows (${MAX_DNS_NAME_LENGTH}): `
      + 'shorten the Service name, the namespace or the cluster domain');
  }
}

/**
 * A host to connect to: a DNS-1123 subdomain, or a dotted-quad IPv4 address.
 *
 * Kubernetes 1.28 (`IsValidIPv4Address`, `netutils.ParseIPSloppy`) still accepts
 * leading zeros such as `010.0.0.1`; we refuse them, and any other all-numeric
 * or hex shorthand (`10.1`, `167772161`, `0x7f.1`), because busybox resolves
 * hosts with libc `inet_aton`, which reads `010` as octal 8 and `10.1` as
 * 10.0.0.1: the waiter would silently wait for another address.
 */
export function assertHost(host: string): void {
  if (typeof host === 'string' && isDottedQuad(host)) {
    return;
  }
  if (typeof host === 'string' && looksLikeNumericAddress(host)) {
    throw new Error(`host ${show(host)} is not a valid host: it reads as a numeric IPv4 address but not as a plain dotted quad `
      + '(four numbers 0-255 without leading zeros, e.g. "10.0.0.1"); busybox would read it in octal, hex or shorthand: write the dotted quad, or use a DNS name');
  }
  throwIfInvalid('host', host, dnsNameErrors,
    'use a DNS name (e.g. "mydb.default.svc.cluster.local") or a dotted-quad IPv4 address (e.g. "10.0.0.1"); IPv6 literals are not supported');
}

/**
 * A TCP port: an integer from 1 to 65535.
 *
 * k8s: validation.go IsValidPortNum
 */
export function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
    throw new Error(`port ${show(port)} is not valid: must be between ${MIN_PORT} and ${MAX_PORT}, inclusive: use the number the Service or container listens on`);
  }
}

/**
 * An `http://` URL the waiter can GET with busybox `wget`, split into parts.
 *
 * Only plain http: busybox `wget` in the usual waiter images has no TLS
 * (`https://` needs an `ssl_client` helper that busybox images do not ship).
 * The path and query may only use letters, digits and `-._~/%=+,:@` (RFC 3986
 * path characters without any shell metacharacter, so no `&`, `;`, `$`, quotes
 * or spaces) plus one `?`; no user info, no fragment.
 *
 * k8s: validation.go httpPathFmt (the RFC 3986 path characters this is a subset of)
 */
export function parseHttpUrl(url: string): HttpUrlParts {
  if (typeof url !== 'string' || url.length === 0) {
    throw new Error(`url ${show(url)} is not valid: give an http:// URL such as "http://web.default.svc.cluster.local:8080/healthz"`);
  }
  if (/^https:\/\//i.test(url)) {
    throw new Error(`url ${show(url)} uses https, which the waiter cannot check: busybox wget has no TLS support; `
      + 'point it at a plain http:// port of the Service (e.g. a health port), or use WaitFor.tcp(host, 443) to wait for the listener');
  }
  if (!url.startsWith('http://')) {
    throw new Error(`url ${show(url)} is not valid: only http:// URLs are supported (lowercase scheme), e.g. "http://web.default.svc.cluster.local:8080/healthz"`);
  }
  const rest = url.slice('http://'.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const pathAndQuery = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const { host, port } = parseAuthority(url, authority);
  assertSafePathAndQuery(url, pathAndQuery);
  return { host, port, pathAndQuery: pathAndQuery === '' ? '/' : pathAndQuery };
}

/**
 * How long to wait in total and how long to pause between attempts, in whole
 * seconds: positive integers, interval shorter than the timeout.
 */
export function assertTiming(timeoutSeconds: number, intervalSeconds: number): void {
  assertPositiveSeconds('timeout', timeoutSeconds);
  assertPositiveSeconds('interval', intervalSeconds);
  if (intervalSeconds >= timeoutSeconds) {
    throw new Error(`interval ${intervalSeconds}s is not shorter than timeout ${timeoutSeconds}s: `
      + 'the waiter would try at most once; use an interval shorter than the timeout (e.g. 2s and 300s)');
  }
}

/** A duration in whole seconds (`what` names it in the error): a positive integer. */
export function assertPositiveSeconds(what: string, seconds: number): void {
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new Error(`${what} ${show(seconds)} is not valid: must be a whole number of seconds, at least 1`);
  }
}

function parseAuthority(url: string, authority: string): { host: string; port: number } {
  if (authority.includes('@')) {
    throw new Error(`url ${show(url)} is not valid: user info ("user@host") is not supported: put credentials-free health endpoints behind the URL`);
  }
  if (authority.startsWith('[')) {
    throw new Error(`url ${show(url)} is not valid: IPv6 literals are not supported: use a DNS name or a dotted-quad IPv4 address`);
  }
  const colon = authority.indexOf(':');
  const host = colon === -1 ? authority : authority.slice(0, colon);
  if (host === '') {
    throw new Error(`url ${show(url)} has no host: write it as http://HOST[:PORT]/PATH`);
  }
  assertHost(host);
  if (colon === -1) {
    return { host, port: 80 };
  }
  const portText = authority.slice(colon + 1);
  if (!CANONICAL_PORT.test(portText)) {
    throw new Error(`url ${show(url)} has port ${show(portText)}, which is not valid: must be a number between ${MIN_PORT} and ${MAX_PORT} without leading zeros`);
  }
  const port = Number(portText);
  assertPort(port);
  return { host, port };
}

function assertSafePathAndQuery(url: string, pathAndQuery: string): void {
  if (pathAndQuery === '') {
    return;
  }
  if (pathAndQuery.startsWith('#') || pathAndQuery.includes('#')) {
    throw new Error(`url ${show(url)} has a fragment ("#..."), which is never sent to the server: remove it`);
  }
  if (!pathAndQuery.startsWith('/')) {
    throw new Error(`url ${show(url)} is not valid: the path must start with "/" (e.g. "http://web:8080/?ready=1")`);
  }
  const queryStart = pathAndQuery.indexOf('?');
  const path = queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  const query = queryStart === -1 ? '' : pathAndQuery.slice(queryStart + 1);
  for (const part of [path, query]) {
    if (!SAFE_URL_PATH_CHARS.test(part)) {
      throw new Error(`url ${show(url)} has characters the waiter does not accept in its path or query: `
        + 'only letters, digits, "-._~/%=+,:@" and one "?" are allowed (no spaces, quotes, "$", "`", ";", "|", "&", "<", ">", "(", ")", "*" or "\\"); '
        + 'percent-encode anything else');
    }
    if (PERCENT_ESCAPE.test(part)) {
      throw new Error(`url ${show(url)} has a "%" that does not start a percent-escape: write "%" as "%25", and escapes as two hex digits (e.g. "%2F")`);
    }
  }
}

/** A DNS-1123 subdomain whose labels also fit in DNS (63 characters each). */
function dnsNameErrors(name: string): string[] {
  const errors = dns1123SubdomainErrors(name);
  const longLabel = name.split('.').find((label) => label.length > MAX_DNS_LABEL_LENGTH);
  if (longLabel !== undefined) {
    errors.push(`each dot-separated label must be no more than ${MAX_DNS_LABEL_LENGTH} characters`);
  }
  return errors;
}

function isDottedQuad(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => CANONICAL_OCTET.test(part) && Number(part) <= 255);
}

/** Would libc `inet_aton` (1 to 4 numeric parts) take this host for an address? */
function looksLikeNumericAddress(host: string): boolean {
  const parts = host.toLowerCase().split('.');
  return (parts.length <= 4 && parts.every((part) => INET_ATON_PART.test(part)))
    || parts.every((part) => DIGITS.test(part));
}

function throwIfInvalid(what: string, value: string, errorsOf: (value: string) => string[], fix: string): void {
  if (typeof value !== 'string') {
    throw new Error(`${what} ${show(value)} is not valid: must be a string; ${fix}`);
  }
  const errors = errorsOf(value);
  if (errors.length > 0) {
    throw new Error(`${what} ${show(value)} is not valid: ${errors.join('; ')}; ${fix}`);
  }
}

/** Quotes and escapes a value for an error message, so a newline or quote in it stays visible. */
function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
