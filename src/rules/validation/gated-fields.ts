/**
 * The checks pkg/apis/core/validation/validation.go (1.28) makes on the fields
 * of alpha features, which a server reaches only where their gate is on: where
 * it is off, dropDisabledFields removes the fields first (pkg/api/pod/util.go)
 * and feature-gates.ts warns that they have no effect. The gates are the target
 * release's defaults or what the cluster sets (KubernetesVersion.withFeatureGates);
 * kube-apiserver v1.28.7 started with every such gate on agrees with these
 * checks on the differential corpus (test/differential/corpus-gates-on.json.gz).
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from './apimachinery';
import { duplicate, Errors, forbidden, invalid, invalidEach, isSet, list, notSupported, obj, required, str } from './field';
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { ContainerRef, PodRuleContext } from '../pod-templates';

const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/** k8s: validateResizePolicy (validateContainerCommon) and the init containers' "must not be set" (validateInitContainers). */
function validateResizePolicy(ref: ContainerRef): Errors {
  const policies = ref.container.resizePolicy;
  const path = `${ref.path}.resizePolicy`;
  if (ref.group === 'initContainers' && list(policies).length > 0) {
    return [invalid(path, policies, 'must not be set for init containers')];
  }
  const errs: Errors = [];
  const seen = new Set<string>();
  list(policies).forEach((raw, i) => {
    const policy = obj(raw);
    const resourceName = str(policy.resourceName);
    if (seen.has(resourceName)) errs.push(duplicate(`${path}[${i}]`, resourceName));
    seen.add(resourceName);
    if (resourceName === '') errs.push(required(path));
    else if (!RESIZE_RESOURCES.includes(resourceName)) errs.push(notSupported(path, resourceName, RESIZE_RESOURCES));
    const restartPolicy = str(policy.restartPolicy);
    if (restartPolicy === '') errs.push(required(path));
    else if (!RESIZE_POLICIES.includes(restartPolicy)) errs.push(notSupported(path, restartPolicy, RESIZE_POLICIES));
  });
  return errs;
}

/** The non-empty `spec.resourceClaims[].name` values (k8s: gatherPodResourceClaimNames). */
function podClaimNames(ctx: PodRuleContext): Set<string> {
  return new Set(list(ctx.pod.spec.resourceClaims).map((claim) => str(obj(claim).name)).filter((name) => name !== ''));
}

/** k8s: validateResourceClaimNames (validateResourceRequirements) */
function validateResourceClaimNames(ref: ContainerRef, podClaims: Set<string>): Errors {
  const path = `${ref.path}.resources.claims`;
  const errs: Errors = [];
  const names = new Set<string>();
  list(obj(ref.container.resources).claims).forEach((raw, i) => {
    const name = str(obj(raw).name);
    if (name === '') {
      errs.push(required(`${path}[${i}]`));
      return;
    }
    if (names.has(name)) errs.push(duplicate(`${path}[${i}]`, name));
    names.add(name);
    if (!podClaims.has(name)) {
      const known = podClaims.size === 0 ? ' which is empty' : `: ${[...podClaims].sort().join(', ')}`;
      errs.push({ path: `${path}[${i}]`, message: `Not found: ${JSON.stringify(name)}: must be one of the names in pod.spec.resourceClaims${known}` });
    }
  });
  return errs;
}

/** k8s: validatePodResourceClaims, validatePodResourceClaim, validatePodResourceClaimSource (ValidateResourceClaimName: NameIsDNSSubdomain) */
function validatePodResourceClaims(ctx: PodRuleContext): Errors {
  const path = `${ctx.pod.specPath}.resourceClaims`;
  // ValidatePodSpec gets the Pod's metadata only for a Pod (ValidatePodTemplateSpec passes nil).
  const podName = ctx.kind === 'Pod' ? str(obj(ctx.object.metadata).name) : undefined;
  const errs: Errors = [];
  const names = new Set<string>();
  list(ctx.pod.spec.resourceClaims).forEach((raw, i) => {
    const claim = obj(raw);
    const at = `${path}[${i}]`;
    const name = str(claim.name);
    const source = obj(claim.source);
    if (name === '') {
      errs.push(required(`${at}.name`));
    } else if (names.has(name)) {
      errs.push(duplicate(`${at}.name`, name));
    } else {
      const nameErrs = invalidEach(`${at}.name`, name, dns1123LabelErrors(name));
      errs.push(...nameErrs);
      if (nameErrs.length === 0 && podName !== undefined && isSet(source.resourceClaimTemplateName)) {
        const claimName = `${podName}-${name}`;
        errs.push(...dns1123SubdomainErrors(claimName).map((detail) => invalid(`${at}.name`, claimName, `final ResourceClaim name: ${detail}`)));
      }
      names.add(name);
    }
    errs.push(...validateClaimSource(source, `${at}.source`));
  });
  return errs;
}

function validateClaimSource(source: Record<string, any>, path: string): Errors {
  const byName = isSet(source.resourceClaimName);
  const byTemplate = isSet(source.resourceClaimTemplateName);
  const errs: Errors = [];
  if (byName && byTemplate) errs.push(invalid(path, source, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'));
  if (!byName && !byTemplate) errs.push(invalid(path, source, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'));
  for (const field of ['resourceClaimName', 'resourceClaimTemplateName']) {
    if (isSet(source[field])) errs.push(...invalidEach(`${path}.${field}`, str(source[field]), dns1123SubdomainErrors(str(source[field]))));
  }
  return errs;
}

/** k8s: validateHostUsers (the field names are upstream's, `HostPID` and `HostIPC` capitalised); validateWindows' hostUsers is pod-spec.ts validateOS's */
function validateHostUsers(ctx: PodRuleContext): Errors {
  const spec = ctx.pod.spec;
  const p = ctx.pod.specPath;
  if (spec.hostUsers !== false) return [];
  const errs: Errors = [];
  if (spec.hostNetwork === true) errs.push(forbidden(`${p}.hostNetwork`, 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostPID === true) errs.push(forbidden(`${p}.HostPID`, 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostIPC === true) errs.push(forbidden(`${p}.HostIPC`, 'when `pod.Spec.HostUsers` is false'));
  return errs;
}

/** The checks of the gated fields whose gate is on where the run's release runs. */
export function validateGatedPodFields(ctx: PodRuleContext): Errors {
  const version = ctx.kubernetesVersion;
  const resize = isEnabled(FeatureGate.IN_PLACE_POD_VERTICAL_SCALING, version);
  const claims = isEnabled(FeatureGate.DYNAMIC_RESOURCE_ALLOCATION, version);
  const errs: Errors = [];
  if (claims) errs.push(...validatePodResourceClaims(ctx));
  const podClaims = claims ? podClaimNames(ctx) : new Set<string>();
  for (const ref of ctx.containers) {
    if (ref.group === 'ephemeralContainers') continue;
    if (resize) errs.push(...validateResizePolicy(ref));
    if (claims) errs.push(...validateResourceClaimNames(ref, podClaims));
  }
  if (isEnabled(FeatureGate.USER_NAMESPACES_SUPPORT, version)) errs.push(...validateHostUsers(ctx));
  return errs;
}
