/**
 * Splits a command string into words as compose does for the string forms of
 * `command`, `entrypoint` and `healthcheck: test` (shell-word splitting, as
 * go-shellwords does it, without running a shell): blanks separate words,
 * single quotes keep everything literally, double quotes keep everything but
 * `\"`, `\\`, `\$` and `` \` ``, and a backslash outside quotes escapes the
 * next character. Nothing is expanded.
 *
 * @returns the words, or `undefined` when a quote is not closed
 */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '\'' | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '\'') {
      if (c === '\'') quote = undefined; else word += c;
    } else if (quote === '"') {
      if (c === '"') {
        quote = undefined;
      } else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c === '\'' || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) return undefined;
  if (inWord) words.push(word);
  return words;
}
