import { ComposeError } from '../../src/compose/compose-error';

test('one line naming file, service and key, even when the reason quotes a multi-line value', () => {
  const error = new ComposeError('compose.yaml', 'web', 'command', 'bad "a\nb\u2028c"');
  expect(error.message).toBe('compose.yaml: service "web": command: bad "a b c"');
  expect(new ComposeError('compose.yaml', undefined, 'servers', 'unknown').message).toBe('compose.yaml: servers: unknown');
});

test('a multi-line key (a YAML complex key) or service name keeps the report on one line', () => {
  expect(new ComposeError('c.yaml', 'a\nb', '{\n  complex:\n}', 'unknown').message).toBe('c.yaml: service "a b": {   complex: }: unknown');
});
