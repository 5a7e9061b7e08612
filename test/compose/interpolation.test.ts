import { ComposeError } from '../../src/compose/compose-error';
import { interpolate } from '../../src/compose/interpolation';

// Cases from the compose specification's interpolation section (compose-spec 12-interpolation.md).
const VARS = { SET: 'value', EMPTY: '', NESTED: 'in' };
const where = (reason: string) => new ComposeError('compose.yaml', 'web', 'image', reason);
const run = (text: string) => interpolate(text, VARS, where);

test.each([
  ['$SET', 'value'],
  ['${SET}', 'value'],
  ['a${SET}b$SET.c', 'avalueb' + 'value.c'],
  ['$$SET and $${SET}', '$SET and ${SET}'],
  ['${UNSET:-default}', 'default'],
  ['${EMPTY:-default}', 'default'],
  ['${EMPTY-default}', ''],
  ['${UNSET-default}', 'default'],
  ['${SET:+alt}', 'alt'],
  ['${EMPTY:+alt}', ''],
  ['${EMPTY+alt}', 'alt'],
  ['${UNSET:-${NESTED}-${SET}}', 'in-value'],
  ['${UNSET:-a}}', 'a}'],
  ['no dollars', 'no dollars'],
])('%s → %s', (text, expected) => {
  expect(run(text).value).toBe(expected);
});

test('an unset variable without default becomes "" and is reported', () => {
  expect(run('x${UNSET}y$ALSO')).toEqual({ value: 'xy', unset: ['UNSET', 'ALSO'] });
});

test.each([
  ['${UNSET:?needs a value}', /required variable UNSET is missing a value: needs a value/],
  ['${EMPTY:?}', /required variable EMPTY is missing a value$/],
  ['${UNSET?x}', /required variable UNSET/],
  ['${SET', /without a closing/],
  ['$1', /a "\$" must start \$VAR/],
  ['cost: 5$', /a "\$" must start/],
  ['${1x}', /does not start with a variable name/],
  ['${SET*x}', /unknown operator/],
])('%s is an error naming file, service and key', (text, pattern) => {
  expect(() => run(text)).toThrow(pattern);
  expect(() => run(text)).toThrow(/^compose\.yaml: service "web": image: /);
});

test('${EMPTY?x} does not fail: the variable is set, if empty', () => {
  expect(run('${EMPTY?x}').value).toBe('');
});
