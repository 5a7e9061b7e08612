import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIo } from './capture-io';
import { describeInputs, readManifestInputs } from '../../src/cli/manifest-inputs';
import { ManifestInputError } from '../../src/manifests/read-manifests';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n';

describe('readManifestInputs (the walk lint does, for explain)', () => {
  test('stdin named twice is read once', () => {
    const io = captureIo({ stdin: POD });
    const { files } = readManifestInputs(['-', '-'], io, 'cmd');
    expect(files.map(f => f.file)).toEqual(['<stdin>', '<stdin>']);
    expect(files[0]).toBe(files[1]);
  });

  test('a directory is walked recursively, sorted, only *.yaml, *.yml and *.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'b.yml'), POD);
      fs.writeFileSync(path.join(dir, 'a.yaml'), POD);
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
      const { files, malformed } = readManifestInputs([dir], captureIo(), 'cmd');
      expect(files.map(f => path.relative(dir, f.file))).toEqual(['a.yaml', path.join('sub', 'b.yml')]);
      expect(malformed).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a directory without manifests and a missing path are input errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-empty-'));
    try {
      expect(() => readManifestInputs([dir], captureIo(), 'cmd')).toThrow(new ManifestInputError(`${dir}: directory contains no *.yaml, *.yml or *.json file`));
      expect(() => readManifestInputs(['missing.yaml'], captureIo(), 'cmd')).toThrow('missing.yaml: no such file or directory');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('describeInputs shows stdin as <stdin>', () => {
    expect(describeInputs(['a.yaml', '-'])).toBe('a.yaml, <stdin>');
  });
});
