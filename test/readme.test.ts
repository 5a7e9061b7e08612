import { readFileSync } from 'fs';
import { fillBlocks, generatedBlocks, README_PATH } from '../docs/readme-blocks';

test('README starts with the two commands a newcomer runs', () => {
  const readme = readFileSync(README_PATH, 'utf8');
  const firstBlock = readme.split('```')[1];
  expect(firstBlock).toMatch(/^sh\nnpm ci && npm run synth .*\nnpm test /);
});

test('README\'s generated blocks (guide Pod YAML, rules table) match the code: run `npx projen readme` when this fails', () => {
  const readme = readFileSync(README_PATH, 'utf8');
  expect(fillBlocks(readme, generatedBlocks())).toBe(readme);
});
