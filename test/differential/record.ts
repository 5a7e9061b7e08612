/**
 * Records the API server's verdict on every generated object, writing
 * test/differential/corpus.json.gz. Needs a running Kubernetes 1.28 API server;
 * nothing else in the repository does. See docs/differential-testing.md.
 *
 *   npx ts-node -P tsconfig.dev.json test/differential/record.ts \
 *     --server https://127.0.0.1:6443 --token-file TOKEN [--ca-file CA | --insecure] [--keep FILE]
 *     [--feature-gates GATE=BOOL,...] [--kinds Service,...] [--service-cluster-ip-range FLAG] [--service-range-edges] [--out FILE]
 *
 * `--kinds` judges only the objects of those kinds (e.g. the Services, against a
 * server with another IP range); `--service-cluster-ip-range` records the flag
 * the server was started with in the output, for the test to declare it;
 * `--service-range-edges` also judges the Services of service-range-edges.ts.
 *
 * `--keep FILE` reuses the verdicts of FILE (a corpus recorded by the same
 * server version) for every object it holds unchanged, and judges only the
 * others: a new round of the generator then leaves the earlier verdicts, and
 * their known disagreements, as they were (the server's messages carry random
 * generated names and pointers, so judging again would rewrite them all).
 *
 * `--feature-gates` says the server was started with those gates: the whole
 * corpus is judged and FILE (a gate recording, test/differential/gates/) keeps
 * only the verdicts that differ from the committed corpus's.
 *
 * Each object is created with `dryRun=All&fieldValidation=Strict` (nothing is
 * stored) in three namespaces the script creates: `diff-none` (no Pod Security
 * enforcement), `diff-baseline` and `diff-restricted` (enforce, version v1.28),
 * each with the ServiceAccounts `default` and `pod-runner` (ServiceAccount admission
 * rejects Pods whose account does not exist).
 */
import { readFileSync } from 'fs';
import * as https from 'https';
import { Context, CONTEXTS, CorpusEntry, GateRecording, loadCorpus, saveCorpus, saveGateRecording, Verdict, verdictsDiffer } from './corpus';
import { CORPUS_SEED, generateCorpus } from './generate';
import { serviceRangeEdges } from './service-range-edges';

interface Options {
  readonly server: URL;
  readonly token: string;
  readonly ca?: Buffer;
  readonly insecure: boolean;
  readonly out?: string;
  readonly keep?: string;
  readonly featureGates?: Record<string, boolean>;
  readonly kinds?: string[];
  readonly serviceClusterIpRange?: string;
  readonly serviceRangeEdges: boolean;
}

const RESOURCES: Record<string, { group: string; plural: string; namespaced: boolean }> = {
  Pod: { group: 'api/v1', plural: 'pods', namespaced: true },
  Service: { group: 'api/v1', plural: 'services', namespaced: true },
  PersistentVolumeClaim: { group: 'api/v1', plural: 'persistentvolumeclaims', namespaced: true },
  ConfigMap: { group: 'api/v1', plural: 'configmaps', namespaced: true },
  Secret: { group: 'api/v1', plural: 'secrets', namespaced: true },
  ServiceAccount: { group: 'api/v1', plural: 'serviceaccounts', namespaced: true },
  Namespace: { group: 'api/v1', plural: 'namespaces', namespaced: false },
  ReplicationController: { group: 'api/v1', plural: 'replicationcontrollers', namespaced: true },
  Deployment: { group: 'apis/apps/v1', plural: 'deployments', namespaced: true },
  StatefulSet: { group: 'apis/apps/v1', plural: 'statefulsets', namespaced: true },
  DaemonSet: { group: 'apis/apps/v1', plural: 'daemonsets', namespaced: true },
  ReplicaSet: { group: 'apis/apps/v1', plural: 'replicasets', namespaced: true },
  Job: { group: 'apis/batch/v1', plural: 'jobs', namespaced: true },
  CronJob: { group: 'apis/batch/v1', plural: 'cronjobs', namespaced: true },
};

function namespaceOf(context: Context): string {
  return `diff-${context}`;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const server = value('--server');
  const tokenFile = value('--token-file');
  const token = value('--token') ?? (tokenFile ? readFileSync(tokenFile, 'utf8').trim() : undefined);
  if (!server || !token) {
    throw new Error('usage: record.ts --server https://HOST:PORT (--token T | --token-file F) [--ca-file CA | --insecure] [--out FILE] [--keep FILE] [--kinds K,...] [--service-range-edges] [--service-cluster-ip-range FLAG]');
  }
  const caFile = value('--ca-file');
  const gates = value('--feature-gates');
  if (gates !== undefined && value('--out') === undefined) throw new Error('--feature-gates needs --out FILE (a gate recording, not corpus.json.gz)');
  return {
    server: new URL(server),
    token,
    ca: caFile ? readFileSync(caFile) : undefined,
    insecure: argv.includes('--insecure'),
    out: value('--out'),
    keep: value('--keep'),
    featureGates: gates === undefined ? undefined : Object.fromEntries(gates.split(',').map((pair) => pair.split('=')).map(([gate, on]) => [gate.trim(), on.trim() === 'true'])),
    kinds: value('--kinds')?.split(','),
    serviceClusterIpRange: value('--service-cluster-ip-range'),
    serviceRangeEdges: argv.includes('--service-range-edges'),
  };
}

interface Response {
  readonly code: number;
  readonly body: any;
  readonly warnings: string[];
}

