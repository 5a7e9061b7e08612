export { InitGatedApp } from './apps/init-gated-app';
export type { InitGatedAppProps } from './apps/init-gated-app';
export { ImageReference } from './image/image-reference';
export { KubernetesVersion } from './k8s/kubernetes-version';
export { PodPatternsValidation } from './plugin/pod-patterns-validation';
export type { PodPatternsValidationProps } from './plugin/pod-patterns-validation';
export type { PodPatternsOptions } from './pods/pod-patterns-options';
export { PodPatterns } from './pods/pod-patterns';
export type { PodPatternsApplyOptions } from './pods/pod-patterns';
export { WarningPolicy } from './pods/warning-policy';
export { SafePod } from './pods/safe-pod';
export type { SafePodProps } from './pods/safe-pod';
export { DockerRestart } from './policy/docker-restart';
export { WorkloadRestartPolicy } from './policy/restart-policy';
export { SecurityProfile } from './policy/security-profile';
export { WorkloadKind } from './policy/workload-kind';
export { Severity } from './rules/finding';
export type { Finding, SuppressedFinding } from './rules/finding';
export { WaitFor } from './waiters/wait-for';
export type { WaitForGateOptions, WaitForServiceOptions } from './waiters/wait-for';
export type {
  IValidationContext,
  IValidationLogger,
  IValidationReport,
  ValidationViolatingResource,
  ValidationViolation,
} from './plugin/pod-patterns-validation';
export { ManifestLinter } from './rules/manifest-linter';
export type { ManifestLintOptions } from './rules/manifest-linter';
export { RuleCatalog } from './rules/catalog';
export type { RuleDescription } from './rules/catalog';
export { ComposeImporter } from './compose/compose-importer';
export type { ComposeImportOptions } from './compose/compose-importer';
export { Explanation } from './explain/explanation';
export type { ExplainOptions, ReadinessAssumption } from './explain/explanation';
