import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { violationsOf } from '../../src/rules/engine';
import { RULE } from '../../src/rules/rule-ids';
import { suppressionAnnotationKey, suppressionsOf } from '../../src/rules/suppression';
import { SUPPRESSION_RULES } from '../../src/rules/suppression-rules';

function pod(annotations: Record<string, unknown>): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } };
}

test('bp-invalid-suppression is a warning that cannot suppress itself', () => {
  expect(SUPPRESSION_RULES.map((rule) => [rule.id, rule.severity, rule.suppressible])).toEqual([[RULE.BP_INVALID_SUPPRESSION, 'warning', false]]);
});

test('it reports each annotation that suppresses nothing, at the annotation', () => {
  const obj = pod({ [suppressionAnnotationKey('api-container-name')]: 'x', [suppressionAnnotationKey('bp-bare-pod')]: 'a one-off Pod' });
  expect(violationsOf(obj, SUPPRESSION_RULES)).toEqual([{
    ruleId: RULE.BP_INVALID_SUPPRESSION,
    path: 'metadata.annotations[ignore-check.cdk8s-pod-patterns.io/api-container-name]',
    message: expect.stringContaining('cannot suppress api-container-name'),
  }]);
});

test('it reads the suppressions the engine parsed, not the object again', () => {
  const obj = pod({});
  const parsedElsewhere = suppressionsOf(pod({ [suppressionAnnotationKey('nope')]: 'x' }));
  expect(violationsOf(obj, SUPPRESSION_RULES, {}, parsedElsewhere).map((v) => v.path)).toEqual(['metadata.annotations[ignore-check.cdk8s-pod-patterns.io/nope]']);
});

/** The modules `file` loads at run time (relative imports; `import type` is erased), transitively. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gm)) {
    const target = join(dirname(file), `${match[1]}.ts`);
    if (!seen.has(target)) {
      seen.add(target);
      runtimeImports(target, seen);
    }
  }
  return seen;
}

test('no run-time import cycle through the registry: it loads this module, which does not load it back', () => {
  const rules = join(__dirname, '..', '..', 'src', 'rules');
  const registry = join(rules, 'registry.ts');
  expect(runtimeImports(registry)).toContain(join(rules, 'suppression-rules.ts'));
  expect(runtimeImports(registry)).not.toContain(registry);
});
