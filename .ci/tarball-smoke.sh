#!/usr/bin/env bash
# The README's plugin snippet, for a package installed from a tarball: pack the
# compiled library, install the tarball into a scratch cdk8s app with
# cdk8s-plus-28, and run `cdk8s synth` there with the snippet as the README
# writes it. A clean app must synthesize; a privileged Pod must fail the synth.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$repo" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/cdk8s-pod-patterns-*.tgz)"

mkdir "$work/app" && cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tarball" cdk8s@2.70.0 cdk8s-plus-28@2.5.6 constructs@10.4.2

# The plugin block exactly as the README shows it, with the version this app installed.
installed="$(node -p "require('cdk8s-pod-patterns/package.json').version")"
{
  printf 'language: javascript\napp: node main.js\noutput: cdk8s.out\n'
  awk '/^\*\*cdk8s CLI validation plugin\.\*\*/{found=1} found && /^```yaml$/{inside=1; next} inside && /^```$/{exit} inside' "$repo/README.md" \
    | sed "s/^\(    version: \)[^ ]*/\1$installed/"
} > cdk8s.yaml
grep -q 'package: ./node_modules/cdk8s-pod-patterns' cdk8s.yaml || { cat cdk8s.yaml; echo "README plugin snippet not found"; exit 1; }

cat > main.js <<'JS'
const { App, Chart, ApiObject } = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const { InitGatedApp, WaitFor } = require('cdk8s-pod-patterns');

const app = new App();
const chart = new Chart(app, 'smoke');
const db = new kplus.Service(chart, 'db', { metadata: { name: 'db' }, ports: [{ port: 5432 }] });
new InitGatedApp(chart, 'api', {
  waitFor: [WaitFor.service(db)],
  containers: [{ name: 'api', image: 'busybox:1.36.1', command: ['sleep', '3600'], securityContext: { user: 1000, group: 1000 } }],
});
if (process.env.SMOKE_PRIVILEGED) {
  new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'raw' },
    spec: { containers: [{ name: 'x', image: 'busybox:1.36.1', securityContext: { privileged: true } }] } });
}
app.synth();
JS

cdk8s="$repo/node_modules/.bin/cdk8s"
CDK8S_POD_PATTERNS_WARNINGS=ignore "$cdk8s" synth --check-upgrade=false > synth.log 2>&1 || { cat synth.log; echo "synth of the clean app failed"; exit 1; }
grep -q 'Status  │ success' synth.log || { cat synth.log; echo "the plugin did not run"; exit 1; }
test -s cdk8s.out/smoke.k8s.yaml
if SMOKE_PRIVILEGED=1 "$cdk8s" synth --check-upgrade=false > bad.log 2>&1; then
  cat bad.log; echo "synth of a privileged Pod should have failed"; exit 1
fi
grep -q 'pss-baseline-privileged \[error\]' bad.log || { cat bad.log; echo "the plugin's report lacks the privileged finding"; exit 1; }
echo "tarball $(basename "$tarball") installs, and cdk8s synth runs its plugin as the README shows"
