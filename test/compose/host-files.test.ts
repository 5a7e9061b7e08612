import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeUtf8Text, EMBED_MAX_BYTES, judgeFile, readTextFile, resolveHostPath, TEXT_FILE_MAX_BYTES } from '../../src/compose/host-files';

let root: string;
let project: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'host-files-'));
  project = path.join(root, 'project');
  fs.mkdirSync(path.join(project, 'conf'), { recursive: true });
  fs.writeFileSync(path.join(project, 'conf', 'app.conf'), 'listen 80;\n');
  fs.writeFileSync(path.join(root, 'outside.txt'), 'host secret\n');
  fs.symlinkSync(path.join(root, 'outside.txt'), path.join(project, 'link-out'));
  fs.symlinkSync('../outside.txt', path.join(project, 'relative-link-out'));
  fs.symlinkSync(path.join(root, 'gone'), path.join(project, 'dangling-out'));
  fs.symlinkSync('conf/app.conf', path.join(project, 'link-in'));
  fs.symlinkSync('loop-b', path.join(project, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(project, 'loop-b'));
  execFileSync('mkfifo', [path.join(project, 'pipe')]);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveHostPath: only files inside the project, after symlinks', () => {
  test.each([
    ['/etc/localtime', 'an absolute path of the importing machine'],
    ['/dev/zero', 'an absolute path of the importing machine'],
    ['~/.ssh/id_rsa', 'a path in the home directory of the importing machine'],
    ['~', 'a path in the home directory of the importing machine'],
    ['../outside.txt', 'a path outside the project directory'],
    ['conf/../../outside.txt', 'a path outside the project directory'],
    ['./link-out', 'a symlink inside the project that points outside it'],
    ['relative-link-out', 'a symlink inside the project that points outside it'],
    ['dangling-out', 'a symlink inside the project that points outside it'],
  ])('%s is outside: %s', (source, reason) => {
    expect(resolveHostPath(project, source)).toEqual({ kind: 'outside', reason });
  });

  test('a file, also through a symlink that stays inside', () => {
    expect(resolveHostPath(project, './conf/app.conf')).toMatchObject({ kind: 'file', relative: path.join('conf', 'app.conf'), size: 11 });
    expect(resolveHostPath(project, 'link-in')).toMatchObject({ kind: 'file', relative: 'link-in', absolute: fs.realpathSync(path.join(project, 'conf', 'app.conf')) });
  });

  test('a directory, the project itself, a missing path, a FIFO and a symlink loop', () => {
    expect(resolveHostPath(project, './conf')).toEqual({ kind: 'directory', relative: 'conf' });
    expect(resolveHostPath(project, '.')).toEqual({ kind: 'directory', relative: '.' });
    expect(resolveHostPath(project, './data')).toEqual({ kind: 'missing', relative: 'data' });
    expect(resolveHostPath(project, './pipe')).toEqual({ kind: 'special', relative: 'pipe' });
    expect(resolveHostPath(project, './loop-a')).toEqual({ kind: 'unresolvable', relative: 'loop-a', reason: 'a symlink loop' });
  });
});

describe('judgeFile: embed only small UTF-8 text that is not key material', () => {
  function judge(name: string, content: string | Buffer) {
    const file = path.join(project, name);
    fs.writeFileSync(file, content);
    const host = resolveHostPath(project, name);
    if (host.kind !== 'file') throw new Error(`${name} is ${host.kind}`);
    return judgeFile(host);
  }

  test('text is embedded as it is', () => {
    expect(judge('nginx.conf', 'server { listen 80; }\n')).toEqual({ kind: 'text', content: 'server { listen 80; }\n' });
  });

  test.each(['id_rsa', 'id_ed25519', 'tls.key', 'cert.p12', 'store.pfx', '.env', '.env.production'])('%s is a Secret by its name, unread', name => {
    expect(judge(name, 'harmless')).toEqual({ kind: 'secret', reason: 'its name looks like key material or an env file' });
  });

  test('a PEM block makes a Secret, whatever the name', () => {
    expect(judge('notes.txt', 'x\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n'))
      .toEqual({ kind: 'secret', reason: 'it holds a PEM block (key material)' });
  });

  test('binary (a TZif file, NUL bytes, invalid UTF-8) is referenced by name', () => {
    expect(judge('localtime', Buffer.from('TZif2\u0000\u0000\u0000UTC', 'latin1'))).toEqual({ kind: 'by-name', reason: 'it is not UTF-8 text' });
    expect(judge('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({ kind: 'by-name', reason: 'it is not UTF-8 text' });
  });

  test(`the cap is ${EMBED_MAX_BYTES} bytes: at the cap embedded, one more byte by name`, () => {
    expect(judge('at-cap.txt', 'a'.repeat(EMBED_MAX_BYTES)).kind).toBe('text');
    expect(judge('over-cap.txt', 'a'.repeat(EMBED_MAX_BYTES + 1))).toEqual({ kind: 'by-name', reason: 'it is larger than 64 KiB' });
  });
});

test('decodeUtf8Text keeps tabs and newlines, refuses other control characters', () => {
  expect(decodeUtf8Text(Buffer.from('a\tb\r\nc\f'))).toBe('a\tb\r\nc\f');
  expect(decodeUtf8Text(Buffer.from('a\u0000b'))).toBeUndefined();
  expect(decodeUtf8Text(Buffer.from('a\u001bb'))).toBeUndefined();
});

describe('readTextFile: a regular UTF-8 file under the cap, or why not', () => {
  test('a file, a directory, a FIFO (without blocking), a missing path', () => {
    expect(readTextFile(path.join(project, 'conf', 'app.conf'))).toEqual({ text: 'listen 80;\n' });
    expect(readTextFile(path.join(project, 'conf'))).toEqual({ problem: 'is a directory, not a file' });
    expect(readTextFile(path.join(project, 'pipe'))).toEqual({ problem: 'is not a regular file (a FIFO, socket or device)' });
    expect(readTextFile(path.join(project, 'nope'))).toEqual({ problem: 'does not exist' });
    expect(readTextFile('/dev/zero')).toEqual({ problem: 'is not a regular file (a FIFO, socket or device)' });
  });

  test('a file over the cap is refused from its size, before reading it', () => {
    const big = path.join(root, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, TEXT_FILE_MAX_BYTES + 1);
    expect(readTextFile(big)).toEqual({ problem: 'is larger than 4 MiB' });
  });
});
