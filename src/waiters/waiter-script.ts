/**
 * The shell scripts of the waiter init containers (`['sh', '-c', script]`).
 *
 * Each script is plain POSIX sh for busybox ash, short enough to read in
 * `kubectl get pod -o yaml`: the dependency's values are single-quoted variables
 * at the top, then one shared, bounded retry loop:
 * - one stdout line per attempt: `waiting for <dependency> (attempt N, Ms left)`;
 * - success: one stdout line, exit 0;
 * - deadline: exactly one stderr line
 *   `wait-for: gave up on <dependency> after <timeout>s`, exit 1, so the Pod
 *   shows Init:Error / Init:CrashLoopBackOff instead of hanging.
 *
 * Every attempt runs under `timeout` (at most `attemptTimeoutSeconds`, never
 * past the deadline) and the pause between attempts is cut short at the
 * deadline. The deadline is kept to the second: `date +%s` is all busybox has.
 *
 * Works with busybox 1.28 (the guide's image) and later versions by feature
 * detection: `timeout -t SECS` (old) versus `timeout SECS`; `nc` with or
 * without `-z`; `nslookup` whether or not it exits non-zero on NXDOMAIN.
 *
 * The scripts contain no `$$` and no `$(NAME)` that names an environment
 * variable, so the kubelet's `$(VAR)` expansion of command/args leaves them
 * unchanged (k8s: third_party/forked/golang/expansion/expand.go).
 *
 * Internal module: not re-exported from `src/index.ts`.
 */
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
} from './waiter-input';

/**
 * The env var the DNS waiter reads its namespace from when none is given; the
 * construct fills it from the Downward API (`fieldRef: metadata.namespace`),
 * which works even with `automountServiceAccountToken: false`.
 */
export const POD_NAMESPACE_ENV = 'POD_NAMESPACE';

/** The first line of every waiter script: how `explain` recognises a waiter in any manifest. */
export const WAITER_SCRIPT_HEADER = '# cdk8s-pod-patterns wait-for: ';

/** What a waiter checks; the title after `WAITER_SCRIPT_HEADER` says which. */
export enum WaiterCheck {
  DNS = 'dns',
  TCP = 'tcp',
  HTTP = 'http',
}

const TITLES: Record<WaiterCheck, string> = {
  [WaiterCheck.DNS]: 'until the Service\'s DNS name resolves',
  [WaiterCheck.TCP]: 'until a TCP connection opens',
  [WaiterCheck.HTTP]: 'until an http GET answers 2xx',
};

/** Upper bound of a single attempt when the caller does not choose one. */
const DEFAULT_ATTEMPT_TIMEOUT_SECONDS = 10;

/** How long a waiter waits, in whole seconds. */
export interface WaiterTiming {
  /** Give up after this many seconds. */
  readonly timeoutSeconds: number;
  /** Pause between attempts; shorter than `timeoutSeconds`. */
  readonly intervalSeconds: number;
  /**
   * Upper bound of one attempt (an attempt never runs past the deadline either).
   * @default DEFAULT_ATTEMPT_TIMEOUT_SECONDS
   */
  readonly attemptTimeoutSeconds?: number;
}

export interface DnsWaiterOptions extends WaiterTiming {
  /** The Service's `metadata.name`. */
  readonly serviceName: string;
  /**
   * The Service's namespace.
   * @default - the Pod's own namespace, read at run time from `$POD_NAMESPACE`
   */
  readonly namespace?: string;
  /** The kubelet's cluster domain, e.g. `cluster.local`. */
  readonly clusterDomain: string;
}

export interface TcpWaiterOptions extends WaiterTiming {
  /** A DNS name or dotted-quad IPv4 address. */
  readonly host: string;
  readonly port: number;
}

export interface HttpWaiterOptions extends WaiterTiming {
  /** An `http://` URL; the waiter needs a 2xx answer (after redirects). */
  readonly url: string;
}

