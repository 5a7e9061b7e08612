/**
 * The rules of the ported Kubernetes 1.28 validation (issue 13), one per
 * upstream area. Each check returns the API server's own field paths and
 * messages. Registered in src/rules/registry.ts after the older API_RULES.
 */
import { validatePodFields, validateDNS, validatePodVolumesAndContainers } from './pod-spec';
import { validateObjectMeta } from './object-meta';
import { validateTemplateObjectMeta } from './template-meta';
import { describesPods, PodRuleContext } from '../pod-templates';
import { ObjectRuleContext, Rule, RuleHit, enforcedRule } from '../rule';

export const VALIDATION_RULE = {
  OBJECT_META: 'api-object-meta',
  POD_VOLUMES_CONTAINERS: 'api-pod-volumes-and-containers',
  POD_DNS: 'api-pod-dns',
  POD_FIELDS: 'api-pod-fields',
} as const;

const VALIDATION_GO = 'pkg/apis/core/validation/validation.go';
/** Kinds whose metadata.name api-object-name already checks. */
function nameCheckedElsewhere(kind: string): boolean {
  return kind === 'Service' || describesPods(kind);
}

// k8s: ValidateObjectMeta for the object; ValidateTemplateObjectMeta for its Pod template
function checkObjectMeta(ctx: ObjectRuleContext): RuleHit[] {
  return validateObjectMeta(ctx.kind, ctx.object.metadata, 'metadata', !nameCheckedElsewhere(ctx.kind));
}

function checkTemplateMeta(ctx: PodRuleContext): RuleHit[] {
  return ctx.kind === 'Pod' ? [] : validateTemplateObjectMeta(ctx.pod.metadata, ctx.pod.metadataPath);
}

export const VALIDATION_RULES: readonly Rule[] = [
  enforcedRule({
    id: VALIDATION_RULE.OBJECT_META,
    what: 'Object and template metadata are valid: name or generateName, label keys and values, annotation keys and their total size (256 KiB), finalizer names.',
    why: 'The API server rejects the object (`metadata.labels: Invalid value`, `metadata.annotations: Too long`).',
    fix: 'Label keys are qualified names (`[prefix/]name`, name at most 63 characters), label values at most 63 characters of alphanumerics, `-`, `_`, `.`; keep annotations under 256 KiB in total.',
    reference: 'staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor; pkg/apis/meta/v1/validation ValidateLabels; ' + `${VALIDATION_GO} ValidateTemplateObjectMeta`,
    checkObject: checkObjectMeta,
    checkPod: checkTemplateMeta,
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_VOLUMES_CONTAINERS,
    what: 'Volumes have exactly one valid source; containers\' env, envFrom, volumeMounts, volumeDevices, resources, securityContext and probe/hook HTTP details are valid.',
    why: 'The API server rejects the Pod, or the workload whose template has the problem.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `${VALIDATION_GO} ValidateVolumes, validateVolumeSource, validateContainerCommon, ValidateEnv, ValidateEnvFrom, ValidateVolumeMounts, ValidateResourceRequirements, ValidateSecurityContext`,
    checkPod: (ctx) => validatePodVolumesAndContainers(ctx),
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_DNS,
    what: '`dnsPolicy` is supported; with `None`, `dnsConfig.nameservers` is set; nameservers are IP addresses (at most 3); search domains are valid (at most 32); `hostAliases` have IP addresses and valid host names.',
    why: 'The API server rejects the Pod.',
    fix: 'Use IP addresses for nameservers and hostAliases, DNS subdomains for search domains and host names.',
    reference: `${VALIDATION_GO} validateDNSPolicy, validatePodDNSConfig, ValidateHostAliases`,
    checkPod: (ctx) => validateDNS(ctx.pod.spec, ctx.pod.specPath),
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_FIELDS,
    what: 'The other Pod spec fields are valid: nodeSelector, tolerations, affinity, topology spread, readiness and scheduling gates, security context, names of referenced objects, hostname, deadlines, preemption, overhead, OS.',
    why: 'The API server rejects the Pod, or the workload whose template has the problem.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `${VALIDATION_GO} ValidatePodSpec and the functions it calls`,
    checkPod: validatePodFields,
  }),
];
