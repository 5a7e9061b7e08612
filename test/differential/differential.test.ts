/**
 * The differential test (issue 13): the engine's verdict on every object of the
 * committed corpus equals the verdict a real Kubernetes 1.28 API server gave it
 * (test/differential/corpus.json.gz, recorded by record.ts), in a namespace
 * without Pod Security enforcement and in `baseline` and `restricted` ones.
 *
 * Until the port of Kubernetes' validation is complete, the disagreements left
 * are listed in known-disagreements.json, a ratchet: a new disagreement fails
 * the test, and so does a listed one that is fixed (remove it from the list:
 * `UPDATE_DISAGREEMENTS=1 npx jest test/differential/differential.test.ts`
 * rewrites it, to be reviewed in the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Disagreement, disagreement, rejectingFindings } from './compare';
import { CONTEXTS, CorpusEntry, GATE_RECORDINGS_DIR, loadCorpus, loadGateRecording } from './corpus';
import { generateCorpus } from './generate';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';

const KNOWN_FILE = join(__dirname, 'known-disagreements.json');
/** The recording server's `--service-cluster-ip-range` (single-stack IPv4, the kubeadm default): the cluster fact its IP allocator judged Services by. */
const RECORDING_SERVER_SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';
const corpus = loadCorpus();
/** A listed disagreement and why it is not a bug of the engine (or what is left to port). */
interface KnownDisagreement {
  readonly disagreement: Disagreement;
  readonly reason: string;
}
const known: Record<string, KnownDisagreement> = existsSync(KNOWN_FILE) ? JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) : {};

function currentDisagreements(
  entries: readonly CorpusEntry[] = corpus.entries, kubernetesVersion = KubernetesVersion.V1_28,
): Record<string, Disagreement> {
  const found: Record<string, Disagreement> = {};
  for (const entry of entries) {
    for (const context of CONTEXTS) {
      // Only a Pod's verdict depends on the namespace's Pod Security level.
      if (context !== 'none' && entry.kind !== 'Pod') continue;
      const profile = context === 'none' ? SecurityProfile.PRIVILEGED : context === 'baseline' ? SecurityProfile.BASELINE : SecurityProfile.RESTRICTED;
      const all = lintObjects([entry.object], { profile, kubernetesVersion, serviceClusterIpRange: RECORDING_SERVER_SERVICE_CLUSTER_IP_RANGE });
      const kind = disagreement(entry, context, rejectingFindings(entry, context, all));
      if (kind !== undefined) found[`${entry.id}/${context}`] = kind;
    }
  }
  return found;
}

function agreementTable(found: Record<string, Disagreement>): string {
  const rows = new Map<string, { objects: number; agree: number; falsePass: number; falseError: number; field: number }>();
  for (const entry of corpus.entries) {
    const row = rows.get(entry.kind) ?? { objects: 0, agree: 0, falsePass: 0, falseError: 0, field: 0 };
    rows.set(entry.kind, row);
    for (const context of CONTEXTS) {
      if (context !== 'none' && entry.kind !== 'Pod') continue;
      row.objects++;
      const kind = found[`${entry.id}/${context}`];
      if (kind === undefined) row.agree++;
      else if (kind === 'false-pass') row.falsePass++;
      else if (kind === 'false-error') row.falseError++;
      else row.field++;
    }
  }
  const lines = ['kind                    verdicts  agree  false-pass  false-error  field'];
  for (const [kind, r] of rows) {
    lines.push(`${kind.padEnd(24)}${String(r.objects).padStart(8)}${String(r.agree).padStart(7)}${String(r.falsePass).padStart(12)}${String(r.falseError).padStart(13)}${String(r.field).padStart(7)}`);
  }
  return lines.join('\n');
}

describe('differential: engine vs kube-apiserver 1.28 (test/differential/corpus.json.gz)', () => {
  test('the corpus was judged by a 1.28 API server and holds at least 3,000 objects of every kind of issue 13 and ReplicationControllers', () => {
    expect(corpus.server).toMatch(/^v1\.28\./);
    expect(corpus.entries.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(corpus.entries.map((e) => e.kind))).toEqual(new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob',
      'Service', 'PersistentVolumeClaim', 'ConfigMap', 'Secret', 'ServiceAccount', 'Namespace', 'ReplicationController']));
  });

  test('the corpus objects are what the generator makes today (regenerate the verdicts after changing it)', () => {
    const generated = generateCorpus(corpus.seed);
    expect(generated.map((g) => g.id)).toEqual(corpus.entries.map((e) => e.id));
    generated.forEach((g, i) => expect({ id: g.id, object: g.object }).toEqual({ id: corpus.entries[i].id, object: corpus.entries[i].object }));
  });

  test('every disagreement with the server is a known one, and every known one still happens', () => {
    const found = currentDisagreements();
    process.stdout.write(`\n${agreementTable(found)}\n`);
    if (process.env.UPDATE_DISAGREEMENTS === '1') {
      const entries = Object.entries(found).sort().map(([id, kind]) => [id, { disagreement: kind, reason: known[id]?.reason ?? 'not ported yet' }]);
      writeFileSync(KNOWN_FILE, `${JSON.stringify(Object.fromEntries(entries), null, 1)}\n`);
      return;
    }
    const fresh = Object.entries(found).filter(([id, kind]) => known[id]?.disagreement !== kind).map(([id, kind]) => `${id}: ${kind}`);
    const fixed = Object.keys(known).filter((id) => found[id] === undefined);
    expect({ newDisagreements: fresh, fixedButStillListed: fixed }).toEqual({ newDisagreements: [], fixedButStillListed: [] });
  });
});

// The same corpus judged by kube-apiserver v1.28.7 started with --feature-gates (test/differential/gates/, recorded with
// record.ts --feature-gates): the engine told the same gates (KubernetesVersion.withFeatureGates) must agree as well.
const GATE_FILES = readdirSync(GATE_RECORDINGS_DIR).filter((file) => file.endsWith('.json.gz')).sort();

describe.each(GATE_FILES)('differential with the feature gates of gates/%s', (file) => {
  const recording = loadGateRecording(join(GATE_RECORDINGS_DIR, file));

  test('judged the whole corpus on a 1.28 server, and the gates changed some verdicts', () => {
    expect(recording.server).toMatch(/^v1\.28\./);
    expect(recording.judged).toBe(corpus.entries.length);
    expect(Object.keys(recording.verdicts).length).toBeGreaterThan(0);
    expect(Object.keys(recording.verdicts).every((id) => corpus.entries.some((e) => e.id === id))).toBe(true);
  });

  test('the engine with the same gates agrees on every object but the known disagreements', () => {
    const entries = corpus.entries.map((entry) => ({ ...entry, verdicts: recording.verdicts[entry.id] ?? entry.verdicts }));
    const found = currentDisagreements(entries, KubernetesVersion.V1_28.withFeatureGates(recording.featureGates));
    const fresh = Object.entries(found).filter(([id, kind]) => known[id]?.disagreement !== kind).map(([id, kind]) => `${id}: ${kind}`);
    expect(fresh).toEqual([]);
  });
});
