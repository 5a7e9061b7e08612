// The README blocks that are generated from the code, so they cannot drift:
// the guide's Pod as synthesized, and the rules table from the catalogue.
// `npx projen readme` rewrites them; test/readme.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Testing, Yaml } from 'cdk8s';
import { GuideChart } from '../examples/guide-chart';
import { renderCatalogMarkdown } from '../src/rules/catalog';

export const README_PATH = join(__dirname, '..', 'README.md');

export function guidePodYaml(): string {
  const manifests = new GuideChart(Testing.app(), 'myapp').toJson();
  const pod = manifests.find(m => m.kind === 'Pod' && m.metadata.name === 'myapp-pod');
  return '```yaml\n' + Yaml.stringify(pod) + '```\n';
}

export function generatedBlocks(): Record<string, string> {
  return {
    'guide-pod-yaml': guidePodYaml(),
    'rules-table': renderCatalogMarkdown(),
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