/** Waits until `<service>.<namespace>.svc.<clusterDomain>` resolves. */
export function dnsWaiterScript(o: DnsWaiterOptions): string {
  assertServiceName(o.serviceName);
  assertClusterDomain(o.clusterDomain);
  if (o.namespace !== undefined) {
    assertNamespace(o.namespace);
    assertServiceFqdnLength(`${o.serviceName}.${o.namespace}.svc.${o.clusterDomain}`);
  }
  return script({
    title: TITLES[WaiterCheck.DNS],
    variables: [
      assignment('service', o.serviceName),
      o.namespace === undefined ? `namespace="$${POD_NAMESPACE_ENV}"` : assignment('namespace', o.namespace),
      assignment('cluster_domain', o.clusterDomain),
    ],
    setup: [
      ...(o.namespace === undefined ? failFastWithoutNamespace() : []),
      'name="$service.$namespace.svc.$cluster_domain"',
      'dependency="service $name"',
    ],
    tools: ['timeout', 'nslookup'],
    check: [
      '# some busybox versions exit 0 even on NXDOMAIN: look for an answer instead',
      'check() {',
      '  case "$(bounded "$1" nslookup "$name" 2>/dev/null)" in',
      '    *Name:*) return 0 ;;',
      '  esac',
      '  return 1',
      '}',
    ],
    timing: o,
  });
}

/** Waits until a TCP connection to `host:port` opens. */
export function tcpWaiterScript(o: TcpWaiterOptions): string {
  assertHost(o.host);
  assertPort(o.port);
  return script({
    title: TITLES[WaiterCheck.TCP],
    variables: [assignment('host', o.host), assignment('port', o.port)],
    setup: ['dependency="tcp $host:$port"'],
    tools: ['timeout', 'nc'],
    check: [
      '# "-e true" ends nc as soon as it is connected: not every busybox nc has -z',
      'check() { bounded "$1" nc "$host" "$port" -e true </dev/null >/dev/null 2>&1; }',
    ],
    timing: o,
  });
}

/** Waits until an http GET of `url` answers 2xx. */
export function httpWaiterScript(o: HttpWaiterOptions): string {
  parseHttpUrl(o.url);
  return script({
    title: TITLES[WaiterCheck.HTTP],
    variables: [assignment('url', o.url)],
    setup: ['dependency="$url"'],
    tools: ['timeout', 'wget'],
    check: [
      '# wget fails unless the final answer is 2xx; timeout bounds it (some busybox wget crash on -T)',
      'check() { bounded "$1" wget -q -O /dev/null "$url" >/dev/null 2>&1; }',
    ],
    timing: o,
  });
}

interface ScriptParts {
  readonly title: string;
  /** `name='value'` lines (see `assignment`). */
  readonly variables: readonly string[];
  readonly setup: readonly string[];
  readonly tools: readonly string[];
  readonly check: readonly string[];
  readonly timing: WaiterTiming;
}

function script(parts: ScriptParts): string {
  const timing = validatedTiming(parts.timing);
  return [
    `${WAITER_SCRIPT_HEADER}${parts.title}`,
    ...parts.variables,
    assignment('timeout_s', timing.timeoutSeconds),
    assignment('interval_s', timing.intervalSeconds),
    assignment('attempt_s', timing.attemptTimeoutSeconds),
    ...parts.setup,
    ...requireTools(parts.tools),
    BOUNDED_FUNCTION,
    ...parts.check,
    RETRY_LOOP,
  ].join('\n') + '\n';
}

function validatedTiming(timing: WaiterTiming): Required<WaiterTiming> {
  assertTiming(timing.timeoutSeconds, timing.intervalSeconds);
  const attemptTimeoutSeconds = timing.attemptTimeoutSeconds ?? DEFAULT_ATTEMPT_TIMEOUT_SECONDS;
  assertPositiveSeconds('attempt timeout', attemptTimeoutSeconds);
  return { timeoutSeconds: timing.timeoutSeconds, intervalSeconds: timing.intervalSeconds, attemptTimeoutSeconds };
}

