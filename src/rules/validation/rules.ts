/**
 * The rules of the ported Kubernetes 1.28 validation (issue 13), one per
 * upstream area. Each check returns the API server's own field paths and
 * messages. Registered in src/rules/registry.ts after the older API_RULES.
 */
import { podAdmissionErrors } from './admission';
import { validateAppsSpec } from './apps';
import { DROPPED_ALPHA_FIELD_RULE, PODS_REJECTED_RULE } from './as-the-server-sees-it';
import { validateBatch } from './batch';
import { validateConfigMap, validateNamespace, validateSecret } from './config-data';
import { decodingErrors } from './decoding';
import { droppedObjectFields, droppedPodFields } from './feature-gates';
import { Errors, obj } from './field';
import { validateObjectMeta } from './object-meta';
import { validatePodSpecificAnnotations, validateSeccompAnnotationsAndFields } from './pod-annotations';
import { validatePodFields, validateDNS, validatePodVolumesAndContainers } from './pod-spec';
import { validatePersistentVolumeClaimSpec } from './pvc';
import { validateReplicationControllerSpec } from './replication-controller';
import { validateNodeNameWithSchedulingGates } from './scheduling';
import { validateService } from './service';
import { serviceAllocationErrors } from './service-allocation';
import { validateTemplateLabelsAndAnnotations } from './template-meta';
import { podValidationOptions } from './validation-options';
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { describesPods, PodRuleContext } from '../pod-templates';
import { ObjectRuleContext, Rule, RuleHit, bestPracticeRule, enforcedRule } from '../rule';

