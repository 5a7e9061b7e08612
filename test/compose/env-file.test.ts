import { ComposeError } from '../../src/compose/compose-error';
import { envFileExpander, parseEnvFile } from '../../src/compose/env-file';

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

// compose's env-file syntax (docs.docker.com/compose/env-file): unquoted and double-quoted
// values are interpolated, single-quoted ones are literal; earlier lines win over the environment.
test('unquoted and double-quoted values are interpolated, single-quoted ones are not', () => {
  const text = [
    'HOST=dbhost',
    'URL=http://${HOST}:${PORT:-5432}',
    'QUOTED="postgres://${HOST}/app"',
    'LITERAL=\'${HOST}\'',
    'FROM_ENV=${REGION}',
  ].join('\n');
  const expand = envFileExpander({ HOST: 'from-environment', REGION: 'eu-1' }, reason => new ComposeError('x.env', undefined, 'interpolation', reason));
  expect(Object.fromEntries(parseEnvFile(text, expand) as Map<string, string>)).toEqual({
    HOST: 'dbhost',
    URL: 'http://dbhost:5432',
    QUOTED: 'postgres://dbhost/app',
    LITERAL: '${HOST}',
    FROM_ENV: 'eu-1',
  });
});
