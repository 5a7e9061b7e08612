// `npx projen package` on a developer machine: package one jsii language when
// its toolchain is installed, otherwise say in one line what is missing and go
// on (the npm tarball never needs one). CI (CI=1) packages JavaScript only and
// proves every other language with `jsii-pacmak --code-only` (.ci/run).
const { spawnSync } = require('child_process');

const TOOLCHAINS = {
  java: ['mvn'],
  python: ['python3', 'pip3'],
  dotnet: ['dotnet'],
  go: ['go'],
};

const language = process.argv[2];
const tools = TOOLCHAINS[language];
if (tools === undefined) {
  process.stderr.write(`package-language: unknown language "${language}": use ${Object.keys(TOOLCHAINS).join(', ')}\n`);
  process.exit(2);
}
const missing = tools.filter(tool => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
if (missing.length > 0) {
  process.stdout.write(`package: skipped ${language}: ${missing.join(', ')} not found (install ${missing.length > 1 ? 'them' : 'it'} to package ${language}; the npm tarball is in dist/js)\n`);
  process.exit(0);
}
const result = spawnSync('npx', ['projen', `package:${language}`], { stdio: 'inherit' });
process.exit(result.status ?? 1);
