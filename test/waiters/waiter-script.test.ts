import {
  dnsWaiterScript,
  httpWaiterScript,
  parseWaiterScript,
  POD_NAMESPACE_ENV,
  tcpWaiterScript,
  WAITER_SCRIPT_HEADER,
  WaiterCheck,
} from '../../src/waiters/waiter-script';
import { expandKubernetesReferences } from '../e2e/kubelet-expansion';

const TIMING = { timeoutSeconds: 300, intervalSeconds: 2 };
const GUIDE_MYSERVICE = { serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', ...TIMING };

/** The guide's init-myservice, corrected (DESIGN.md R6): the whole script, as a reviewer sees it in `kubectl get pod -o yaml`. */
const EXPECTED_MYSERVICE_SCRIPT = `# cdk8s-pod-patterns wait-for: until the Service's DNS name resolves
service='myservice'
namespace='default'
cluster_domain='cluster.local'
timeout_s='300'
interval_s='2'
attempt_s='10'
name="$service.$namespace.svc.$cluster_domain"
dependency="service $name"
for tool in timeout nslookup; do
  command -v "$tool" >/dev/null || { echo "wait-for: $tool not found in the waiter image: use a busybox image" >&2; exit 1; }
done
# busybox 1.28 spells it "timeout -t SECS", later versions "timeout SECS"
if timeout -t 1 true 2>/dev/null; then
  bounded() { timeout -t "$@"; }
else
  bounded() { timeout "$@"; }
fi
# some busybox versions exit 0 even on NXDOMAIN: look for an answer instead
check() {
  case "$(bounded "$1" nslookup "$name" 2>/dev/null)" in
    *Name:*) return 0 ;;
  esac
  return 1
}
deadline=$(( $(date +%s) + timeout_s ))
attempt=1
while left=$(( deadline - $(date +%s) )); [ "$left" -gt 0 ]; do
  echo "waiting for $dependency (attempt $attempt, \${left}s left)"
  if check "$(( left < attempt_s ? left : attempt_s ))"; then
    echo "wait-for: $dependency is ready"
    exit 0
  fi
  left=$(( deadline - $(date +%s) ))
  if [ "$left" -gt 0 ]; then sleep "$(( left < interval_s ? left : interval_s ))"; fi
  attempt=$(( attempt + 1 ))
done
echo "wait-for: gave up on $dependency after \${timeout_s}s" >&2
exit 1
`;

const ALL_KINDS: Record<string, string> = {
  'dns, namespace known': dnsWaiterScript(GUIDE_MYSERVICE),
  'dns, namespace from $POD_NAMESPACE': dnsWaiterScript({ serviceName: 'mydb', clusterDomain: 'cluster.local', ...TIMING }),
  'tcp': tcpWaiterScript({ host: 'mydb.default.svc.cluster.local', port: 5432, ...TIMING }),
  'http': httpWaiterScript({ url: 'http://web.default.svc.cluster.local:8080/healthz?ready=1', ...TIMING }),
};

describe('dnsWaiterScript', () => {
  test('the guide\'s myservice waiter: fully qualified name, bounded loop, one stderr line at the deadline', () => {
    expect(dnsWaiterScript(GUIDE_MYSERVICE)).toBe(EXPECTED_MYSERVICE_SCRIPT);
  });

  test('without a namespace it reads $POD_NAMESPACE and fails fast, with one stderr line, when it is empty', () => {
    const script = dnsWaiterScript({ serviceName: 'mydb', clusterDomain: 'cluster.local', ...TIMING });

    expect(POD_NAMESPACE_ENV).toBe('POD_NAMESPACE');
    expect(script).toContain('\nnamespace="$POD_NAMESPACE"\n');
    expect(script).toContain('\nif [ -z "$namespace" ]; then\n'
      + '  echo \'wait-for: POD_NAMESPACE is empty: set it from the Downward API (fieldRef: metadata.namespace)\' >&2\n'
      + '  exit 1\nfi\n');
    // Not the guide's service-account token file: it is absent with automountServiceAccountToken: false.
    expect(script).not.toContain('/var/run/secrets');
  });

  test('the cluster domain is configurable (correction 3: cluster.local is only the default)', () => {
    const script = dnsWaiterScript({ ...GUIDE_MYSERVICE, clusterDomain: 'corp.example' });

    expect(script).toContain('\ncluster_domain=\'corp.example\'\n');
    expect(script).not.toContain('cluster.local');
  });

  test.each([
    [{ serviceName: 'myservice; rm -rf /' }, 'service name "myservice; rm -rf /" is not valid'],
    [{ serviceName: '$(id)' }, 'service name "$(id)" is not valid'],
    [{ serviceName: '1db' }, 'service name "1db" is not valid'],
    [{ namespace: 'a\'b' }, 'namespace "a\'b" is not valid'],
    [{ namespace: 'team\na' }, 'namespace "team\\na" is not valid'],
    [{ clusterDomain: 'cluster.local;id' }, 'cluster domain "cluster.local;id" is not valid'],
    [{ clusterDomain: 'Cluster.Local' }, 'cluster domain "Cluster.Local" is not valid'],
    [{ timeoutSeconds: 0 }, 'timeout 0 is not valid'],
    [{ intervalSeconds: 300 }, 'interval 300s is not shorter than timeout 300s'],
    [{ attemptTimeoutSeconds: 0.5 }, 'attempt timeout 0.5 is not valid'],
  ])('refuses %j', (override, message) => {
    expect(() => dnsWaiterScript({ ...GUIDE_MYSERVICE, ...override })).toThrow(message);
  });

  test('refuses a fully qualified name longer than DNS allows, when the namespace is known', () => {
    const long = 'a'.repeat(63);
    expect(() => dnsWaiterScript({ ...GUIDE_MYSERVICE, serviceName: long, namespace: long, clusterDomain: `${long}.${long}` }))
      .toThrow('is 259 characters long, more than DNS allows (253)');
  });
});

describe('tcpWaiterScript', () => {
  test('connects with busybox nc and "-e true" (no -z: absent from some busybox builds, e.g. Debian\'s)', () => {
    const script = tcpWaiterScript({ host: 'mydb.default.svc.cluster.local', port: 5432, ...TIMING });

    expect(script).toContain('\nhost=\'mydb.default.svc.cluster.local\'\nport=\'5432\'\n');
    expect(script).toContain('\ndependency="tcp $host:$port"\n');
    expect(script).toContain('\ncheck() { bounded "$1" nc "$host" "$port" -e true </dev/null >/dev/null 2>&1; }\n');
    expect(script).not.toContain(' -z ');
  });

  test.each([
    [{ host: 'db; id' }, 'host "db; id" is not valid'],
    [{ host: '$(id)' }, 'host "$(id)" is not valid'],
    [{ host: '010.0.0.1' }, 'host "010.0.0.1" is not a valid host'],
    [{ port: 0 }, 'port 0 is not valid: must be between 1 and 65535, inclusive'],
    [{ port: 65536 }, 'port 65536 is not valid'],
    [{ port: 1.5 }, 'port 1.5 is not valid'],
  ])('refuses %j', (override, message) => {
    expect(() => tcpWaiterScript({ host: 'mydb', port: 5432, ...TIMING, ...override })).toThrow(message);
  });
});

describe('httpWaiterScript', () => {
  test('GETs with busybox wget, bounded by timeout rather than wget -T', () => {
    const script = httpWaiterScript({ url: 'http://web:8080/healthz', ...TIMING });

    expect(script).toContain('\nurl=\'http://web:8080/healthz\'\n');
    expect(script).toContain('\ncheck() { bounded "$1" wget -q -O /dev/null "$url" >/dev/null 2>&1; }\n');
    expect(script.split('\n').filter((line) => line.includes(' wget ') && !line.startsWith('#'))).toEqual([
      'check() { bounded "$1" wget -q -O /dev/null "$url" >/dev/null 2>&1; }',
    ]);
  });

  test.each([
    ['https://web/healthz', 'uses https, which the waiter cannot check'],
    ['ftp://web/', 'only http:// URLs are supported'],
    ['http://web/\'; id; \'', 'has characters the waiter does not accept'],
    ['http://web/$(id)', 'has characters the waiter does not accept'],
    ['http://web:0/', 'has port "0", which is not valid'],
  ])('refuses %j', (url, message) => {
    expect(() => httpWaiterScript({ url, ...TIMING })).toThrow(message);
  });
});

describe('every waiter script', () => {
  test.each(Object.entries(ALL_KINDS))('%s: dependency values are single-quoted variables at the top, then timing', (_kind, script) => {
    const lines = script.split('\n');
    const header = lines.slice(1, lines.findIndex((line) => line.startsWith('attempt_s=')) + 1);

    expect(lines[0]).toMatch(/^# cdk8s-pod-patterns wait-for: /);
    for (const line of header) {
      expect(line).toMatch(/^[a-z_]+=('[^']*'|"\$POD_NAMESPACE")$/);
    }
    expect(header.slice(-3)).toEqual(['timeout_s=\'300\'', 'interval_s=\'2\'', "attempt_s='10'"]);
  });

  test.each(Object.entries(ALL_KINDS))('%s: is short enough to read in kubectl get pod -o yaml', (_kind, script) => {
    const lines = script.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(45);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(130);
  });

  test.each(Object.entries(ALL_KINDS))('%s: ends with the one stderr line and exit 1 at the deadline, and exit 0 on success', (_kind, script) => {
    expect(script).toMatch(/\necho "wait-for: gave up on \$dependency after \$\{timeout_s\}s" >&2\nexit 1\n$/);
    expect(script).toContain('\n    echo "wait-for: $dependency is ready"\n    exit 0\n');
    expect(script.match(/>&2/g)).toHaveLength(script.includes('POD_NAMESPACE') ? 3 : 2);
  });

  test.each(Object.entries(ALL_KINDS))('%s: every attempt runs under timeout, never longer than the time left', (_kind, script) => {
    expect(script).toContain('\n  if check "$(( left < attempt_s ? left : attempt_s ))"; then\n');
    expect(script).toMatch(/\ncheck\(\) \{?[^\n]*\n?[^\n]*bounded "\$1" /);
    expect(script).toContain('sleep "$(( left < interval_s ? left : interval_s ))"');
  });

  // k8s: third_party/forked/golang/expansion/expand.go — the kubelet expands $(VAR) in command/args and turns $$ into $.
  test.each(Object.entries(ALL_KINDS))('%s: passes through the kubelet\'s $(VAR) expansion unchanged', (_kind, script) => {
    const env = new Map([[POD_NAMESPACE_ENV, 'default'], ['HOSTNAME', 'pod']]);
    expect(expandKubernetesReferences(script, env)).toBe(script);
    expect(script).not.toContain('$$');
  });

  test('the attempt timeout is configurable', () => {
    expect(tcpWaiterScript({ host: 'mydb', port: 1, ...TIMING, attemptTimeoutSeconds: 3 })).toContain('\nattempt_s=\'3\'\n');
  });
});

describe('expandKubernetesReferences (the e2e harness\'s copy of the kubelet expansion)', () => {
  // k8s: third_party/forked/golang/expansion/expand_test.go TestMapping / doExpansionTest, every case
  const vars = new Map([['VAR_A', 'A'], ['VAR_B', 'B'], ['VAR_C', 'C'], ['VAR_REF', '$(VAR_A)'], ['VAR_EMPTY', '']]);
  test.each([
    ['$(VAR_A)', 'A'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['$(VAR_A)-1', 'A-1'],
    ['___$(VAR_B)___', '___B___'],
    ['___$(VAR_C)', '___C'],
    ['$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
    ['$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
    ['$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
    ['f000-$$VAR_A', 'f000-$VAR_A'],
    ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
    ['foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
    ['foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
    ['$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
    ['$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
    ['$(VAR_REF)', '$(VAR_A)'],
    ['%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
    ['foo$(VAR_EMPTY)bar', 'foobar'],
    ['foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
    ['f00__(VAR_A)__', 'f00__(VAR_A)__'],
    ['$?_boo_$!', '$?_boo_$!'],
    ['$VAR_A', '$VAR_A'],
    ['$(VAR_DNE)', '$(VAR_DNE)'],
    ['$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
    ['$$$$$$(VAR_A)', '$$$(VAR_A)'],
    ['$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
    ['$$$$$$$(VAR_A)', '$$$A'],
    ['$VAR_A)', '$VAR_A)'],
    ['${VAR_A}', '${VAR_A}'],
    ['$(VAR_B)_______$(A', 'B_______$(A'],
    ['$(VAR_C)_______$(', 'C_______$('],
    ['$(VAR_A)foobarzab$', 'Afoobarzab$'],
    ['foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
    ['--$($($($($--', '--$($($($($--'],
    ['$($($($($--foo$(', '$($($($($--foo$('],
    ['foo0--$($($($(', 'foo0--$($($($('],
    ['$(foo$$var)', '$(foo$$var)'],
    ['\n', '\n'],
  ])('%j -> %j', (input, output) => {
    expect(expandKubernetesReferences(input, vars)).toBe(output);
  });
});

describe('parseWaiterScript reads back what the renderers wrote', () => {
  test('DNS waiter with a namespace', () => {
    expect(parseWaiterScript(dnsWaiterScript(GUIDE_MYSERVICE))).toEqual({
      check: WaiterCheck.DNS,
      variables: expect.objectContaining({ service: 'myservice', namespace: 'default', cluster_domain: 'cluster.local' }),
      timing: { timeoutSeconds: 300, intervalSeconds: 2, attemptTimeoutSeconds: 10 },
    });
  });

  test('DNS waiter reading $POD_NAMESPACE: the unquoted namespace line does not hide the timing', () => {
    const parsed = parseWaiterScript(dnsWaiterScript({ serviceName: 'mydb', clusterDomain: 'cluster.local', timeoutSeconds: 60, intervalSeconds: 5 }));
    expect(parsed?.variables.namespace).toBeUndefined();
    expect(parsed?.timing).toEqual({ timeoutSeconds: 60, intervalSeconds: 5, attemptTimeoutSeconds: 10 });
  });

  test('TCP and HTTP waiters', () => {
    expect(parseWaiterScript(tcpWaiterScript({ host: 'postgres', port: 5432, ...TIMING, attemptTimeoutSeconds: 3 }))).toMatchObject({
      check: WaiterCheck.TCP, variables: { host: 'postgres', port: '5432' }, timing: { attemptTimeoutSeconds: 3 },
    });
    expect(parseWaiterScript(httpWaiterScript({ url: 'http://search:9200/_cluster/health', ...TIMING }))?.variables.url).toBe('http://search:9200/_cluster/health');
  });

  test('anything else is not a waiter: the guide\'s own loop, another header, a script without its timing', () => {
    expect(parseWaiterScript('until nslookup myservice; do sleep 2; done')).toBeUndefined();
    expect(parseWaiterScript(`${WAITER_SCRIPT_HEADER}until pigs fly\ntimeout_s='1'\n`)).toBeUndefined();
    expect(parseWaiterScript(dnsWaiterScript(GUIDE_MYSERVICE).replace("interval_s='2'\n", ''))).toBeUndefined();
  });
});
