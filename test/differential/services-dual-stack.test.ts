/**
 * The Services of the corpus, and the allocator edges of service-range-edges.ts,
 * judged by a real kube-apiserver v1.28.7 started with the dual-stack
 * `--service-cluster-ip-range` recorded in the file
 * (test/differential/services-dual-stack.json.gz, by record.ts --kinds Service
 * --service-range-edges): with that range declared, the engine accepts and
 * rejects exactly what the server did and names every field it names. No
 * known disagreements.
 */
import { join } from 'path';
import { disagreement, rejectingFindings } from './compare';
import { CONTEXTS, loadCorpus } from './corpus';
import { generateCorpus } from './generate';
import { serviceRangeEdges } from './service-range-edges';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';

const recorded = loadCorpus(join(__dirname, 'services-dual-stack.json.gz'));

describe('differential, dual-stack: Services vs kube-apiserver 1.28 with --service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/108', () => {
  test('the recording says its server and its dual-stack range', () => {
    expect(recorded.server).toMatch(/^v1\.28\./);
    expect(recorded.serviceClusterIpRange).toBe('10.96.0.0/12,fd00:10:96::/108');
  });

  test('it holds every Service of the corpus generator and every allocator edge, unchanged', () => {
    const expected = [...generateCorpus(recorded.seed).filter((g) => g.kind === 'Service'), ...serviceRangeEdges()];
    expect(recorded.entries.map((e) => e.id)).toEqual(expected.map((g) => g.id));
    expected.forEach((g, i) => expect({ id: g.id, object: g.object }).toEqual({ id: recorded.entries[i].id, object: recorded.entries[i].object }));
  });

  test('the engine with the same range agrees on every Service: verdict and fields', () => {
    const found: string[] = [];
    for (const entry of recorded.entries) {
      // Pod Security admission does not judge Services: the three namespaces gave the same verdict.
      expect(CONTEXTS.map((context) => entry.verdicts[context].accepted)).toEqual(CONTEXTS.map(() => entry.verdicts.none.accepted));
      const all = lintObjects([entry.object], { profile: SecurityProfile.PRIVILEGED, serviceClusterIpRange: recorded.serviceClusterIpRange });
      const kind = disagreement(entry, 'none', rejectingFindings(entry, 'none', all));
      if (kind !== undefined) found.push(`${entry.id} (${entry.operators.join(', ')}): ${kind}`);
    }
    expect(found).toEqual([]);
  });

  test('the edges test both verdicts: the dual-stack server accepts some and rejects others', () => {
    const edges = recorded.entries.filter((e) => e.id.startsWith('ServiceRange-'));
    expect(edges.filter((e) => e.verdicts.none.accepted).length).toBeGreaterThanOrEqual(10);
    expect(edges.filter((e) => !e.verdicts.none.accepted).length).toBeGreaterThanOrEqual(10);
  });
});
