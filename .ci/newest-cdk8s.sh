#!/usr/bin/env bash
# The newest cdk8s 2.x and cdk8s-plus-28 2.x against the library, in a scratch
# copy of the repository (the checkout keeps the pinned versions):
# - the canaries of src/k8s/cdk8s-internals.ts (test/k8s/) must pass: they fail
#   when a cdk8s internal the library relies on changed, which is the signal to
#   adapt the seam before widening the peer ranges in .projenrc.ts;
# - the construct tests (test/pods, test/apps, test/waiters) are run and
#   reported, never failing this step: a snapshot or wording change in a new
#   release is news, not a broken build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# npm lists versions in publish order (backports come last): take the highest 2.x.
newest_2x() {
  npm view "$1@2" version --json | (cd "$repo" && node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(require("semver").maxSatisfying([].concat(v), "2.x"))')
}
cdk8s_version="$(newest_2x cdk8s)"
plus_version="$(newest_2x cdk8s-plus-28)"
echo "newest 2.x: cdk8s ${cdk8s_version}, cdk8s-plus-28 ${plus_version} (pinned: $(node -p "require('$repo/package.json').peerDependencies.cdk8s"), $(node -p "require('$repo/package.json').peerDependencies['cdk8s-plus-28']"))"

(cd "$repo" && git ls-files -z | xargs -0 tar cf - node_modules) | tar xf - -C "$work"
cd "$work"
# --legacy-peer-deps: the newest release may lie outside the pinned peer ranges; that is the point.
npm install --no-save --no-audit --no-fund --silent --legacy-peer-deps "cdk8s@${cdk8s_version}" "cdk8s-plus-28@${plus_version}"
node -e 'for (const p of ["cdk8s", "cdk8s-plus-28"]) console.log(`installed ${p} ${require(`${p}/package.json`).version}`)'

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
echo "::: canaries (must pass)"
npx jest --coverage=false --ci test/k8s/cdk8s-internals.test.ts

echo "::: construct tests (reported, not failing)"
if npx jest --coverage=false --ci --silent test/pods test/apps test/waiters >"$work/constructs.log" 2>&1; then
  echo "construct tests pass on cdk8s ${cdk8s_version}, cdk8s-plus-28 ${plus_version}"
else
  grep -E '^(FAIL|Tests:)|●' "$work/constructs.log" | head -40
  echo "construct tests FAIL on cdk8s ${cdk8s_version}, cdk8s-plus-28 ${plus_version} (reported only; the canaries passed)"
fi
