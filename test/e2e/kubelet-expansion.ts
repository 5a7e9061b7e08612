/**
 * The kubelet's `$(VAR_NAME)` expansion of a container's command, args and env
 * values, ported from Kubernetes 1.28 third_party/forked/golang/expansion/expand.go
 * (`Expand`, `tryReadVariableName`, `MappingFuncFor`).
 *
 * - `$(NAME)` becomes the value of NAME when NAME is defined, and stays as written otherwise;
 * - `$$` becomes `$` (the escape);
 * - `$` followed by anything else stays as written.
 */
export function expandKubernetesReferences(input: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] === '$' && cursor + 1 < input.length) {
      out += input.slice(checkpoint, cursor);
      const { read, isVar, advance } = tryReadVariableName(input.slice(cursor + 1));
      // k8s: MappingFuncFor leaves an unknown $(NAME) as written (syntaxWrap).
      out += isVar ? (vars.get(read) ?? `$(${read})`) : read;
      cursor += advance;
      checkpoint = cursor + 1;
    }
  }
  return out + input.slice(checkpoint);
}

function tryReadVariableName(input: string): { read: string; isVar: boolean; advance: number } {
  if (input[0] === '$') {
    // k8s: the escaped operator, so "$$" yields "$".
    return { read: '$', isVar: false, advance: 1 };
  }
  if (input[0] === '(') {
    const closer = input.indexOf(')', 1);
    if (closer !== -1) {
      return { read: input.slice(1, closer), isVar: true, advance: closer + 1 };
    }
    // k8s: an incomplete reference is kept.
    return { read: '$(', isVar: false, advance: 1 };
  }
  return { read: `$${input[0]}`, isVar: false, advance: 1 };
}