function failFastWithoutNamespace(): string[] {
  return [
    'if [ -z "$namespace" ]; then',
    `  echo 'wait-for: ${POD_NAMESPACE_ENV} is empty: set it from the Downward API (fieldRef: metadata.namespace)' >&2`,
    '  exit 1',
    'fi',
  ];
}

/** A missing tool would otherwise fail every attempt and end in a misleading "gave up". */
function requireTools(tools: readonly string[]): string[] {
  return [
    `for tool in ${tools.join(' ')}; do`,
    '  command -v "$tool" >/dev/null || { echo "wait-for: $tool not found in the waiter image: use a busybox image" >&2; exit 1; }',
    'done',
  ];
}

/** The lines every script shares, joined once. */
const BOUNDED_FUNCTION = [
  '# busybox 1.28 spells it "timeout -t SECS", later versions "timeout SECS"',
  'if timeout -t 1 true 2>/dev/null; then',
  '  bounded() { timeout -t "$@"; }',
  'else',
  '  bounded() { timeout "$@"; }',
  'fi',
].join('\n');

const RETRY_LOOP = [
  'deadline=$(( $(date +%s) + timeout_s ))',
  'attempt=1',
  'while left=$(( deadline - $(date +%s) )); [ "$left" -gt 0 ]; do',
  '  echo "waiting for $dependency (attempt $attempt, ${left}s left)"',
  '  if check "$(( left < attempt_s ? left : attempt_s ))"; then',
  '    echo "wait-for: $dependency is ready"',
  '    exit 0',
  '  fi',
  '  left=$(( deadline - $(date +%s) ))',
  '  if [ "$left" -gt 0 ]; then sleep "$(( left < interval_s ? left : interval_s ))"; fi',
  '  attempt=$(( attempt + 1 ))',
  'done',
  'echo "wait-for: gave up on $dependency after ${timeout_s}s" >&2',
  'exit 1',
].join('\n');

/**
 * `name='value'`. Values are validated before they get here; refusing quotes
 * and control characters again keeps this function safe on its own.
 */
function assignment(name: string, value: string | number): string {
  const text = String(value);
  if (!/^[\x20-\x7e]*$/.test(text) || text.includes('\'')) {
    throw new Error(`internal error: refusing to put ${JSON.stringify(text)} in a waiter script: it contains a quote or a control character`);
  }
  return `${name}='${text}'`;
}

/** A waiter script read back: what it checks, its values and its timing. */
export interface ParsedWaiterScript {
  readonly check: WaiterCheck;
  /** The script's single-quoted variables (`service`, `namespace`, `host`, `port`, `url`, ...). */
  readonly variables: Readonly<Record<string, string>>;
  readonly timing: Required<WaiterTiming>;
}

/**
 * Reads a script written by the renderers above back into its values; `undefined`
 * when `script` is not one of ours (another init container, or an edited waiter
 * whose header or timing lines are gone).
 */
export function parseWaiterScript(text: string): ParsedWaiterScript | undefined {
  const [header, ...lines] = text.split('\n');
  if (!header.startsWith(WAITER_SCRIPT_HEADER)) return undefined;
  const title = header.slice(WAITER_SCRIPT_HEADER.length);
  const check = (Object.keys(TITLES) as WaiterCheck[]).find(key => TITLES[key] === title);
  if (check === undefined) return undefined;
  const variables: Record<string, string> = {};
  for (const line of lines) {
    // only the value lines at the top are `name='value'` (see `assignment`)
    const match = /^([a-z_]+)='([^']*)'$/.exec(line);
    if (match !== null) variables[match[1]] = match[2];
  }
  const timeoutSeconds = Number(variables.timeout_s);
  const intervalSeconds = Number(variables.interval_s);
  const attemptTimeoutSeconds = Number(variables.attempt_s);
  if (![timeoutSeconds, intervalSeconds, attemptTimeoutSeconds].every(n => Number.isInteger(n) && n > 0)) return undefined;
  return { check, variables, timing: { timeoutSeconds, intervalSeconds, attemptTimeoutSeconds } };
}
