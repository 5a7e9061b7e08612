/**
 * Runs a Pod's init containers the way the kubelet does, on this machine, so
 * the generated waiter scripts are executed for real (DESIGN.md section 5).
 *
 * One scenario = one Pod:
 * - a network + mount namespace (`unshare --net --mount`) with its own
 *   loopback: the Pod's network namespace;
 * - dnsmasq on 127.0.0.1:53, authoritative for the cluster domain like
 *   CoreDNS: NXDOMAIN for unknown names, NODATA for AAAA of known names;
 *   a record "appears" by appending to its hosts file and sending SIGHUP;
 * - each init container: its `command` + `args` (after the kubelet's
 *   `$(VAR)` expansion) run in a chroot with busybox-static and a Pod-like
 *   /etc/resolv.conf, as PID 1 of its own PID namespace, with the container's
 *   `env` (Downward API `metadata.namespace` filled in), `runAsUser`/`runAsGroup`
 *   and `readOnlyRootFilesystem` (capabilities, seccomp and resource limits
 *   are not applied);
 * - init containers run one after another: each must exit 0 before the next
 *   starts; a non-zero exit stops the Pod (restartPolicy Never);
 *   `restartPolicy: Always` ones (native sidecars) start and keep running;
 * - scheduled events: DNS records, TCP listeners and HTTP servers that appear
 *   at t+N seconds.
 *
 * The result is plain JSON: per container exit code, start and end times in
 * seconds since the Pod started (ms precision), stdout and stderr; event times.
 *
 * Needs root, util-linux (unshare, nsenter), coreutils (chroot), busybox-static
 * and dnsmasq. `describeE2e` skips (locally) or fails (CI=true) without them.
 * Only process ids this harness spawned are ever signalled.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { performance } from 'perf_hooks';
import { expandKubernetesReferences } from './kubelet-expansion';

/** A DNS A record, `name` fully qualified. */
export interface DnsRecord {
  readonly name: string;
  readonly address: string;
}

/** Something that appears `atSeconds` after the Pod starts (at 0: already there when it starts). */
export type HarnessEvent =
  | { readonly type: 'dns-record'; readonly atSeconds: number; readonly name: string; readonly address: string }
  /** Accepts TCP connections and never sends a byte (an http server that hangs). */
  | { readonly type: 'tcp-listener'; readonly atSeconds: number; readonly port: number; readonly address?: string }
  /** Answers every request with `status`. */
  | { readonly type: 'http-server'; readonly atSeconds: number; readonly port: number; readonly status: number; readonly address?: string };

export interface RunInitContainersOptions {
  /** Container objects exactly as they appear in a manifest (`spec.initContainers`). */
  readonly initContainers: readonly any[];
  /** The Pod's `spec.securityContext` (its `runAsUser`/`runAsGroup` apply to every container). */
  readonly podSecurityContext?: any;
  /** The Pod's namespace (Downward API `metadata.namespace`, resolv.conf search path). */
  readonly namespace: string;
  /** Default `cluster.local`. */
  readonly clusterDomain?: string;
  /** Default `harness-pod`. */
  readonly podName?: string;
  /** Records present from the start. */
  readonly dnsRecords?: readonly DnsRecord[];
  readonly events?: readonly HarnessEvent[];
  /**
   * `dnsmasq` (default), or `silent`: a socket on 127.0.0.1:53 that reads
   * queries and never answers (an unreachable cluster DNS).
   */
  readonly dns?: 'dnsmasq' | 'silent';
  /**
   * Files to put in the container image (path → shell script, made executable),
   * e.g. to stand in for an applet of another busybox version.
   */
  readonly imageFiles?: Readonly<Record<string, string>>;
  /** The harness kills whatever still runs after this many seconds. */
  readonly limitSeconds: number;
}

