import { EntryKind, LintIo } from '../../src/cli/lint-command';
import { nodeIo } from '../../src/cli/main';

/** A real-filesystem `LintIo` whose output is captured and whose stdin and extra files are given. */
export interface CapturedIo extends LintIo {
  readonly out: string[];
  readonly err: string[];
  stdoutText(): string;
  stderrText(): string;
}

export function captureIo(options: { stdin?: string | Uint8Array; files?: Record<string, string | Uint8Array> } = {}): CapturedIo {
  const real = nodeIo();
  const files = options.files ?? {};
  const out: string[] = [];
  const err: string[] = [];
  return {
    readFile: (filePath) => (filePath in files ? toBytes(files[filePath]) : real.readFile(filePath)),
    readStdin: () => toBytes(options.stdin ?? ''),
    pathKind: (filePath) => (filePath in files ? EntryKind.FILE : real.pathKind(filePath)),
    listDirectory: (dirPath) => real.listDirectory(dirPath),
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    out,
    err,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
  };
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf-8') : content;
}
