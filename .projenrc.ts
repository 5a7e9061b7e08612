import { cdk8s, DependencyType, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-pod-patterns',
  description: 'Typed cdk8s constructs for Kubernetes 1.28 Pods that encode the documented best practices: bounded init-container waiters, Kubernetes-exact image pull and restart policies, hardened security.',
  author: 'cdk8s-pod-patterns maintainers',
  authorAddress: 'maintainers@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk8s-pod-patterns/cdk8s-pod-patterns.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk8s', 'kubernetes', 'pod', 'init-container', 'pod-security'],

  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  minNodeVersion: '20.0.0',
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.4.2',
  // src/k8s/cdk8s-internals.ts relies on what these lines do; its canaries run on the newest
  // releases in CI (.ci/newest-cdk8s.sh) before a range is widened.
  peerDeps: ['cdk8s-plus-28@~2.5.6'],
  devDeps: [
    'cdk8s-plus-28@~2.5.6',
    'cdk8s-cli@^2.200.0',
    'kubernetes-models@~4.5.0',
    // explain: its JSON output is validated against schema/explain.schema.json, its Mermaid parsed
    'ajv@^8.17.0',
    'mermaid@^12.3.0',
    // test/pods/bundled-app.test.ts: the guard must behave the same in a bundled app
    'esbuild@^0.28.2',
    // The packed tarball is checked in CI as a consumer's Node and TypeScript would load it.
    'publint@^0.3.25',
    '@arethetypeswrong/cli@^0.18.5',
    // `npm run synth` resolves the gallery's `import … from 'cdk8s-pod-patterns'` to src/.
    'tsconfig-paths@^4.2.0',
  ],
  // js-yaml: lint's fast YAML path (src/manifests); yaml: the exact path and its error positions.
  bundledDeps: ['yaml@^2.6.0', 'js-yaml@^5.5.0'],
  bin: { 'cdk8s-pod-patterns': 'bin/cdk8s-pod-patterns' },

  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'docs', 'projenrc'],
    tsconfigPath: './tsconfig.dev.json',
  },
  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/cdk8s.out/'],
      // Coverage measures the library, not its tests, examples or fixtures.
      collectCoverageFrom: ['src/**/*.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-warnings.ts'],
      // examples/compose/main.ts imports the package by name, as the importer writes it
      moduleNameMapper: { '^cdk8s-pod-patterns$': '<rootDir>/src/index.ts' },
    },
  },

  // Targets exist so that `jsii-pacmak --code-only` proves every export crosses languages.
  publishToPypi: { distName: 'cdk8s-pod-patterns', module: 'cdk8s_pod_patterns' },
  publishToMaven: {
    javaPackage: 'io.github.cdk8s_pod_patterns',
    mavenGroupId: 'io.github.cdk8s-pod-patterns',
    mavenArtifactId: 'cdk8s-pod-patterns',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sPodPatterns', packageId: 'Cdk8sPodPatterns' },
  publishToGo: { moduleName: 'github.com/cdk8s-pod-patterns/cdk8s-pod-patterns-go' },

  github: false,
  // Release machinery for a team that publishes: `npx projen release` computes the
  // version from conventional commits since the last tag, writes dist/changelog.md
  // and the packages, and tags nothing itself (CI runs it with `npm publish
  // --dry-run`; a real publish is a maintainer's `npm publish dist/js/*.tgz`).
  release: true,
  releaseToNpm: true,
  // The first release is 0.1.0, after that conventional commits decide.
  nextVersionCommand: 'node projenrc/next-version.js',
  gitignore: ['cdk8s.out/', 'bench/results/'],
});

// cdk8s ships 2.70.x patch releases continually: the peer range is that line, not ^2.70.0.
project.deps.removeDependency('cdk8s', DependencyType.PEER);
project.deps.addDependency('cdk8s@~2.70.0', DependencyType.PEER);

// The project service resolves each file's nearest tsconfig.json, which only
// covers src/; lint everything through the dev tsconfig instead.
const eslintrc = project.tryFindObjectFile('.eslintrc.json');
eslintrc?.addDeletionOverride('parserOptions.projectService');
eslintrc?.addOverride('parserOptions.project', './tsconfig.dev.json');

// The value lists the Node majors whose end-of-life banner jsii should not print.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

const synth = project.addTask('synth', {
  description: 'Synthesize the example app (examples/main.ts) into cdk8s.out/, validated by the PodPatternsValidation plugin',
});
synth.spawn(project.compileTask); // cdk8s.yaml loads the plugin from lib/
synth.exec('cdk8s synth --check-upgrade=false');

// Type-aware lint of .projenrc.ts needs it in the dev tsconfig (dot files escape **/*.ts).
project.tsconfigDev.addInclude('.projenrc.ts');
// Generated apps (examples/compose/main.ts) import the package by name, as a user's app does.
project.tsconfigDev.file.addOverride('compilerOptions.paths', { 'cdk8s-pod-patterns': ['./src/index.ts'] });
project.npmignore?.exclude('/bench/', '/docs/', '/examples/', '/cdk8s.out/', '/cdk8s.yaml', '/.ci/');
// A lean tarball: only what Node loads at run time. lib/ without inline source
// maps; API.md is read on the repository, not in node_modules; the bundled yaml
// and js-yaml without their browser builds and typings (projenrc/prepack.js says how and why).
project.npmignore?.exclude('/API.md', '/CHANGELOG.md');
// Said, not guessed: Node need not detect the module format (publint's advice).
project.package.addField('type', 'commonjs');
// `npx projen package` without CI packages every language: on a machine without
// one of their toolchains (Maven, .NET, Go, pip) it skips that one with a note.
const packageAll = project.tasks.tryFind('package-all');
packageAll?.reset();
packageAll?.spawn(project.tasks.tryFind('package:js')!);
for (const language of ['java', 'python', 'dotnet', 'go']) {
  packageAll?.exec(`node projenrc/package-language.js ${language}`);
}

project.addTask('prepack', {
  description: 'Run by npm pack: refuse an uncompiled clone, leave the bundled yaml\'s and js-yaml\'s browser builds, typings and source maps out',
  exec: 'node projenrc/prepack.js',
});
project.tsconfig?.file.addOverride('compilerOptions.inlineSourceMap', false);
project.tsconfig?.file.addOverride('compilerOptions.inlineSources', false);

project.addTask('bench', {
  description: 'Benchmark synth cost of the constructs against cdk8s-plus-28 written by hand, and lint of 10,000 Pods (bench/README.md)',
  steps: [{ spawn: 'compile' }, { exec: 'node bench/run.js', receiveArgs: true }, { exec: 'node bench/lint.js' }],
});

project.addTask('readme', {
  description: 'Regenerate the README blocks generated from the code (guide Pod YAML, rules table, startup order from explain)',
  exec: 'ts-node -P tsconfig.dev.json docs/readme-blocks.ts',
});

project.synth();
