'use strict';
/**
 * The lint case of `npm run bench` (issue 13): `cdk8s-pod-patterns lint` over
 * 10,000 Pods in 100 YAML files, each Pod a restricted-compliant one with two
 * containers, probes, env, volumes and resources, so every rule of the engine
 * (the ported 1.28 validation included) runs on it. Measured as a pipeline
 * sees it: the whole `node bin/cdk8s-pod-patterns lint DIR` process, under
 * GNU time for peak RSS. Targets: ≤ 4 s wall, ≤ 250 MB peak RSS (median of the runs).
 *
 * Also reported: CPU seconds (user + sys of the process, steadier than wall
 * time on a shared machine) and the 1-minute load. `--base DIR` measures a
 * second compiled checkout (e.g. `git archive main | tar -x -C DIR`, with
 * node_modules linked and `npx tsc -p tsconfig.json` run there) interleaved
 * with this one, run for run, so both see the same load.
 *
 *   npx tsc -p tsconfig.json && node bench/lint.js [--files 100] [--pods 100] [--runs 3] [--base DIR]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const TARGET_WALL_MS = 4000;
const TARGET_RSS_MB = 250;

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function stringFlag(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function podYaml(file, index) {
  const name = `web-${file}-${index}`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/instance: "${name}"
  annotations:
    example.com/owner: team-a
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    fsGroup: 2000
    seccompProfile:
      type: RuntimeDefault
  initContainers:
  - name: setup
    image: busybox:1.36.1
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo ready > /work/ready"]
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
    resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
    volumeMounts: [{name: work, mountPath: /work}]
  containers:
  - name: web
    image: nginx:1.25.3
    imagePullPolicy: IfNotPresent
    ports: [{name: http, containerPort: 8080, protocol: TCP}]
    env:
    - {name: MODE, value: production}
    - name: POD_NAMESPACE
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 500m, memory: 128Mi}}
    readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}
    livenessProbe: {tcpSocket: {port: http}, initialDelaySeconds: 5}
    volumeMounts: [{name: work, mountPath: /work, readOnly: true}, {name: tmp, mountPath: /tmp}]
  volumes:
  - {name: work, emptyDir: {}}
  - {name: tmp, emptyDir: {sizeLimit: 64Mi}}
`;
}

function writeFixtures(dir, files, pods) {
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let p = 0; p < pods; p++) docs.push(podYaml(f, p));
    fs.writeFileSync(path.join(dir, `pods-${String(f).padStart(3, '0')}.yaml`), docs.join('---\n'));
  }
}

function measure(dir, root) {
  const timeFile = path.join(os.tmpdir(), `bench-lint-time-${process.pid}.txt`);
  const bin = path.join(root, 'bin', 'cdk8s-pod-patterns');
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, bin, 'lint', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`lint exited with ${result.status}: ${result.stderr}`);
  const time = fs.readFileSync(timeFile, 'utf8');
  fs.rmSync(timeFile, { force: true });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)[1]);
  const cpuS = Number(/User time \(seconds\): ([\d.]+)/.exec(time)[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(time)[1]);
  return {
    wallMs: Math.round(wallMs), rssMb: Math.round(rssKb / 1024), cpuS: Math.round(cpuS * 100) / 100,
    load1: Math.round(os.loadavg()[0] * 10) / 10, exit: result.status, outputChars: result.stdout.length,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function row(label, results) {
  const cell = (values, digits = 0) => {
    const round = (v) => (digits === 0 ? Math.round(v) : v.toFixed(digits));
    return `${round(median(values))} (${round(Math.min(...values))}–${round(Math.max(...values))})`;
  };
  const wall = median(results.map((x) => x.wallMs));
  const rss = median(results.map((x) => x.rssMb));
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  return `| ${label} | ${cell(results.map((x) => x.wallMs))} ${verdict(wall <= TARGET_WALL_MS)} | ${cell(results.map((x) => x.rssMb))} ${verdict(rss <= TARGET_RSS_MB)} | ${cell(results.map((x) => x.cpuS), 2)} | ${cell(results.map((x) => x.load1), 1)} |\n`;
}

function main() {
  const files = flag('files', 100);
  const pods = flag('pods', 100);
  const runs = flag('runs', 3);
  const base = stringFlag('base');
  const roots = [['this checkout', path.join(__dirname, '..')], ...(base ? [[`base (${base})`, path.resolve(base)]] : [])];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lint-'));
  try {
    writeFixtures(dir, files, pods);
    const results = roots.map(() => []);
    for (let r = 0; r < runs; r++) {
      roots.forEach(([label, root], i) => {
        results[i].push(measure(dir, root));
        process.stderr.write(`lint run ${r + 1}/${runs} ${label}: ${JSON.stringify(results[i][r])}\n`);
      });
    }
    if (base && results[0][0].outputChars !== results[1][0].outputChars) {
      process.stderr.write(`warning: the two checkouts printed different output lengths (${results[0][0].outputChars} vs ${results[1][0].outputChars})\n`);
    }
    process.stdout.write(`\n## Lint: ${files * pods} Pods in ${files} files (\`cdk8s-pod-patterns lint --format json DIR\`, ${runs} runs)\n\n`);
    process.stdout.write(`Targets: wall ≤ ${TARGET_WALL_MS} ms, peak RSS ≤ ${TARGET_RSS_MB} MB (medians). ${os.cpus().length} CPUs; 1-minute load at the end of each run.\n\n`);
    process.stdout.write('| checkout | wall ms median (min–max) | peak RSS MB | CPU s (user+sys) | load |\n|---|---|---|---|---|\n');
    roots.forEach(([label], i) => process.stdout.write(row(label, results[i])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