export const VALIDATION_RULE = {
  DECODING: 'api-decoding',
  OBJECT_META: 'api-object-meta',
  POD_VOLUMES_CONTAINERS: 'api-pod-volumes-and-containers',
  POD_DNS: 'api-pod-dns',
  POD_FIELDS: 'api-pod-fields',
  APPS_SPEC: 'api-apps-spec',
  BATCH_SPEC: 'api-batch-spec',
  SERVICE_SPEC: 'api-service-spec',
  SERVICE_ALLOCATION: 'api-service-allocation',
  PVC_SPEC: 'api-pvc-spec',
  CONFIG_DATA: 'api-configmap-secret-data',
  NAMESPACE_SPEC: 'api-namespace-spec',
  POD_ADMISSION: 'api-pod-admission',
  PODS_REJECTED: PODS_REJECTED_RULE,
  DROPPED_ALPHA_FIELD: DROPPED_ALPHA_FIELD_RULE,
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

function checkKind(kind: string, validate: (object: any) => Errors): (ctx: ObjectRuleContext) => RuleHit[] {
  return (ctx) => (ctx.kind === kind ? validate(ctx.object) : []);
}

/** The template's path: ValidatePodTemplateSpec reports its metadata's fields without `.metadata` (`spec.template.labels`). */
function templatePath(ctx: PodRuleContext): string {
  return ctx.pod.metadataPath.replace(/\.metadata$/, '');
}

// k8s: ValidateTemplateObjectMeta of a template (a Pod's own metadata is checkObjectMeta's), then ValidatePodSpecificAnnotations
function checkPodMeta(ctx: PodRuleContext): RuleHit[] {
  const annotationsPath = ctx.kind === 'Pod' ? 'metadata.annotations' : `${templatePath(ctx)}.annotations`;
  return [
    ...(ctx.kind === 'Pod' ? [] : validateTemplateLabelsAndAnnotations(ctx.pod.metadata, templatePath(ctx))),
    ...validatePodSpecificAnnotations(obj(ctx.pod.metadata).annotations, obj(ctx.pod.spec), annotationsPath),
  ];
}

// k8s: ValidatePodSpec, then validateSeccompAnnotationsAndFields (ValidatePodCreate, ValidatePodTemplateSpec) and ValidatePodCreate's own checks
function checkPodFields(ctx: PodRuleContext): RuleHit[] {
  return [
    ...validatePodFields(ctx),
    ...validateSeccompAnnotationsAndFields(obj(ctx.pod.metadata).annotations, obj(ctx.pod.spec), ctx.pod.specPath),
    ...(ctx.kind === 'Pod' ? validateNodeNameWithSchedulingGates(obj(ctx.pod.spec), ctx.pod.specPath) : []),
  ];
}

/** What the API server checks on Pods only (ValidatePodCreate, admission plugins): a template that fails it makes Pods that are refused. */
function checkPodsOfTemplate(ctx: PodRuleContext): RuleHit[] {
  if (ctx.kind === 'Pod') return [];
  const refused = [...podAdmissionErrors(ctx), ...validateNodeNameWithSchedulingGates(obj(ctx.pod.spec), ctx.pod.specPath)];
  return refused.map((e) => ({ ...e, message: `the API server accepts this ${ctx.kind} (it checks this on Pods, not templates) but refuses every Pod its controller creates (FailedCreate events, no Pods): ${e.message}` }));
}

/**
 * The allocator's verdict needs the cluster's ranges, which only the user can
 * declare. With MultiCIDRServiceAllocator on (by default from 1.33), ServiceCIDR
 * objects may add ranges the flag does not show, so nothing is certain.
 */
function checkServiceAllocation(ctx: ObjectRuleContext): RuleHit[] {
  const ranges = ctx.facts.serviceIPRanges;
  if (ctx.kind !== 'Service' || ranges === undefined) return [];
  if (isEnabled(FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR, ctx.kubernetesVersion)) return [];
  return serviceAllocationErrors(ctx.object, ranges);
}

/** The api-* rules of the port. */
export const VALIDATION_API_RULES: readonly Rule[] = [
  enforcedRule({
    id: VALIDATION_RULE.DECODING,
    what: 'The object decodes: no unknown fields (strict field validation, the default of `kubectl apply` since 1.27), every value of its field\'s JSON type (numbers unquoted, integers in range), quantities such as `500m` or `1Gi`, base64 in Secret `data` and ConfigMap `binaryData`.',
    why: 'The API server rejects the request before validating it (HTTP 400 BadRequest); with lenient validation it silently drops unknown fields, so the setting has no effect.',
    fix: 'Correct the field name or the value\'s type.',
    reference: 'staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (k8s v1.28) ErrFormatWrong: `ErrFormatWrong = errors.New("quantities must match the regular expression \'" + splitREString + "\'")`; api/openapi-spec/swagger.json (1.28); staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go UnmarshalJSON; pkg/util/intstr IntOrString.UnmarshalJSON',
    checkObject: (ctx) => decodingErrors(ctx.object, ctx.kubernetesVersion),
  }),
  enforcedRule({
    id: VALIDATION_RULE.OBJECT_META,
    what: 'Object and template metadata are valid: name or generateName, label keys and values, annotation keys and their total size (256 KiB), owner references, finalizer names; the annotations a Pod\'s validation reads (mirror Pod, tolerations, deletion cost, seccomp and AppArmor profiles) are valid.',
    why: 'The API server rejects the object (`metadata.labels: Invalid value`, `metadata.annotations: Too long`).',
    fix: 'Label keys are qualified names (`[prefix/]name`, name at most 63 characters), label values at most 63 characters of alphanumerics, `-`, `_`, `.`; keep annotations under 256 KiB in total.',
    reference: 'staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (k8s v1.28) ValidateObjectMetaAccessor: `allErrs = append(allErrs, ValidateAnnotations(meta.GetAnnotations(), fldPath.Child("annotations"))...)`; staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor; pkg/apis/meta/v1/validation ValidateLabels; staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateOwnerReferences; ' + `${VALIDATION_GO} ValidateTemplateObjectMeta, ValidatePodSpecificAnnotations`,
    checkObject: checkObjectMeta,
    checkPod: checkPodMeta,
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_VOLUMES_CONTAINERS,
    what: 'Volumes have exactly one valid source; containers\' env, envFrom, volumeMounts, volumeDevices, resources, securityContext and probe/hook HTTP details are valid.',
    why: 'The API server rejects the Pod, or the workload whose template has the problem.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) validateVolumeSource: \`allErrs = append(allErrs, field.Forbidden(fldPath.Child("secret"), "may not specify more than 1 volume type"))\`; ${VALIDATION_GO} ValidateVolumes, validateVolumeSource, validateContainerCommon, ValidateEnv, ValidateEnvFrom, ValidateVolumeMounts, ValidateResourceRequirements, ValidateSecurityContext`,
    checkPod: validatePodVolumesAndContainers,
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_DNS,
    what: '`dnsPolicy` is supported; with `None`, `dnsConfig.nameservers` is set; nameservers are IP addresses (at most 3); search domains are valid (at most 32); `hostAliases` have IP addresses and valid host names.',
    why: 'The API server rejects the Pod.',
    fix: 'Use IP addresses for nameservers and hostAliases, DNS subdomains for search domains and host names.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) validatePodDNSConfig: \`return append(allErrs, field.Required(fldPath.Child("nameservers"), fmt.Sprintf("must provide at least one DNS nameserver when ...", core.DNSNone)))\`; ${VALIDATION_GO} validateDNSPolicy, validatePodDNSConfig, ValidateHostAliases`,
    checkPod: (ctx) => validateDNS(ctx.pod.spec, ctx.pod.specPath, podValidationOptions(ctx.kubernetesVersion)),
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_FIELDS,
    what: 'The other Pod spec fields are valid: nodeSelector, tolerations, affinity, topology spread, readiness and scheduling gates, security context (matching the seccomp annotations, if any), names of referenced objects, hostname, deadlines, preemption, overhead, OS.',
    why: 'The API server rejects the Pod, or the workload whose template has the problem.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) ValidatePodSpec: \`allErrs = append(allErrs, validateAffinity(spec.Affinity, opts, fldPath.Child("affinity"))...)\`; ${VALIDATION_GO} ValidatePodSpec and the functions it calls, validateSeccompAnnotationsAndFields`,
    checkPod: checkPodFields,
  }),
  enforcedRule({
    id: VALIDATION_RULE.POD_ADMISSION,
    what: 'A Pod gives no `priority` or `preemptionPolicy` other than the ones its priorityClassName implies, and no `overhead` without a runtimeClassName.',
    why: 'The Priority and RuntimeClass admission plugins (on by default) refuse the Pod (403 Forbidden); for a workload, they refuse every Pod its controller creates.',
    fix: 'Set priorityClassName (and preemptionPolicy on the PriorityClass), and runtimeClassName instead of overhead.',
    reference: 'plugin/pkg/admission/priority/admission.go (k8s v1.28) admitPod: `return admission.NewForbidden(a, fmt.Errorf("the integer value of priority (%d) must not be provided in pod spec; priority admission controller computed %d from the given PriorityClass name", *pod.Spec.Priority, priority))`; plugin/pkg/admission/priority/admission.go admitPod; plugin/pkg/admission/runtimeclass/admission.go validateOverhead',
    checkPod: (ctx) => (ctx.kind === 'Pod' ? podAdmissionErrors(ctx) : []),
  }),
  enforcedRule({
    id: VALIDATION_RULE.APPS_SPEC,
    what: 'Deployment, ReplicaSet, DaemonSet, StatefulSet and ReplicationController specs are valid: a non-empty selector that matches the template labels, non-negative counts, a rolling update that can progress (maxSurge and maxUnavailable not both 0, percentages at most 100 %), progressDeadlineSeconds above minReadySeconds, supported strategies and policies.',
    why: 'The API server rejects the object.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: 'pkg/apis/apps/validation/validation.go (k8s v1.28) ValidateDeploymentSpec: `allErrs = append(allErrs, field.Invalid(fldPath.Child("selector"), spec.Selector, "empty selector is invalid for deployment"))`; pkg/apis/apps/validation/validation.go ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateDaemonSetSpec, ValidateStatefulSetSpec; ' + `${VALIDATION_GO} ValidateReplicationControllerSpec, ValidatePodTemplateSpecForRC`,
    checkObject: (ctx) => (ctx.kind === 'ReplicationController' ? validateReplicationControllerSpec(ctx.object) : validateAppsSpec(ctx.kind, ctx.object, ctx.kubernetesVersion)),
  }),
  enforcedRule({
    id: VALIDATION_RULE.BATCH_SPEC,
    what: 'Job and CronJob specs are valid: non-negative counts, completion mode and pod failure policy rules, generated selectors, CronJob schedule syntax (five fields or a descriptor), time zones, concurrency policy, history limits.',
    why: 'The API server rejects the object.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: 'pkg/apis/batch/validation/validation.go (k8s v1.28) validateScheduleFormat: `allErrs = append(allErrs, field.Invalid(fldPath, schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"))`; pkg/apis/batch/validation/validation.go ValidateJob, validateJobSpec, validatePodFailurePolicy, ValidateCronJobCreate, validateScheduleFormat, validateTimeZone; github.com/robfig/cron/v3 ParseStandard',
    checkObject: (ctx) => validateBatch(ctx.kind, ctx.object, ctx.kubernetesVersion),
  }),
  enforcedRule({
    id: VALIDATION_RULE.SERVICE_SPEC,
    what: 'Service specs are valid: ports (named when there are several, unique, in range), target ports, protocols, type, cluster IPs, external IPs (no loopback, link-local or unspecified addresses), nodePort only where a node port exists and in the node port range, session affinity, traffic policies.',
    why: 'The API server rejects the Service.',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) validateServicePort: \`if requireName && len(sp.Name) == 0 { allErrs = append(allErrs, field.Required(fldPath.Child("name"), "")) }\`; ${VALIDATION_GO} ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields, ValidateNonSpecialIP`,
    checkObject: checkKind('Service', validateService),
  }),
  enforcedRule({
    id: VALIDATION_RULE.SERVICE_ALLOCATION,
    what: 'Only when the cluster\'s `--service-cluster-ip-range` is declared (lint `--service-cluster-ip-range`, plugin and engine option `serviceClusterIpRange`): a Service\'s `clusterIP`/`clusterIPs` lie in the range of their family (not its network address, nor an IPv4 range\'s broadcast address), and its `ipFamilies`/`ipFamilyPolicy` ask for no family and no dual-stack the cluster does not have.',
    why: 'The API server\'s IP allocator refuses the Service on create, before validation (`failed to allocate IP`, `not configured on this cluster`, `this cluster is not configured for dual-stack services`).',
    fix: 'Leave clusterIP unset to get a free address, or pick one inside the range; ask only for the IP families the cluster serves (PreferDualStack instead of RequireDualStack on a single-stack cluster).',
    reference: 'pkg/registry/core/service/storage/alloc.go (k8s v1.28) initIPFamilyFields: `el = append(el, field.Invalid(field.NewPath("spec", "ipFamilies").Index(i), ipFamily, "not configured on this cluster"))`; pkg/registry/core/service/storage/alloc.go allocateCreate, initIPFamilyFields, allocIPs; pkg/registry/core/service/ipallocator/bitmap.go New, Range.contains; cmd/kube-apiserver/app/options/validation.go validateClusterIPFlags',
    checkObject: checkServiceAllocation,
  }),
  enforcedRule({
    id: VALIDATION_RULE.PVC_SPEC,
    what: 'PersistentVolumeClaim specs are valid: at least one supported access mode (ReadWriteOncePod alone), a positive storage request, volume mode, storage class name, data source.',
    why: 'The API server rejects the claim.',
    fix: 'Request `resources.requests.storage` (e.g. 1Gi) with `accessModes: [ReadWriteOnce]`.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) ValidatePersistentVolumeClaimSpec: \`allErrs = append(allErrs, field.Required(fldPath.Child("accessModes"), "at least 1 access mode is required"))\`; ${VALIDATION_GO} ValidatePersistentVolumeClaim, ValidatePersistentVolumeClaimSpec`,
    checkObject: checkKind('PersistentVolumeClaim', (object) => validatePersistentVolumeClaimSpec(obj(object.spec), 'spec', true)),
  }),
  enforcedRule({
    id: VALIDATION_RULE.CONFIG_DATA,
    what: 'ConfigMap and Secret data are valid: keys of letters, digits, `-`, `_` and `.`, no key in both data and binaryData, at most 1 MiB in total, the keys each Secret type requires, JSON docker configs.',
    why: 'The API server rejects the object.',
    fix: 'Rename the keys, split the data over several objects, or add the keys the Secret type needs.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) ValidateSecret: \`if totalSize > core.MaxSecretSize { allErrs = append(allErrs, field.TooLong(dataPath, "", core.MaxSecretSize)) }\`; ${VALIDATION_GO} ValidateConfigMap, ValidateSecret`,
    checkObject: (ctx) => (ctx.kind === 'ConfigMap' ? validateConfigMap(ctx.object) : ctx.kind === 'Secret' ? validateSecret(ctx.object) : []),
  }),
  enforcedRule({
    id: VALIDATION_RULE.NAMESPACE_SPEC,
    what: 'Namespace finalizers are standard (`kubernetes`) or domain-qualified names.',
    why: 'The API server rejects the Namespace.',
    fix: 'Use `kubernetes` or a `domain/name` finalizer.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) validateFinalizerName: \`return append(allErrs, field.Invalid(fldPath, stringValue, "name is neither a standard finalizer name nor is it fully qualified"))\`; ${VALIDATION_GO} ValidateNamespace, validateFinalizerName`,
    checkObject: checkKind('Namespace', validateNamespace),
  }),
];

