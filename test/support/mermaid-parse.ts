import { spawnSync } from 'child_process';

/**
 * Parses Mermaid texts with the real Mermaid parser from npm (`mermaid.parse`),
 * in one child Node process because the package is ESM-only. Returns each
 * diagram's type, or throws with the parser's message for the first that fails.
 */
export function parseMermaidAll(texts: readonly string[]): string[] {
  const script = `
    import mermaid from 'mermaid';
    const texts = JSON.parse(process.argv[1]);
    const types = [];
    for (const [i, text] of texts.entries()) {
      try {
        types.push((await mermaid.parse(text)).diagramType);
      } catch (e) {
        process.stderr.write('diagram ' + i + ': ' + String(e && e.message || e));
        process.exit(1);
      }
    }
    process.stdout.write(JSON.stringify(types));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(texts)], { encoding: 'utf8', cwd: __dirname });
  if (run.status !== 0) {
    throw new Error(`Mermaid did not parse it: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

/** `parseMermaidAll` for one text. */
export function parseMermaid(text: string): string {
  return parseMermaidAll([text])[0];
}
