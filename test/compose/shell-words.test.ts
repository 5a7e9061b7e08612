import { splitShellWords } from '../../src/compose/shell-words';

// As go-shellwords (used by compose for string commands) splits them: no shell, no expansion.
test.each([
  ['redis-server --save "" --appendonly no', ['redis-server', '--save', '', '--appendonly', 'no']],
  ['  a   b\tc\n', ['a', 'b', 'c']],
  ['echo \'single $HOME "kept"\'', ['echo', 'single $HOME "kept"']],
  ['echo "a \\"b\\" \\\\ \\$x \\n"', ['echo', 'a "b" \\ $x \\n']],
  ['a\\ b c', ['a b', 'c']],
  ['pre"quoted"post', ['prequotedpost']],
  ['sh -c "echo $HOME && ls"', ['sh', '-c', 'echo $HOME && ls']],
  ['', []],
])('%j', (text, words) => {
  expect(splitShellWords(text)).toEqual(words);
});

test.each(['echo "open', 'echo \'open'])('%j has an unclosed quote', text => {
  expect(splitShellWords(text)).toBeUndefined();
});