function request(options: Options, agent: https.Agent, method: string, path: string, body?: any): Promise<Response> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request({
      agent,
      method,
      host: options.server.hostname,
      port: options.server.port || 443,
      path,
      ca: options.ca,
      rejectUnauthorized: !options.insecure,
      headers: { 'Authorization': `Bearer ${options.token}`, 'Content-Type': 'application/json', 'Accept': 'application/json', ...(payload ? { 'Content-Length': payload.length } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: any = text;
        try { parsed = JSON.parse(text); } catch { /* a plain-text error body is kept as is */ }
        const warning = res.headers.warning;
        const warnings = (Array.isArray(warning) ? warning : warning ? [warning] : []).map((w) => w.replace(/^299 - "/, '').replace(/"$/, ''));
        resolve({ code: res.statusCode ?? 0, body: parsed, warnings });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function ensureNamespaces(options: Options, agent: https.Agent): Promise<void> {
  for (const context of CONTEXTS) {
    const labels: Record<string, string> = context === 'none' ? {} : {
      'pod-security.kubernetes.io/enforce': context, 'pod-security.kubernetes.io/enforce-version': 'v1.28',
    };
    const ns = namespaceOf(context);
    const created = await request(options, agent, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
    if (created.code !== 201 && created.code !== 409) throw new Error(`creating namespace ${ns}: ${created.code} ${JSON.stringify(created.body)}`);
    for (const sa of ['default', 'pod-runner']) {
      const made = await request(options, agent, 'POST', `/api/v1/namespaces/${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa } });
      if (made.code !== 201 && made.code !== 409) throw new Error(`creating serviceaccount ${ns}/${sa}: ${made.code}`);
    }
  }
}

function verdictOf(response: Response): Verdict {
  const accepted = response.code >= 200 && response.code < 300;
  const warnings = response.warnings.length > 0 ? response.warnings : undefined;
  if (accepted) return { code: response.code, accepted, warnings };
  const status = typeof response.body === 'object' && response.body !== null ? response.body : { message: String(response.body) };
  const causes = Array.isArray(status.details?.causes)
    ? status.details.causes.map((c: any) => ({ field: c.field, reason: c.reason, message: c.message }))
    : undefined;
  return { code: response.code, accepted, reason: status.reason, message: status.message, causes, warnings };
}

async function judge(options: Options, agent: https.Agent, kind: string, object: any, context: Context): Promise<Verdict> {
  const resource = RESOURCES[kind];
  const scope = resource.namespaced ? `/namespaces/${namespaceOf(context)}` : '';
  const path = `/${resource.group}${scope}/${resource.plural}?dryRun=All&fieldValidation=Strict`;
  return verdictOf(await request(options, agent, 'POST', path, object));
}

/** The entries of the `--keep` corpus by id; empty without the option. */
function keptVerdicts(options: Options, serverVersion: string): Map<string, CorpusEntry> {
  if (options.keep === undefined) return new Map();
  const corpus = loadCorpus(options.keep);
  if (corpus.server !== serverVersion) throw new Error(`--keep ${options.keep} was recorded by ${corpus.server}, the server is ${serverVersion}`);
  return new Map(corpus.entries.map((e) => [e.id, e]));
}

/** The verdicts of `entries` that differ from the committed corpus's. */
function gateRecording(server: string, featureGates: Record<string, boolean>, entries: CorpusEntry[]): GateRecording {
  const committed = new Map(loadCorpus().entries.map((e) => [e.id, e]));
  const verdicts: Record<string, Record<Context, Verdict>> = {};
  for (const entry of entries) {
    const before = committed.get(entry.id);
    if (before === undefined) throw new Error(`${entry.id} is not in the committed corpus: record the corpus first`);
    if (CONTEXTS.some((context) => verdictsDiffer(before.verdicts[context], entry.verdicts[context]))) verdicts[entry.id] = entry.verdicts;
  }
  return { server, featureGates, judged: entries.length, verdicts };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8 });
  const version = await request(options, agent, 'GET', '/version');
  if (version.code !== 200) throw new Error(`GET /version: ${version.code} ${JSON.stringify(version.body)}`);
  await ensureNamespaces(options, agent);
  const generated = [...generateCorpus(CORPUS_SEED), ...(options.serviceRangeEdges ? serviceRangeEdges() : [])]
    .filter((item) => options.kinds === undefined || options.kinds.includes(item.kind));
  const kept = keptVerdicts(options, String(version.body.gitVersion));
  const entries: CorpusEntry[] = [];
  for (const item of generated) {
    const reused = kept.get(item.id);
    if (reused !== undefined && JSON.stringify(reused.object) === JSON.stringify(item.object)) {
      entries.push({ ...item, verdicts: reused.verdicts });
      continue;
    }
    const verdicts = {} as Record<Context, Verdict>;
    for (const context of CONTEXTS) {
      verdicts[context] = await judge(options, agent, item.kind, item.object, context);
    }
    entries.push({ ...item, verdicts });
    if (entries.length % 500 === 0) process.stderr.write(`${entries.length}/${generated.length}\n`);
  }
  const range = options.serviceClusterIpRange === undefined ? {} : { serviceClusterIpRange: options.serviceClusterIpRange };
  agent.destroy();
  if (options.featureGates !== undefined) {
    saveGateRecording(gateRecording(String(version.body.gitVersion), options.featureGates, entries), options.out!);
  } else {
    saveCorpus({ server: String(version.body.gitVersion), seed: CORPUS_SEED, ...range, entries }, options.out);
  }
  const rejected = entries.filter((e) => !e.verdicts.none.accepted).length;
  process.stderr.write(`recorded ${entries.length} objects (${rejected} rejected without Pod Security) from ${version.body.gitVersion}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
