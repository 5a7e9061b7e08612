// The README blocks that are generated from the code, so they cannot drift:
// the quick start (examples/quick-start.ts, verbatim), the guide snippet (examples/guide-snippet.ts, as a user imports the package),
// the Pod that snippet writes when it runs, and the rules table from the rules.
// `npx projen readme` rewrites them; test/readme.test.ts fails when they are stale.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import { Explanation } from '../src/explain/explanation';
import { renderCatalogMarkdown, renderKubernetesReviewMarkdown } from '../src/rules/catalog';

export const README_PATH = join(__dirname, '..', 'README.md');
export const GUIDE_SNIPPET_PATH = join(__dirname, '..', 'examples', 'guide-snippet.ts');
export const QUICK_START_PATH = join(__dirname, '..', 'examples', 'quick-start.ts');

/** The first screen's example, as it is: it imports the package by name already. */
export function quickStart(): string {
  return '```ts\n' + readFileSync(QUICK_START_PATH, 'utf8') + '```\n';
}

/** The snippet as a user writes it: importing the package, not the repository's sources. */
export function guideSnippet(): string {
  const code = readFileSync(GUIDE_SNIPPET_PATH, 'utf8').replace("from '../src';", "from 'cdk8s-pod-patterns';");
  return '```ts\n' + code + '```\n';
}

let guidePodCache: any;

/** Runs the snippet as a program (its own `app.synth()`) and returns the Pod it wrote. */
export function guidePod(): any {
  guidePodCache ??= synthesizeGuidePod();
  return guidePodCache;
}

export function guidePodYaml(): string {
  return '```yaml\n' + Yaml.stringify(guidePod()) + '```\n';
}

/** When the README's replay assumes the guide's two Services appear. */
export const STARTUP_ORDER_ASSUMPTIONS = [{ target: 'myservice', readyAtSeconds: 5 }, { target: 'mydb', readyAtSeconds: 20 }];

/** `explain` on the guide's Pod: the gantt chart of the replay and the whole text, as the README shows them. */
export function startupOrder(): string {
  const explanation = Explanation.ofManifest(guidePod(), { assume: STARTUP_ORDER_ASSUMPTIONS });
  const args = STARTUP_ORDER_ASSUMPTIONS.map(a => `--assume ${a.target}=ready@${a.readyAtSeconds}`).join(' ');
  return [
    '```sh',
    `npx cdk8s-pod-patterns explain cdk8s.out/myapp.k8s.yaml --workload myapp-pod ${args} --format mermaid`,
    '```',
    '',
    '```mermaid',
    explanation.toMermaid().trimEnd(),
    '```',
    '',
    '<details><summary>The same with <code>--format text</code> (the default)</summary>',
    '',
    '```text',
    explanation.toText().trimEnd(),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

function synthesizeGuidePod(): any {
  const outdir = mkdtempSync(join(tmpdir(), 'guide-snippet-'));
  try {
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '-T', '-P', join(__dirname, '..', 'tsconfig.dev.json'), GUIDE_SNIPPET_PATH], {
      env: { ...process.env, CDK8S_OUTDIR: outdir, CDK8S_POD_PATTERNS_WARNINGS: 'ignore' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const manifests = Yaml.load(join(outdir, 'myapp.k8s.yaml'));
    return manifests.find(m => m.kind === 'Pod' && m.metadata.name === 'myapp-pod');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function generatedBlocks(): Record<string, string> {
  return {
    'quick-start': quickStart(),
    'guide-snippet': guideSnippet(),
    'guide-pod-yaml': guidePodYaml(),
    'rules-table': renderCatalogMarkdown(),
    'startup-order': startupOrder(),
    'rules-review': renderKubernetesReviewMarkdown(),
  };
}

/** `readme` with every `<!-- NAME:start -->…<!-- NAME:end -->` block replaced. */
export function fillBlocks(readme: string, blocks: Record<string, string>): string {
  return Object.entries(blocks).reduce((text, [name, content]) => {
    const start = `<!-- ${name}:start -->\n`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from === -1 || to < from) throw new Error(`README.md has no ${name} block`);
    return text.slice(0, from + start.length) + content + text.slice(to);
  }, readme);
}

if (require.main === module) {
  writeFileSync(README_PATH, fillBlocks(readFileSync(README_PATH, 'utf8'), generatedBlocks()));
}
