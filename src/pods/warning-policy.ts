/**
 * What a synth does with best-practice findings (warnings) on the workloads the
 * library checks.
 *
 * The environment variable `CDK8S_POD_PATTERNS_WARNINGS` (`print`, `ignore` or
 * `fail`) sets it for a whole run, e.g. `fail` in CI; `PodPatterns.setWarningPolicy`
 * sets it in code for a scope and wins over the variable.
 */
export enum WarningPolicy {
  /** Print them once per synth on stderr, grouped by workload; the synth goes on. */
  PRINT = 'print',

  /** Do not check best practices at all. */
  IGNORE = 'ignore',

  /** Report them like errors: the synth fails and writes nothing. */
  FAIL = 'fail',
}

/** The environment variable that sets the warning policy for a run. */
const WARNINGS_ENV = 'CDK8S_POD_PATTERNS_WARNINGS';

/** The policy `CDK8S_POD_PATTERNS_WARNINGS` asks for, or `PRINT`. */
export function warningPolicyFromEnvironment(): WarningPolicy {
  const value = process.env[WARNINGS_ENV];
  if (value === undefined || value === '') return WarningPolicy.PRINT;
  const policy = Object.values(WarningPolicy).find(p => p === value.toLowerCase());
  if (policy === undefined) {
    throw new Error(`${WARNINGS_ENV}="${value}" is not a warning policy: use ${Object.values(WarningPolicy).join(', ')}`);
  }
  return policy;
}
