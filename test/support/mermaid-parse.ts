import { spawnSync } from 'child_process';

/**
 * Parses Mermaid text with the real Mermaid parser from npm (`mermaid.parse`),
 * in a child Node process because the package is ESM-only. Returns the diagram
 * type, or throws with the parser's message.
 */
export function parseMermaid(text: string): string {
  const script = `
    import mermaid from 'mermaid';
    const text = require_text();
    function require_text() { return process.argv[1]; }
    try {
      const result = await mermaid.parse(text);
      process.stdout.write(JSON.stringify(result));
    } catch (e) {
      process.stderr.write(String(e && e.message || e));
      process.exit(1);
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, text], { encoding: 'utf8', cwd: __dirname });
  if (run.status !== 0) {
    throw new Error(`Mermaid did not parse it: ${run.stderr}`);
  }
  return JSON.parse(run.stdout).diagramType;
}
