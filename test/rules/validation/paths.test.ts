import { validateLocalDescendingPath, validateLocalNonReservedPath, validatePathNoBacksteps } from '../../../src/rules/validation/paths';

// Cases from pkg/apis/core/validation/validation_test.go TestValidatePathNoBacksteps, TestValidateLocalDescendingPath, TestValidateLocalNonReservedPath.
describe('paths', () => {
  test.each(['a/b/c', 'a/b..c', '..a', 'a..', '/a/b'])('no backsteps: %s', (p) => expect(validatePathNoBacksteps(p, 'f')).toEqual([]));
  test.each(['../a', 'a/../b', 'a/..', '..', 'a\\..\\b'])('backsteps: %s', (p) => expect(validatePathNoBacksteps(p, 'f')).toHaveLength(1));
  test('descending paths are relative', () => {
    expect(validateLocalDescendingPath('/abs', 'f').map((e) => `${e.path}: ${e.message}`)).toEqual(['f: Invalid value: "/abs": must be a relative path']);
    expect(validateLocalDescendingPath('rel/ok', 'f')).toEqual([]);
  });
  test('non-reserved paths do not start with ".." (one error when backsteps already say it)', () => {
    expect(validateLocalNonReservedPath('..data', 'f').map((e) => `${e.path}: ${e.message}`)).toEqual(['f: Invalid value: "..data": must not start with \'..\'']);
    expect(validateLocalNonReservedPath('../data', 'f')).toHaveLength(1);
  });
});
