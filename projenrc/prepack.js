// `npm pack` (and jsii-pacmak, which runs it) calls this first.
// 1. The tarball holds lib/ as compiled: refuse to pack a clone that was never compiled.
// 2. The bundled yaml ships a CommonJS build for Node (dist/), a second build for
//    browsers (browser/) and typings; lib/ loads only dist/*.js (lib's .d.ts never
//    mention yaml). npm packs a bundled dependency by its own `files` list, but
//    honours an .npmignore in its subdirectories: these leave the rest out.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
for (const built of ['lib/index.js', '.jsii']) {
  if (!fs.existsSync(path.join(root, built))) {
    process.stderr.write(`prepack: ${built} is missing: compile first (npx projen compile), then npm pack\n`);
    process.exit(1);
  }
}

// 3. The bundled js-yaml (lint's fast reader) likewise: lib/ loads dist/js-yaml.cjs.js only;
//    its dependency argparse serves only its command-line tool, which nothing runs.
const ignores = {
  'yaml': { browser: '*\n', dist: '*.d.ts\n*.d.mts\n' },
  'js-yaml': { 'dist/browser': '*\n', 'dist': '*.d.ts\n*.mjs\n*.map\n' },
  'argparse': { lib: '*\n' },
};
for (const [pkg, dirs] of Object.entries(ignores)) {
  for (const [dir, rules] of Object.entries(dirs)) {
    const target = path.join(root, 'node_modules', pkg, dir);
    if (fs.existsSync(target)) fs.writeFileSync(path.join(target, '.npmignore'), rules);
  }
}
