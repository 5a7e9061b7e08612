import { readFileSync } from 'fs';
import { fillBlocks, generatedBlocks, README_PATH } from '../docs/readme-blocks';

test('README\'s first screen is for users: install, the quick start, then Development with the two set-up commands', () => {
  const readme = readFileSync(README_PATH, 'utf8');
  const [, install, , quickStart] = readme.split('```');
  expect(install).toMatch(/^sh\nnpm install cdk8s-plus-28@\^2\.5\.6 cdk8s-pod-patterns /);
  expect(quickStart).toMatch(/^ts\nimport \{ App, Chart, Size \} from 'cdk8s';\n/);
  const sections = readme.split(/^## /m).map(section => section.split('\n')[0]);
  expect(sections.slice(1, 3)).toEqual(['Development', 'Contents']);
  const development = readme.slice(readme.indexOf('## Development'));
  expect(development.split('```')[1]).toMatch(/^sh\nnpm ci && npm run synth .*\nnpm test /);
});

test('README names cdk8s-plus-33, which today\'s scaffold brings, among the lines to uninstall', () => {
  const readme = readFileSync(README_PATH, 'utf8');
  expect(readme).toContain('npm uninstall cdk8s-plus-29 cdk8s-plus-30 cdk8s-plus-31 cdk8s-plus-32 cdk8s-plus-33\n');
});

test('README\'s generated blocks (guide Pod YAML, rules table) match the code: run `npx projen readme` when this fails', () => {
  const readme = readFileSync(README_PATH, 'utf8');
  expect(fillBlocks(readme, generatedBlocks())).toBe(readme);
});
