// `cdk8s init typescript-app` without network: the same template, filled by the
// same sscaff with the versions cdk8s-cli's init resolves (cdk8s, cdk8s-plus-33,
// constructs, cdk8s-cli), minus the template's post hook, whose `cdk8s import`
// downloads the Kubernetes schema from GitHub. The caller runs the hook's offline
// steps (npm install). Usage: node scaffold-typescript-app.js EMPTY_DIR
const fs = require('fs');
const os = require('os');
const path = require('path');

const target = path.resolve(process.argv[2]);
const cliDir = path.dirname(require.resolve('cdk8s-cli/package.json'));
const cli = require(path.join(cliDir, 'package.json'));
const versionOf = (name) => require(require.resolve(`${name}/package.json`, { paths: [cliDir] })).version;
const { sscaff } = require(require.resolve('sscaff', { paths: [cliDir] }));

const staged = fs.mkdtempSync(path.join(os.tmpdir(), 'typescript-app-template-'));
fs.cpSync(path.join(cliDir, 'templates', 'typescript-app'), staged, { recursive: true });
fs.rmSync(path.join(staged, '.hooks.sscaff.js'));

sscaff(staged, target, {
  cdk8s_core_version: versionOf('cdk8s'),
  cdk8s_plus_version: versionOf('cdk8s-plus-33'),
  constructs_version: cli.dependencies.constructs.replace('^', ''),
  cdk8s_cli_spec: `^${cli.version}`,
}).then(() => {
  fs.rmSync(staged, { recursive: true, force: true });
  process.stdout.write(`scaffolded ${target} from cdk8s-cli ${cli.version}'s typescript-app template\n`);
}, (e) => {
  process.stderr.write(`scaffold failed: ${e.message}\n`);
  process.exit(1);
});
