/**
 * Path checks of pkg/apis/core/validation/validation.go (1.28):
 * validatePathNoBacksteps, validateLocalDescendingPath, validateLocalNonReservedPath.
 */
import { Errors, invalid } from './field';

/** k8s: validatePathNoBacksteps */
export function validatePathNoBacksteps(target: string, path: string): Errors {
  return target.replace(/\\/g, '/').split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

/** k8s: validateLocalDescendingPath */
export function validateLocalDescendingPath(target: string, path: string): Errors {
  const errs: Errors = [];
  if (target.startsWith('/')) errs.push(invalid(path, target, 'must be a relative path'));
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

/** k8s: validateLocalNonReservedPath */
export function validateLocalNonReservedPath(target: string, path: string): Errors {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}
