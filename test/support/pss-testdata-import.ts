/**
 * Writes test/fixtures/pss-testdata.json.gz: pod-security-admission's own
 * per-version fixtures (test/testdata/{baseline,restricted}/v1.N/{pass,fail}/*.yaml
 * at tag v0.35.0 of k8s.io/pod-security-admission, the staging repository of
 * Kubernetes 1.35), for 1.28 to 1.35. Each fixture says whether the PodSecurity
 * plugin admits the Pod at that level and policy version.
 *
 *   PSA_REPO=/path/to/pod-security-admission.git npx ts-node -P tsconfig.dev.json test/support/pss-testdata-import.ts
 *
 * Test support only: never imported by the library.
 */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { parse } from 'yaml';

const TAG = 'v0.35.0';

export interface PssFixture {
  /** `1.30` */
  readonly version: string;
  readonly level: 'baseline' | 'restricted';
  readonly admitted: boolean;
  /** The fixture's file name, e.g. `sysctls1.yaml`. */
  readonly name: string;
  readonly object: any;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function fixtures(repo: string): PssFixture[] {
  const found: PssFixture[] = [];
  for (let minor = 28; minor <= 35; minor++) {
    for (const level of ['baseline', 'restricted'] as const) {
      for (const outcome of ['pass', 'fail']) {
        const dir = `test/testdata/${level}/v1.${minor}/${outcome}/`;
        for (const path of git(repo, 'ls-tree', '--name-only', TAG, dir).split('\n').filter((p) => p.endsWith('.yaml'))) {
          found.push({ version: `1.${minor}`, level, admitted: outcome === 'pass', name: path.slice(dir.length), object: parse(git(repo, 'show', `${TAG}:${path}`)) });
        }
      }
    }
  }
  return found;
}

if (require.main === module) {
  const repo = process.env.PSA_REPO;
  if (repo === undefined) throw new Error('set PSA_REPO to a clone (git dir) of github.com/kubernetes/pod-security-admission');
  const all = fixtures(repo);
  writeFileSync(join(__dirname, '..', 'fixtures', 'pss-testdata.json.gz'), gzipSync(JSON.stringify({ source: `k8s.io/pod-security-admission ${TAG} test/testdata`, fixtures: all })));
  console.log(`${all.length} fixtures`);
}
