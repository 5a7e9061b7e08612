/**
 * What the Service IP allocator refuses on create, given the cluster's declared
 * `--service-cluster-ip-range`: a port of Kubernetes 1.28
 * pkg/registry/core/service/storage/alloc.go allocateCreate,
 * initIPFamilyFields (create: no old object) and allocClusterIPs/allocIPs, with
 * pkg/registry/core/service/ipallocator/bitmap.go Range.allocate (dry-run: only
 * the range is checked, not whether the address is taken).
 *
 * The registry runs the allocator in BeginCreate, before validation: when it
 * refuses, the server reports only its errors (storage.go beginCreate).
 * Validation's own errors are api-service-spec's; this module adds nothing when
 * ValidateServiceClusterIPsRelatedFields fails, as initIPFamilyFields returns
 * those instead.
 */
import { Errors, invalid, isObject, isSet, obj, str } from './field';
import { defaultedServiceType, normalizedClusterIPs, validateServiceClusterIPsRelatedFields } from './service';
import { formatIP, IPFamily, parseIP, rangeContains, rangeOfFamily, ServiceIPRanges } from './service-cluster-ip-range';

const NONE = 'None';

/** The Service's fields the allocator reads, after SetDefaults_Service and normalizeClusterIPs. */
interface AllocationView {
  readonly clusterIP: string;
  readonly clusterIPs: string[];
  readonly ipFamilies: string[];
  readonly ipFamilyPolicy: string;
  readonly selectorless: boolean;
}

/** k8s: Allocators.allocateCreate (IP part): the errors the API server returns for `service` on a cluster with `ranges`. */
export function serviceAllocationErrors(service: any, ranges: ServiceIPRanges): Errors {
  if (!isObject(service)) return [];
  const spec = obj(service.spec);
  const type = defaultedServiceType(spec);
  // initIPFamilyFields and allocClusterIPs: "can not do anything here", "external name don't get ClusterIPs"
  if (type === 'ExternalName') return [];
  const clusterIPs = normalizedClusterIPs(spec);
  if (validateServiceClusterIPsRelatedFields(spec, clusterIPs).length > 0) return [];
  const view: AllocationView = {
    clusterIP: str(spec.clusterIP),
    clusterIPs,
    ipFamilies: (Array.isArray(spec.ipFamilies) ? spec.ipFamilies : []).map(str),
    ipFamilyPolicy: isSet(spec.ipFamilyPolicy) ? str(spec.ipFamilyPolicy) : '',
    selectorless: !isObject(spec.selector) || Object.keys(spec.selector).length === 0,
  };
  const families = initIPFamilyFields(view, ranges);
  return Array.isArray(families) ? allocClusterIPs(view, families, ranges) : families.errors;
}

/**
 * k8s: initIPFamilyFields on create: the Service's IP families (defaulted from
 * the cluster's and inferred from the given cluster IPs), or its errors.
 */
function initIPFamilyFields(view: AllocationView, ranges: ServiceIPRanges): IPFamily[] | { errors: Errors } {
  const headlessSelectorless = view.clusterIP === NONE && view.selectorless;
  // "Special-case: headless + selectorless defaults to dual"; otherwise a create is SingleStack.
  const policy = view.ipFamilyPolicy !== '' ? view.ipFamilyPolicy : (headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
  const families = [...view.ipFamilies] as IPFamily[];
  const errors: Errors = [];
  if (policy === 'SingleStack') {
    if (view.clusterIPs.length === 2) errors.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (view.ipFamilies.length === 2) errors.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  errors.push(...inferFamiliesFromClusterIPs(view.clusterIPs, families, ranges));
  if (errors.length > 0) return { errors };
  // Headless + selectorless: any families go (no IP is allocated), "nothing more needed here".
  if (headlessSelectorless) return families;
  if (policy === 'RequireDualStack' && ranges.secondary === undefined) {
    errors.push(invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services', `the cluster's ${rangesText(ranges)}; use PreferDualStack or SingleStack`));
  }
  families.forEach((family, i) => {
    if (rangeOfFamily(ranges, family) === undefined) {
      errors.push(invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster', `the cluster's ${rangesText(ranges)}`));
    }
  });
  if (errors.length > 0) return { errors };
  if (families.length === 0) families.push(ranges.primary.family);
  if (policy !== 'SingleStack' && families.length === 1 && ranges.secondary !== undefined) {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  return families;
}

/** k8s: initIPFamilyFields, "Infer IPFamilies[] from ClusterIPs[]": appends to `families`, returns the errors. */
function inferFamiliesFromClusterIPs(clusterIPs: string[], families: IPFamily[], ranges: ServiceIPRanges): Errors {
  const errors: Errors = [];
  for (let i = 0; i < clusterIPs.length && clusterIPs[i] !== NONE; i++) {
    const family = parseIP(clusterIPs[i])!.family;
    if (i < families.length) continue;
    if (rangeOfFamily(ranges, family) === undefined) {
      errors.push(invalid(`spec.clusterIPs[${i}]`, clusterIPs, `${family} is not configured on this cluster`, `the cluster's ${rangesText(ranges)}`));
    } else {
      families.push(family);
    }
  }
  return errors;
}

/** k8s: allocClusterIPs and allocIPs (dry-run): each given cluster IP must lie in its family's range. */
function allocClusterIPs(view: AllocationView, families: IPFamily[], ranges: ServiceIPRanges): Errors {
  // "headless don't get ClusterIPs"
  if (view.clusterIPs[0] === NONE) return [];
  // Families without a given IP get "" ("just a marker"), which the error's value shows.
  const withMarkers = families.map((_, i) => view.clusterIPs[i] ?? '');
  for (const [i, family] of families.entries()) {
    const given = withMarkers[i];
    if (given === '') continue;
    const range = rangeOfFamily(ranges, family)!;
    const ip = parseIP(given)!;
    if (!rangeContains(range, ip)) {
      const notInRange = `the provided IP (${formatIP(ip)}) is not in the valid range. The range of valid IPs is ${range.cidr}`;
      return [invalid('spec.clusterIPs', withMarkers, `failed to allocate IP ${given}: ${notInRange}`, `leave clusterIP unset to get a free address, or pick one in ${range.cidr} other than its network${range.family === 'IPv4' ? ' and broadcast' : ''} address`)];
    }
  }
  return [];
}

function rangesText(ranges: ServiceIPRanges): string {
  return `--service-cluster-ip-range is ${ranges.flag}`;
}
