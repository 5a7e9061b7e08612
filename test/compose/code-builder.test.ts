import * as vm from 'vm';
import { arr, comment, commentText, literal, obj, render } from '../../src/compose/code-builder';

const HOSTILE = [
  'plain', '\'', '"', '`', '${x}', '`${process.exit(1)}`', '*/', '/*', '\\', '\\\'', '\n', '\r\n', '\u2028', '\u2029',
  '\u0000', '\u001b[31m', '\ud800', 'emoji 😀', '</script>', '\'; throw new Error(); \'',
];

describe('literal', () => {
  test.each(HOSTILE.map(v => [JSON.stringify(v), v]))('%s evaluates back to itself, on one line', (_, value) => {
    const code = literal(value);
    expect(code).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(vm.runInNewContext(code)).toBe(value);
  });

  test('all hostile values together inside generated code', () => {
    const code = `[${HOSTILE.map(literal).join(', ')}]`;
    expect(vm.runInNewContext(code)).toEqual(HOSTILE);
  });
});

describe('comments', () => {
  test.each(HOSTILE.map(v => [JSON.stringify(v), v]))('%s cannot end a // comment or open a block comment end', (_, value) => {
    const line = comment([`note: ${value}`], '');
    expect(line.split('\n')).toHaveLength(2);
    expect(commentText(value)).not.toMatch(/[\n\r\u2028\u2029]|\*\//);
    expect(vm.runInNewContext(`${line}1`)).toBe(1);
  });
});

describe('render', () => {
  test('short literals stay on one line; long ones break with trailing commas', () => {
    expect(render(obj([['a', '1'], ['b', arr(['2', '3'])], ['skipped', undefined]]))).toBe('{ a: 1, b: [2, 3] }');
    const long = render(obj([['key', literal('x'.repeat(150))]]), 4);
    expect(long).toBe(`{\n      key: '${'x'.repeat(150)}',\n    }`);
  });

  test('keys are quoted all or none (eslint quote-props consistent-as-needed)', () => {
    expect(render(obj([['PLAIN', '1'], ['with.dot', '2']]))).toBe('{ \'PLAIN\': 1, \'with.dot\': 2 }');
    expect(render(obj([['PLAIN', '1'], ['other', '2']]))).toBe('{ PLAIN: 1, other: 2 }');
  });
});
