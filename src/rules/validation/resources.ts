/**
 * Container resources: a port of pkg/apis/core/validation/validation.go (1.28)
 * ValidateResourceRequirements, validateContainerResourceName,
 * ValidateResourceQuantityValue and pkg/apis/core/helper (IsNativeResource,
 * IsExtendedResourceName, IsOvercommitAllowed, IsHugePageResourceName).
 * Limits and requests are compared after decoding, so `1Gi` equals `1073741824`.
 */
import { qualifiedNameErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isObject, obj, required } from './field';
import { parseQuantity, Quantity } from './quantity';

const STANDARD_RESOURCES = ['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims',
  'configmaps', 'requests.storage', 'services.nodeports', 'services.loadbalancers', 'storage'];
const CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.') && qualifiedNameErrors(`requests.${name}`).length === 0;
}

function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

/** k8s: validateResourceName + validateContainerResourceName */
function resourceNameErrors(name: string, path: string): Errors {
  const errs = invalidEach(path, name, qualifiedNameErrors(name));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_RESOURCES.includes(name) && !isHugePages(name)) {
      return [invalid(path, name, 'must be a standard resource type or fully qualified', 'use cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed extended resource such as nvidia.com/gpu')];
    }
    if (!CONTAINER_RESOURCES.includes(name) && !isHugePages(name)) {
      return [invalid(path, name, 'must be a standard resource for containers', 'containers request cpu, memory, ephemeral-storage, hugepages-<size> or extended resources')];
    }
  } else if (!isNative(name) && !isExtended(name)) {
    return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** The decoded quantities of a requests/limits map (values that do not decode are decoding errors, reported by api-decoding). */
function quantities(map: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(obj(map))) {
    const q = parseQuantity(raw);
    if (q !== undefined) out.set(name, q);
  }
  return out;
}

const HUGE_PAGE_SIZE = /^hugepages-(.+)$/;

/** k8s: validateResourceQuantityHugePageValue (helper.IsHugePageResourceValueDivisible) */
function hugePageErrors(name: string, q: Quantity, path: string): Errors {
  const m = HUGE_PAGE_SIZE.exec(name);
  if (m === null) return [];
  const size = parseQuantity(m[1]);
  if (size === undefined || size.value <= 0) return [];
  const divisible = q.value > 0 && Number.isInteger(q.value / size.value) && Number.isInteger(q.value);
  return divisible ? [] : [invalid(path, q.text, `${q.text} is not positive integer multiple of ${name}`)];
}

/** k8s: ValidateResourceQuantityValue */
function quantityValueErrors(name: string, q: Quantity, path: string): Errors {
  const errs: Errors = [];
  if (q.value < 0) errs.push(invalid(path, q.text, 'must be greater than or equal to 0', 'resources are never negative'));
  if (isExtended(name) && !Number.isInteger(q.value)) errs.push(invalid(path, q.text, 'must be an integer'));
  return errs;
}

/**
 * k8s: ValidateResourceRequirements. For a Pod (`pod`), SetDefaults_Pod first
 * copies each limit without a request into requests.
 */
export function validateResourceRequirements(given: unknown, path: string, pod = false): Errors {
  if (!isObject(given)) return [];
  const resources = pod && isObject(given.limits) ? { ...given, requests: { ...given.limits, ...obj(given.requests) } } : given;
  const errs: Errors = [];
  const limits = quantities(resources.limits);
  const requests = quantities(resources.requests);
  let cpuOrMemory = false;
  let hugePages = false;
  for (const name of Object.keys(obj(resources.limits))) {
    const at = `${path}.limits[${name}]`;
    errs.push(...resourceNameErrors(name, at));
    const q = limits.get(name);
    if (q !== undefined) errs.push(...quantityValueErrors(name, q, at), ...hugePageErrors(name, q, at));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const name of Object.keys(obj(resources.requests))) {
    const at = `${path}.requests[${name}]`;
    errs.push(...resourceNameErrors(name, at));
    const q = requests.get(name);
    if (q !== undefined) {
      errs.push(...quantityValueErrors(name, q, at));
      const limit = limits.get(name);
      if (limit !== undefined) {
        if (q.value !== limit.value && !isOvercommitAllowed(name)) {
          errs.push(invalid(`${path}.requests`, q.text, `must be equal to ${name} limit of ${limit.text}`));
        } else if (q.value > limit.value) {
          errs.push(invalid(`${path}.requests`, q.text, `must be less than or equal to ${name} limit of ${limit.text}`, 'raise the limit or lower the request'));
        }
      } else if (!isOvercommitAllowed(name) && !Object.prototype.hasOwnProperty.call(obj(resources.limits), name)) {
        errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
      }
    }
    if (q !== undefined) errs.push(...hugePageErrors(name, q, at));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