/** The run-time rule of the port: workloads whose Pods the API server will refuse. */
export const VALIDATION_RUNTIME_RULES: readonly Rule[] = [
  enforcedRule({
    id: VALIDATION_RULE.PODS_REJECTED,
    what: 'A workload whose Pods the API server will refuse: the image of a template container has leading or trailing whitespace, a StatefulSet\'s Pod template fails the Pod validation, a template sets what the Priority or RuntimeClass admission plugins refuse, or both nodeName and schedulingGates.',
    why: 'Kubernetes 1.28 accepts the workload (it checks image whitespace on Pods only, and validates a StatefulSet\'s Pod template spec only when its Pods are created), then rejects every Pod its controller creates: the workload exists and never runs a Pod (FailedCreate events).',
    fix: 'Follow the message: it names the field, the bad value and what Kubernetes accepts.',
    reference: `pkg/apis/core/validation/validation.go (k8s v1.28) validateContainerOnlyForPod: \`if len(ctr.Image) != len(strings.TrimSpace(ctr.Image)) {\`; pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForStatefulSet; ${VALIDATION_GO} validateContainerOnlyForPod, ValidatePodSpec, ValidatePodCreate`,
    // Besides its own check (admission on templates), the engine reports here what the api-* Pod rules find that only the Pods' creation rejects (as-the-server-sees-it.ts).
    checkPod: checkPodsOfTemplate,
  }),
];