export interface ContainerResult {
  name: string;
  started: boolean;
  /** `restartPolicy: Always`: started, kept running, killed at the end. */
  sidecar: boolean;
  /** Exit code; 128 + signal number when killed; null when not started or a sidecar. */
  exitCode: number | null;
  /** Why the container could not start (the kubelet's CreateContainerConfigError). */
  error?: string;
  startSeconds: number | null;
  endSeconds: number | null;
  stdout: string;
  stderr: string;
}

export interface EventResult {
  readonly type: HarnessEvent['type'];
  readonly atSeconds: number;
  /** When the harness acted (appended the record, spawned the server); null when the Pod was done before. */
  readonly firedSeconds: number | null;
  /** When the server reported it was listening (servers only). */
  readonly readySeconds?: number;
}

export interface HarnessResult {
  readonly containers: ContainerResult[];
  readonly events: EventResult[];
  /** The harness had to kill a container at `limitSeconds`. */
  readonly timedOut: boolean;
  /** dnsmasq's query log, for debugging a failed assertion. */
  readonly dnsLog: string;
}

const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SANDBOX_TOOLS = ['unshare', 'nsenter', 'chroot', 'busybox', 'dnsmasq'];

/**
 * A Node one-liner run inside the Pod's network namespace:
 * argv = kind port address [status]. Prints "listening" once bound.
 */
const SERVER_SOURCE = `
const [kind, port, address, status] = process.argv.slice(1);
const onListening = () => console.log('listening');
if (kind === 'dns-silent') {
  require('dgram').createSocket('udp4').on('message', () => {}).bind(Number(port), address, onListening);
} else if (kind === 'tcp') {
  require('net').createServer(() => {}).listen(Number(port), address, onListening);
} else {
  require('http').createServer((req, res) => {
    res.writeHead(Number(status), { 'content-type': 'text/plain', 'connection': 'close' });
    res.end('status ' + status + '\\n');
  }).listen(Number(port), address, onListening);
}
`;

/**
 * What the harness needs that this machine lacks: missing tools, or "root" /
 * namespaces / static busybox when those are not there.
 */
export function missingSandboxPrerequisites(): string[] {
  const missing = missingTools(SANDBOX_TOOLS);
  if (missing.length > 0) {
    return missing;
  }
  if (process.getuid?.() !== 0) {
    return ['root (the harness creates network namespaces)'];
  }
  if (spawnSync(which('unshare')!, ['--net', '--mount', '--pid', '--fork', 'true']).status !== 0) {
    return ['permission to unshare network/mount/pid namespaces'];
  }
  if (!busyboxRunsInChroot()) {
    return ['busybox-static (the installed busybox is not statically linked)'];
  }
  return [];
}

export function missingTools(tools: readonly string[]): string[] {
  return tools.filter((tool) => which(tool) === undefined);
}

/** `describe` for scenarios that run init containers (see `runInitContainers`). */
export function describeE2e(name: string, fn: () => void): void {
  describeIfReady(name, missingSandboxPrerequisites(), fn);
}

/** `describe` for tests that only need some tools on the PATH. */
export function describeWithTools(name: string, tools: readonly string[], fn: () => void): void {
  describeIfReady(name, missingTools(tools), fn);
}

/** The one line a skipped suite prints, e.g. in a local `npm test` without root. */
export function skipLine(reason: string): string {
  return `e2e skipped: ${reason}`;
}

