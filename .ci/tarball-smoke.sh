#!/usr/bin/env bash
# A new user's first hour, from the README alone: a scaffolded `cdk8s init
# typescript-app` app (.ci/scaffold-typescript-app.js: the same template, offline),
# the README's Install section run as written (tarball path: a clone of this
# repository, `npm pack`, `npm install` of the tarball next to cdk8s-plus-28), the
# README's quick start as main.ts, the README's plugin snippet in cdk8s.yaml, then
# `cdk8s synth` with the app's own cdk8s-cli:
#  - the quick start synthesizes and the plugin reports success;
#  - a BASELINE workload built with the constructs passes the snippet as written
#    (one verdict per app) and fails it with `minimumProfile: restricted`, named;
#  - a privileged raw ApiObject fails the synth with the plugin's report.
# Then the README's side-by-side path (Kubernetes versions): a second copy of the
# scaffolded app keeps its cdk8s-plus-33 and gets cdk8s-plus-28 and the tarball by
# the README's install-side-by-side line; the README's side-by-side program (a
# cdk8s-plus-33 Service and the constructs, Kubernetes 1.33) synthesizes and
# passes `lint --kubernetes-version 1.33`; the default 1.28 lint warns about its sidecar.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
readme="$repo/README.md"

# The fenced block that follows a marker line of the README.
block_after() {
  awk -v marker="$1" 'index($0, marker) == 1 {found=1; next} found && /^```/ {if (inside) exit; inside=1; next} inside' "$readme"
}

echo "--- scaffold: cdk8s init typescript-app (offline)"
mkdir "$work/my-app"
node "$repo/.ci/scaffold-typescript-app.js" "$work/my-app"
(cd "$work/my-app" && npm install --no-audit --no-fund --silent)
# the side-by-side app starts from the same scaffold, before the Install section switches it to cdk8s-plus-28
cp -a "$work/my-app" "$work/side-by-side"

echo "--- the README's Install section, tarball path, as written (the clone is of this checkout's HEAD)"
install_script="$(block_after '<!-- install-tarball -->')"
grep -q '^npm install cdk8s-plus-28' <<<"$install_script" || { echo "README: no install-tarball block"; exit 1; }
clone_url="$(sed -n 's/^git clone \([^ ]*\) .*/\1/p' <<<"$install_script")"
# the clone goes to the directory name the URL gives: cdk8s-pod-patterns
(cd "$work" && bash -euxo pipefail -c "${install_script//$clone_url/$repo cdk8s-pod-patterns}")
installed="$(cd "$work/my-app" && node -p "require('cdk8s-pod-patterns/package.json').version")"
# (cdk8s-cli itself depends on cdk8s-plus-33, so it stays in node_modules; the app no longer does)
if (cd "$work/my-app" && node -e "process.exit(require('./package.json').dependencies['cdk8s-plus-33'] ? 0 : 1)"); then
  echo "the app still depends on cdk8s-plus-33 after the README's uninstall line"; exit 1
fi
echo "installed cdk8s-pod-patterns $installed from $(ls "$work"/cdk8s-pod-patterns/cdk8s-pod-patterns-*.tgz)"

cd "$work/my-app"
echo "--- main.ts: the README's quick start; cdk8s.yaml: the README's plugin snippet"
block_after '<!-- quick-start:start -->' > main.ts
grep -q "from 'cdk8s-pod-patterns'" main.ts || { echo "README: no quick start"; exit 1; }
block_after '**cdk8s CLI validation plugin.**' | sed "s/^\(    version: \)[^ ]*/\1$installed/" >> cdk8s.yaml
grep -q 'package: ./node_modules/cdk8s-pod-patterns' cdk8s.yaml || { cat cdk8s.yaml; echo "README plugin snippet not found"; exit 1; }
cat cdk8s.yaml

synth() { # synth LOG [cdk8s synth args]
  local log="$1"; shift
  npx cdk8s synth --check-upgrade=false "$@" > "$log" 2>&1
}

synth quick-start.log || { cat quick-start.log; echo "the README's quick start failed cdk8s synth"; exit 1; }
grep -qE 'Status +│ success' quick-start.log || { cat quick-start.log; echo "the plugin did not run"; exit 1; }
# the template's cdk8s.yaml names no output: cdk8s writes to dist/
grep -q 'kind: Deployment' dist/shop.k8s.yaml || { ls -R dist; echo "no Deployment in dist/shop.k8s.yaml"; exit 1; }
echo "quick start: synthesized, plugin success"

cat > baseline.ts <<'TS'
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, SecurityProfile } from 'cdk8s-pod-patterns';

