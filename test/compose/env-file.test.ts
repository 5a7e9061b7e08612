import { parseEnvFile } from '../../src/compose/env-file';

test('KEY=VALUE lines, comments, export, quotes, inline comments and value-less names', () => {
  const text = [
    '# comment',
    '',
    'PLAIN=value',
    'SPACED = padded ',
    'export EXPORTED=yes',
    'SINGLE=\'kept $literally # here\'',
    'DOUBLE="line\\nbreak \\"quoted\\""',
    'INLINE=value # comment',
    'HASH=a#b',
    'EMPTY=',
    'NAME_ONLY',
  ].join('\n');
  expect(Object.fromEntries(parseEnvFile(text) as Map<string, string>)).toEqual({
    PLAIN: 'value',
    SPACED: 'padded',
    EXPORTED: 'yes',
    SINGLE: 'kept $literally # here',
    DOUBLE: 'line\nbreak "quoted"',
    INLINE: 'value',
    HASH: 'a#b',
    EMPTY: '',
    NAME_ONLY: undefined,
  });
});

test('an unclosed quote gives its line number', () => {
  expect(parseEnvFile('A=1\r\nB="open\n')).toBe(2);
});
