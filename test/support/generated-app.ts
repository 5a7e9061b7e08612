// Writes generated cdk8s apps where they can be type-checked with the repo's
// compiler (as a user's app would be, importing 'cdk8s-pod-patterns') and
// executed by Jest (with that import pointed at this checkout's src/).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.join(__dirname, '..', '..');
const SRC_INDEX = path.join(REPO, 'src', 'index.ts');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * A scratch directory under the system's temporary directory, with a
 * `node_modules` link to the checkout's, so that the generated app's imports
 * ('cdk8s', 'cdk8s-plus-28', 'constructs') resolve as in a real app, to the very
 * modules src/ uses (both the compiler and Jest follow the link to its real
 * path). A run that dies before its cleanup leaves nothing in the checkout.
 */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Type-checks `files` (name → source) as one strict app whose tsconfig maps
 * 'cdk8s-pod-patterns' to this checkout; returns the compiler's output ('' when clean).
 */
export function typeCheck(dir: string, files: Record<string, string>): string {
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules', '@types')],
      // paths without baseUrl resolve from this tsconfig (TypeScript 6 deprecates baseUrl)
      paths: { 'cdk8s-pod-patterns': [SRC_INDEX] },
    },
    files: Object.keys(files),
  }, undefined, 2));
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', dir], { encoding: 'utf-8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return `${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}` || String(e);
  }
}

/** Loads a generated app as a module, its 'cdk8s-pod-patterns' import pointed at src/. */
export function loadApp(dir: string, name: string, source: string): any {
  const file = path.join(dir, name);
  const rewritten = source.replace(/from 'cdk8s-pod-patterns';/, `from ${JSON.stringify(path.relative(dir, path.join(REPO, 'src')))};`);
  if (rewritten === source) throw new Error(`${name} does not import 'cdk8s-pod-patterns'`);
  fs.writeFileSync(file, rewritten);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated file is loaded by its path at run time
  return require(file);
}