// nginx starts as root: BASELINE, as the README's security section advises for such images
const app = new App();
const chart = new Chart(app, 'front');
new InitGatedApp(chart, 'web', {
  metadata: { name: 'web' },
  securityProfile: SecurityProfile.BASELINE,
  containers: [{
    name: 'nginx',
    image: 'nginx:1.27.2',
    portNumber: 80,
    resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64) } },
  }],
});
app.synth();
TS
synth baseline.log --app 'npx ts-node baseline.ts' || { cat baseline.log; echo "a BASELINE app the constructs accept failed the README's plugin snippet"; exit 1; }
grep -qE 'Status +│ success' baseline.log || { cat baseline.log; echo "the plugin did not run"; exit 1; }
echo "BASELINE workload: passes the plugin as the README configures it"

cp cdk8s.yaml cdk8s.yaml.readme
sed 's/^\(      profile: .*\)$/\1\n      minimumProfile: restricted/' cdk8s.yaml.readme > cdk8s.yaml
grep -q 'minimumProfile: restricted' cdk8s.yaml
if synth minimum.log --app 'npx ts-node baseline.ts'; then
  cat minimum.log; echo "minimumProfile: restricted should fail a BASELINE workload"; exit 1
fi
grep -q 'pss-restricted-run-as-non-root \[error\]' minimum.log || { cat minimum.log; echo "the report lacks the restricted finding"; exit 1; }
grep -q 'Construct Path: front/web/Deployment/Resource' minimum.log || { cat minimum.log; echo "the report does not name the workload"; exit 1; }
echo "minimumProfile: restricted fails it, naming front/web"
cp cdk8s.yaml.readme cdk8s.yaml

cat > privileged.ts <<'TS'
import { ApiObject, App, Chart } from 'cdk8s';

const app = new App();
const chart = new Chart(app, 'raw');
new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'raw' },
  spec: { containers: [{ name: 'x', image: 'busybox:1.36.1', securityContext: { privileged: true } }] } });
app.synth();
TS
if synth privileged.log --app 'npx ts-node privileged.ts'; then
  cat privileged.log; echo "synth of a privileged Pod should have failed"; exit 1
fi
grep -q 'pss-baseline-privileged \[error\]' privileged.log || { cat privileged.log; echo "the plugin's report lacks the privileged finding"; exit 1; }
echo "privileged raw ApiObject: the plugin fails the synth"

echo "--- side by side: the scaffold's cdk8s-plus-33 kept, cdk8s-plus-28 and the tarball installed next to it"
cd "$work/side-by-side"
side_install="$(block_after '<!-- install-side-by-side -->')"
grep -q '^npm install cdk8s-plus-28@[^ ]* cdk8s-pod-patterns$' <<<"$side_install" || { echo "README: no install-side-by-side block"; exit 1; }
tarball="$(ls "$work"/cdk8s-pod-patterns/cdk8s-pod-patterns-*.tgz)"
bash -euxo pipefail -c "${side_install/% cdk8s-pod-patterns/ $tarball}"
node -e "const d = require('./package.json').dependencies; process.exit(d['cdk8s-plus-33'] && d['cdk8s-plus-28'] && d['cdk8s-pod-patterns'] ? 0 : 1)" \
  || { cat package.json; echo "the app should depend on cdk8s-plus-33, cdk8s-plus-28 and cdk8s-pod-patterns"; exit 1; }
block_after '<!-- side-by-side:start -->' > main.ts
grep -q "from 'cdk8s-plus-33'" main.ts && grep -q 'KubernetesVersion.V1_33' main.ts || { cat main.ts; echo "README: no side-by-side program"; exit 1; }
synth side-by-side.log || { cat side-by-side.log; echo "the README's side-by-side program failed cdk8s synth"; exit 1; }
grep -q 'kind: Service' dist/shop.k8s.yaml && grep -q 'kind: Deployment' dist/shop.k8s.yaml || { cat dist/shop.k8s.yaml; echo "the cdk8s-plus-33 Service or the Deployment is missing"; exit 1; }
npx cdk8s-pod-patterns lint --kubernetes-version 1.33 dist/ > lint-1.33.log 2>&1 || { cat lint-1.33.log; echo "lint --kubernetes-version 1.33 failed the side-by-side app"; exit 1; }
if grep -q bp-sidecar-feature-gate lint-1.33.log; then cat lint-1.33.log; echo "1.33 enables native sidecars by default: no gate warning expected"; exit 1; fi
npx cdk8s-pod-patterns lint dist/ > lint-1.28.log 2>&1 || { cat lint-1.28.log; echo "the default lint failed the side-by-side app"; exit 1; }
grep -q 'warning  bp-sidecar-feature-gate' lint-1.28.log || { cat lint-1.28.log; echo "the default (1.28) lint should warn that native sidecars need the gate"; exit 1; }
echo "side by side: cdk8s-plus-33 and the constructs in one chart synthesize for 1.33 and pass lint --kubernetes-version 1.33"

echo "tarball cdk8s-pod-patterns $installed: installed as the README says into a typescript-app, the README's example and plugin work, also next to cdk8s-plus-33"