/** Skipped with a visible reason locally; failing when CI=true. */
function describeIfReady(name: string, missing: readonly string[], fn: () => void): void {
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const reason = `e2e "${name}" needs: ${missing.join(', ')} (as root: apt-get install -y dnsmasq-base shellcheck busybox-static util-linux)`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('e2e prerequisites are installed', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  // Jest drops the console output of a file whose tests are all skipped (even
  // without --silent); a write to the worker's stderr reaches the terminal.
  process.stderr.write(`${skipLine(reason)}\n`);
  describe.skip(name, fn);
}

/** `shellcheck -s sh` on a script: exit status and findings. */
export function shellcheck(script: string): { status: number | null; output: string } {
  const run = spawnSync('shellcheck', ['-s', 'sh', '-'], { input: script, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Runs the init containers of one Pod; see the file comment. */
export async function runInitContainers(options: RunInitContainersOptions): Promise<HarnessResult> {
  const pod = new PodSandbox(options);
  try {
    return await pod.run();
  } finally {
    await pod.destroy();
  }
}

class PodSandbox {
  private readonly dir = mkdtempSync(join(tmpdir(), 'wait-for-e2e-'));
  private readonly root = join(this.dir, 'root');
  private readonly hostsFile = join(this.dir, 'dns-hosts');
  private readonly clusterDomain: string;
  private readonly helpers: ChildProcess[] = [];
  private readonly sidecars: Array<{ result: ContainerResult; output: ReturnType<typeof collectOutput> }> = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unfired = new Map<HarnessEvent, (result: EventResult) => void>();
  private holder?: ChildProcess;
  private dnsmasq?: ChildProcess;
  private dnsLog = '';
  private t0 = 0;

  constructor(private readonly options: RunInitContainersOptions) {
    this.clusterDomain = options.clusterDomain ?? 'cluster.local';
  }

  async run(): Promise<HarnessResult> {
    this.buildRoot();
    writeFileSync(this.hostsFile, (this.options.dnsRecords ?? []).map((r) => `${r.address} ${r.name}\n`).join(''));
    await this.enterPodNetwork();
    await this.startDns();

    const ready = await this.fireBeforeThePodStarts();
    const later = (this.options.events ?? []).filter((event) => event.atSeconds > 0).map((event) => this.schedule(event));
    const events = [...ready.map((result) => Promise.resolve(result)), ...later];
    const { containers, timedOut } = await this.runContainers();
    this.cancelUnfiredEvents();
    const fired = await Promise.all(events);
    return { containers, events: fired, timedOut, dnsLog: this.dnsLog };
  }

  async destroy(): Promise<void> {
    this.timers.forEach(clearTimeout);
    const everyone = [...this.helpers, this.dnsmasq, this.holder].filter((p): p is ChildProcess => p !== undefined);
    await Promise.all(everyone.map(killAndWait));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private seconds(): number {
    return round((performance.now() - this.t0) / 1000);
  }

  /** A busybox image: /bin/busybox and its applets, Pod-like /etc files. */
  private buildRoot(): void {
    for (const sub of ['bin', 'etc', 'dev', 'tmp', 'root']) {
      mkdirSync(join(this.root, sub), { recursive: true });
    }
    chmodSync(join(this.root, 'tmp'), 0o1777);
    const busybox = which('busybox')!;
    copyFileSync(busybox, join(this.root, 'bin', 'busybox'));
    chmodSync(join(this.root, 'bin', 'busybox'), 0o755);
    for (const applet of busyboxApplets(busybox)) {
      symlinkSync('busybox', join(this.root, 'bin', applet));
    }
    for (const device of ['null', 'zero', 'urandom']) {
      writeFileSync(join(this.root, 'dev', device), '');
    }
    const ns = this.options.namespace;
    const domain = this.clusterDomain;
    // The kubelet's resolv.conf for dnsPolicy ClusterFirst (pkg/kubelet/network/dns/dns.go).
    writeFileSync(join(this.root, 'etc', 'resolv.conf'),
      `nameserver 127.0.0.1\nsearch ${ns}.svc.${domain} svc.${domain} ${domain}\noptions ndots:5\n`);
    writeFileSync(join(this.root, 'etc', 'hosts'),
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
    writeFileSync(join(this.root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
    writeFileSync(join(this.root, 'etc', 'group'), 'root:x:0:\nnobody:x:65534:\n');
    for (const [path, content] of Object.entries(this.options.imageFiles ?? {})) {
      const target = join(this.root, path);
      mkdirSync(dirname(target), { recursive: true });
      rmSync(target, { force: true });
      writeFileSync(target, content, { mode: 0o755 });
    }
  }

  /** A process that holds the Pod's network and mount namespaces; everything else nsenters them. */
  private async enterPodNetwork(): Promise<void> {
    const setup = [
      'busybox ip link set lo up',
      'for d in null zero urandom; do busybox mount --bind "/dev/$d" "$1/dev/$d" || exit 1; done',
      'echo ready',
      'exec busybox sleep 2147483647',
    ].join(' && ');
    this.holder = spawn(which('unshare')!, ['--net', '--mount', '--', which('busybox')!, 'sh', '-c', setup, 'pod', this.root]);
    await waitForOutput(this.holder, 'stdout', 'ready', 5000, 'the Pod network namespace');
  }

  private inPod(command: string, args: readonly string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): ChildProcess {
    return spawn(which('nsenter')!, ['--target', String(this.holder!.pid), '--net', '--mount', '--', command, ...args], { env });
  }

  private async startDns(): Promise<void> {
    if (this.options.dns === 'silent') {
      const silent = this.inPod(process.execPath, ['-e', SERVER_SOURCE, 'dns-silent', '53', '127.0.0.1']);
      this.helpers.push(silent);
      await waitForOutput(silent, 'stdout', 'listening', 5000, 'the silent DNS socket');
      return;
    }
    this.dnsmasq = this.inPod(which('dnsmasq')!, [
      '--keep-in-foreground', '--conf-file=/dev/null', '--user=root', `--pid-file=${join(this.dir, 'dnsmasq.pid')}`,
      '--no-resolv', '--no-hosts', `--addn-hosts=${this.hostsFile}`,
      // Authoritative for the cluster domain, like CoreDNS's kubernetes plugin.
      `--local=/${this.clusterDomain}/`,
      '--listen-address=127.0.0.1', '--bind-interfaces', '--port=53',
      '--log-facility=-', '--log-queries',
    ]);
    this.dnsmasq.stderr!.on('data', (chunk: Buffer) => { this.dnsLog += chunk.toString(); });
    await waitForOutput(this.dnsmasq, 'stderr', 'started', 5000, 'dnsmasq');
  }

  /**
   * Events at 0 s are in place before the first container starts (a server
   * spawned "at 0" would otherwise race the first attempt). Their times are
   * negative: before the Pod started.
   */
  private async fireBeforeThePodStarts(): Promise<EventResult[]> {
    this.t0 = performance.now();
    const results: EventResult[] = [];
    for (const event of (this.options.events ?? []).filter((e) => e.atSeconds <= 0)) {
      results.push(await this.fire(event));
    }
    const podStart = performance.now();
    const shift = (podStart - this.t0) / 1000;
    this.t0 = podStart;
    return results.map((result) => ({
      ...result,
      firedSeconds: round(result.firedSeconds! - shift),
      ...(result.readySeconds === undefined ? {} : { readySeconds: round(result.readySeconds - shift) }),
    }));
  }

  private schedule(event: HarnessEvent): Promise<EventResult> {
    return new Promise((resolve, reject) => {
      this.unfired.set(event, resolve);
      this.timers.push(setTimeout(() => {
        this.unfired.delete(event);
        this.fire(event).then(resolve, reject);
      }, event.atSeconds * 1000));
    });
  }

  /** Events still due when the Pod is done never happen: firedSeconds null. */
  private cancelUnfiredEvents(): void {
    this.timers.forEach(clearTimeout);
    for (const [event, resolve] of this.unfired) {
      resolve({ type: event.type, atSeconds: event.atSeconds, firedSeconds: null });
    }
    this.unfired.clear();
  }

  private async fire(event: HarnessEvent): Promise<EventResult> {
    const firedSeconds = this.seconds();
    const base = { type: event.type, atSeconds: event.atSeconds, firedSeconds };
    switch (event.type) {
      case 'dns-record':
        if (this.dnsmasq === undefined) {
          throw new Error('a dns-record event needs dns: "dnsmasq"');
        }
        appendFileSync(this.hostsFile, `${event.address} ${event.name}\n`);
        this.dnsmasq.kill('SIGHUP');
        return base;
      case 'tcp-listener':
      case 'http-server': {
        const kind = event.type === 'tcp-listener' ? 'tcp' : 'http';
        const status = event.type === 'http-server' ? String(event.status) : '';
        const server = this.inPod(process.execPath, ['-e', SERVER_SOURCE, kind, String(event.port), event.address ?? '127.0.0.1', status]);
        this.helpers.push(server);
        await waitForOutput(server, 'stdout', 'listening', 5000, `the ${event.type} on port ${event.port}`);
        return { ...base, readySeconds: this.seconds() };
      }
    }
  }

  private async runContainers(): Promise<{ containers: ContainerResult[]; timedOut: boolean }> {
    const results: ContainerResult[] = [];
    let stopped = false;
    let timedOut = false;
    const deadline = this.t0 + this.options.limitSeconds * 1000;
    for (const container of this.options.initContainers) {
      if (stopped) {
        results.push(notStarted(container.name));
        continue;
      }
      const error = this.createContainerConfigError(container);
      if (error !== undefined) {
        results.push({ ...notStarted(container.name), error });
        stopped = true;
        continue;
      }
      const result = await this.runContainer(container, deadline);
      timedOut = timedOut || result.timedOut;
      results.push(result.container);
      stopped = !result.container.sidecar && result.container.exitCode !== 0;
    }
    for (const { result, output } of this.sidecars) {
      Object.assign(result, output.snapshot()); // whatever they printed while the Pod ran
    }
    return { containers: results, timedOut };
  }

  private async runContainer(container: any, deadline: number): Promise<{ container: ContainerResult; timedOut: boolean }> {
    const env = this.environment(container);
    const argv = commandLine(container).map((arg) => expandKubernetesReferences(arg, env));
    const user = userSpec(container.securityContext, this.options.podSecurityContext);
    const chroot = [which('chroot')!, ...(user === undefined ? [] : [`--userspec=${user}`]), this.root, ...argv];
    const readOnlyRoot = container.securityContext?.readOnlyRootFilesystem === true;
    const sidecar = container.restartPolicy === 'Always';
    const startSeconds = this.seconds();
    const unshare = ['--pid', '--fork', '--kill-child', ...(readOnlyRoot ? ['--mount'] : []), '--'];
    const child = this.inPod(which('unshare')!, [...unshare, ...(readOnlyRoot ? this.readOnly(chroot) : chroot)], {
      PATH: CONTAINER_PATH,
      HOSTNAME: this.options.podName ?? 'harness-pod',
      HOME: '/root',
      ...Object.fromEntries(env),
    });
    const output = collectOutput(child);
    if (sidecar) {
      // Like the kubelet, go on once it has started; it runs until the Pod ends.
      this.helpers.push(child);
      const result: ContainerResult = { name: container.name, started: true, sidecar, exitCode: null, startSeconds, endSeconds: null, stdout: '', stderr: '' };
      this.sidecars.push({ result, output });
      return { container: result, timedOut: false };
    }
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, Math.max(0, deadline - performance.now()));
    const exitCode = await exitCodeOf(child);
    const endSeconds = this.seconds();
    clearTimeout(limit);
    await output.closed;
    return {
      container: { name: container.name, started: true, sidecar, exitCode, startSeconds, endSeconds, ...output.snapshot() },
      timedOut,
    };
  }

  /**
   * readOnlyRootFilesystem: in the container's own mount namespace, the root
   * is re-bound read-only (its /dev binds stay writable, as in a container).
   */
  private readOnly(chroot: readonly string[]): string[] {
    const remount = 'busybox mount --rbind "$1" "$1" && busybox mount -o remount,bind,ro "$1" && shift && exec "$@"';
    return [which('busybox')!, 'sh', '-c', remount, 'read-only-root', this.root, ...chroot];
  }

  /** The container's env as the kubelet builds it: in order, each value expanded against the ones before. */
  private environment(container: any): Map<string, string> {
    const env = new Map<string, string>();
    for (const entry of container.env ?? []) {
      if (entry.value !== undefined || entry.valueFrom === undefined) {
        env.set(entry.name, expandKubernetesReferences(entry.value ?? '', env));
        continue;
      }
      env.set(entry.name, this.fieldRef(entry.valueFrom.fieldRef?.fieldPath, entry.name));
    }
    return env;
  }

  private fieldRef(fieldPath: string | undefined, name: string): string {
    switch (fieldPath) {
      case 'metadata.namespace': return this.options.namespace;
      case 'metadata.name': return this.options.podName ?? 'harness-pod';
      case 'spec.nodeName': return 'harness-node';
      case 'status.podIP': return '127.0.0.1';
      default:
        throw new Error(`env ${name}: the harness does not support this valueFrom (fieldPath ${JSON.stringify(fieldPath)})`);
    }
  }

  /** k8s: pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot (busybox runs as root). */
  private createContainerConfigError(container: any): string | undefined {
    const pod = this.options.podSecurityContext ?? {};
    const own = container.securityContext ?? {};
    const runAsNonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
    const runAsUser = own.runAsUser ?? pod.runAsUser;
    if (runAsNonRoot === true && (runAsUser === undefined || runAsUser === 0)) {
      return runAsUser === 0
        ? 'container\'s runAsUser breaks non-root policy'
        : 'container has runAsNonRoot and image will run as root';
    }
    return undefined;
  }
}

/** Seconds with millisecond precision. */
function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** command + args as the kubelet runs them; busybox has no ENTRYPOINT and CMD ["sh"]. */
function commandLine(container: any): string[] {
  if (container.command !== undefined) {
    return [...container.command, ...(container.args ?? [])];
  }
  return container.args !== undefined ? [...container.args] : ['sh'];
}

function userSpec(own: any, pod: any): string | undefined {
  const user = own?.runAsUser ?? pod?.runAsUser;
  const group = own?.runAsGroup ?? pod?.runAsGroup ?? user;
  return user === undefined ? undefined : `${user}:${group}`;
}

function notStarted(name: string): ContainerResult {
  return { name, started: false, sidecar: false, exitCode: null, startSeconds: null, endSeconds: null, stdout: '', stderr: '' };
}

function collectOutput(child: ChildProcess): { closed: Promise<void>; snapshot: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { closed, snapshot: () => ({ stdout, stderr }) };
}

/** The exit code, or 128 + signal number like the kubelet reports it. */
function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve(code ?? 128 + signalNumber(signal));
    });
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return signal === null ? 0 : numbers[signal] ?? 0;
}

function waitForOutput(child: ChildProcess, stream: 'stdout' | 'stderr', text: string, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs}ms: ${seen}`)), timeoutMs);
    child[stream]!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready: ${seen}`));
    });
  });
}

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function busyboxApplets(busybox: string): string[] {
  return spawnSync(busybox, ['--list'], { encoding: 'utf8' }).stdout.split('\n')
    .filter((applet) => applet !== '' && applet !== 'busybox');
}

function busyboxRunsInChroot(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'wait-for-e2e-check-'));
  try {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(which('busybox')!, join(dir, 'bin', 'busybox'));
    chmodSync(join(dir, 'bin', 'busybox'), 0o755);
    return spawnSync(which('chroot')!, [dir, '/bin/busybox', 'true']).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const whichCache = new Map<string, string | undefined>();

function which(tool: string): string | undefined {
  if (!whichCache.has(tool)) {
    const path = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'which', tool], { encoding: 'utf8', env: { PATH: path } });
    whichCache.set(tool, found.status === 0 ? found.stdout.trim() : undefined);
  }
  return whichCache.get(tool);
}