/** The warning of the port: fields of alpha features that 1.28 drops. */
export const VALIDATION_BEST_PRACTICE_RULES: readonly Rule[] = [
  bestPracticeRule({
    id: VALIDATION_RULE.DROPPED_ALPHA_FIELD,
    what: 'No field of a feature whose gate is off by default in the target Kubernetes release (1.28 unless set; see the Kubernetes versions column) is set: an init container\'s `restartPolicy` other than `Always` (SidecarContainers), `securityContext.procMount` (ProcMountType), `hostUsers` (UserNamespacesSupport), `resizePolicy` (InPlacePodVerticalScaling), resource claims (DynamicResourceAllocation), StatefulSet `maxUnavailable` (MaxUnavailableStatefulSet), Job `backoffLimitPerIndex`/`maxFailedIndexes` (JobBackoffLimitPerIndex), `podReplacementPolicy` (JobPodReplacementPolicy).',
    why: 'The API server drops the field before validation and accepts the object: what the field asks for does not happen. A sidecar whose restartPolicy is dropped becomes an ordinary init container: a default 1.28 server then refuses its probes and lifecycle hooks.',
    fix: 'Enable the feature gate on the control plane (and kubelets), or remove the field.',
    reference: 'pkg/features/kube_features.go (defaults per release: src/k8s/feature-gates.ts); pkg/api/pod/util.go dropDisabledFields; pkg/registry/apps/statefulset/strategy.go; pkg/registry/batch/job/strategy.go',
    checkObject: droppedObjectFields,
    checkPod: droppedPodFields,
  }),
];
