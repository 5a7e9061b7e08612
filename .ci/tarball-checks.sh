#!/usr/bin/env bash
# The npm tarball as a release would publish it (dist/js/*.tgz from `projen package`):
# a size budget, only what Node needs at run time, clean for publint and
# arethetypeswrong, and accepted by `npm publish --dry-run` (nothing is published).
set -euo pipefail
tarball="${1:?usage: tarball-checks.sh PATH.tgz}"
budget_kb=600

size_bytes=$(stat -c %s "$tarball")
files=$(tar tzf "$tarball" | grep -vc '/$')
echo "tarball $(basename "$tarball"): $(( size_bytes / 1024 )) KB packed, $files files (budget ${budget_kb} KB)"
if (( size_bytes > budget_kb * 1024 )); then
  echo "the tarball is over its ${budget_kb} KB budget: see what grew with tar tzvf $tarball | sort -k3 -n"; exit 1
fi

# The bundled yaml: its Node build only (projenrc/prepack.js), and no source maps in lib/.
unwanted=$(tar tzf "$tarball" | grep -E '^package/node_modules/yaml/browser/|^package/node_modules/.*\.d\.ts$|^package/(src|test)/|\.map$' || true)
if [ -n "$unwanted" ]; then
  echo "files Node never loads are in the tarball:"; echo "$unwanted" | head -20; exit 1
fi
if tar xzOf "$tarball" package/lib/index.js | grep -q 'sourceMappingURL=data:'; then
  echo "lib/ carries inline source maps"; exit 1
fi

npx publint run --strict "$tarball"
npx attw "$tarball" --profile node16
npm publish --dry-run "$tarball"
