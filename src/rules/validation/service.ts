/**
 * Services: a port of pkg/apis/core/validation/validation.go (1.28)
 * ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields,
 * ValidateNonSpecialIP, validateServiceExternalTrafficPolicy,
 * validateServiceInternalTrafficFieldsValue, after pkg/apis/core/v1/defaults.go
 * SetDefaults_Service and the strategy's clusterIPs normalisation. Node ports
 * are checked against the default --service-node-port-range (30000-32767),
 * which the allocator enforces on create.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, ipErrors, ipv4Bytes, isValidCIDR, parseIPSloppy, portNameErrors, portNumErrors, qualifiedNameErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isInt, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateLabels } from './object-meta';
import { parseIP } from './service-cluster-ip-range';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const FAMILIES = ['IPv4', 'IPv6'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
const KUBELET_PORT = 10250;

/** k8s: ValidateNonSpecialIP */
function nonSpecialIPErrors(ip: string, path: string): Errors {
  const errs: Errors = [];
  const v4 = ipv4Bytes(ip);
  const lower = ip.toLowerCase();
  const unspecified = v4 ? v4.every((b) => b === 0) : /^[:0]+$/.test(lower);
  const loopback = v4 ? v4[0] === 127 : lower === '::1' || /^(0+:){7}0*1$/.test(lower);
  const linkLocal = v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab]/.test(lower);
  const linkLocalMulticast = v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : /^ff02:/.test(lower);
  if (unspecified) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (loopback) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)', 'external IPs route traffic from outside the node'));
  if (linkLocal) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast) errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/** k8s: ValidatePortNumOrName for targetPort, after SetDefaults_Service set an unset, 0 or "" one to the port */
function targetPortErrors(target: unknown, port: unknown, path: string): Errors {
  if (typeof target === 'string' && target !== '') return invalidEach(path, target, portNameErrors(target));
  const value = isInt(target) && target !== 0 ? target : (isInt(port) ? port : 0);
  return invalidEach(path, value, portNumErrors(value));
}

/** k8s: validateServicePort */
function validateServicePort(port: Record<string, any>, requireName: boolean, names: Set<string>, path: string): Errors {
  const errs: Errors = [];
  const name = str(port.name);
  if (requireName && name === '') {
    errs.push(required(`${path}.name`, '', 'a Service with several ports names each of them'));
  } else if (name !== '') {
    errs.push(...invalidEach(`${path}.name`, name, dns1123LabelErrors(name)));
    if (names.has(name)) errs.push({ path: `${path}.name`, message: `Duplicate value: ${JSON.stringify(name)}` });
    names.add(name);
  }
  const number = isInt(port.port) ? port.port : 0;
  errs.push(...invalidEach(`${path}.port`, number, portNumErrors(number)));
  const protocol = isSet(port.protocol) && port.protocol !== '' ? port.protocol : 'TCP';
  if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  errs.push(...targetPortErrors(port.targetPort, port.port, `${path}.targetPort`));
  if (typeof port.appProtocol === 'string') errs.push(...invalidEach(`${path}.appProtocol`, port.appProtocol, qualifiedNameErrors(port.appProtocol)));
  return errs;
}

/** `spec.type` after SetDefaults_Service: an unset or empty type is ClusterIP. */
export function defaultedServiceType(spec: Record<string, any>): string {
  return isSet(spec.type) && spec.type !== '' ? spec.type : 'ClusterIP';
}

/**
 * `spec.clusterIPs` as the registry sees it on create: storage.go
 * normalizeClusterIPs copies `clusterIP` into an empty `clusterIPs`.
 */
export function normalizedClusterIPs(spec: Record<string, any>): string[] {
  const plural = list(spec.clusterIPs).map(str);
  return plural.length > 0 ? plural : (str(spec.clusterIP) !== '' ? [str(spec.clusterIP)] : []);
}

/**
 * k8s: ValidateServiceClusterIPsRelatedFields (not for ExternalName Services).
 * The IP allocator runs it first (alloc.go initIPFamilyFields) and allocates
 * nothing when it fails.
 */
export function validateServiceClusterIPsRelatedFields(spec: Record<string, any>, clusterIPs: string[]): Errors {
  const errs: Errors = [];
  const clusterIP = str(spec.clusterIP);
  if (clusterIP !== '' && clusterIPs.length > 0 && clusterIPs[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', clusterIPs, 'first value must match `clusterIP`'));
  if (clusterIP === '' && clusterIPs.length > 0) errs.push(invalid('spec.clusterIPs', clusterIPs, 'must be empty when `clusterIP` is not specified', 'set clusterIP to clusterIPs[0]'));
  const seen = new Set<string>();
  list(spec.ipFamilies).forEach((family, i) => {
    if (!FAMILIES.includes(family)) errs.push(notSupported(`spec.ipFamilies[${i}]`, family, FAMILIES));
    if (seen.has(family)) errs.push({ path: `spec.ipFamilies[${i}]`, message: `spec.ipFamilies[${i}]: Duplicate value: ${JSON.stringify(family)}` });
    seen.add(family);
  });
  if (isSet(spec.ipFamilyPolicy) && !FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, FAMILY_POLICIES));
  let invalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        invalidIPs = true;
        errs.push(invalid('spec.clusterIPs', clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = ipErrors(ip);
    if (msgs.length > 0) invalidIPs = true;
    errs.push(...invalidEach(`spec.clusterIPs[${i}]`, ip, msgs));
  });
  if (clusterIPs.length > 2) errs.push(invalid('spec.clusterIPs', clusterIPs, 'may only hold up to 2 values'));
  if (invalidIPs) return errs;
  if (clusterIPs.length > 1 && parseIPSloppy(clusterIPs[0]) === parseIPSloppy(clusterIPs[1])) {
    errs.push(invalid('spec.clusterIPs', clusterIPs, 'may specify no more than one IP for each IP family'));
  }
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
  if (!headless) errs.push(...familyMismatchErrors(list(spec.ipFamilies), clusterIPs));
  return errs;
}

// k8s: ValidateServiceClusterIPsRelatedFields, "match clusterIPs to their families"
function familyMismatchErrors(families: unknown[], clusterIPs: string[]): Errors {
  const errs: Errors = [];
  clusterIPs.slice(0, families.length).forEach((ip, i) => {
    // k8s.io/utils/net IsIPv6String: an IPv4-mapped address is not IPv6.
    const v6 = parseIP(ip)?.family === 'IPv6';
    if (families[i] === 'IPv4' && v6) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
    if (families[i] === 'IPv6' && !v6) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
  });
  return errs;
}

/** k8s: ValidateService (spec part; metadata is api-object-name's and api-object-meta's) */
export function validateService(service: any): Errors {
  if (!isObject(service)) return [];
  const spec = obj(service.spec);
  const errs: Errors = [];
  const type = defaultedServiceType(spec);
  const clusterIPs = normalizedClusterIPs(spec);
  const headless = clusterIPs[0] === 'None';
  const ports = list(spec.ports).map(obj);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports', '', 'add the port the Service exposes'));
  if (type === 'LoadBalancer') {
    ports.forEach((p, i) => { if (p.port === KUBELET_PORT) errs.push(invalid(`spec.ports[${i}]`, p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`)); });
    if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  } else if (type === 'NodePort') {
    if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  } else if (type === 'ExternalName') {
    if (clusterIPs.length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (list(spec.ipFamilies).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (isSet(spec.ipFamilyPolicy)) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname !== '') errs.push(...invalidEach('spec.externalName', cname, dns1123SubdomainErrors(cname)));
    else errs.push(required('spec.externalName', '', 'give the DNS name the Service aliases'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (isObject(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = isSet(spec.sessionAffinity) && spec.sessionAffinity !== '' ? spec.sessionAffinity : 'None';
  if (!AFFINITIES.includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, AFFINITIES));
  if (affinity === 'ClientIP') {
    const timeout = obj(obj(spec.sessionAffinityConfig).clientIP).timeoutSeconds;
    if (isInt(timeout) && (timeout <= 0 || timeout > 86400)) {
      errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
    }
  }
  // SetDefaults_Service drops sessionAffinityConfig when sessionAffinity is None: validateServiceSessionAffinity's Forbidden never fires on create.
  if (type !== 'ExternalName') errs.push(...validateServiceClusterIPsRelatedFields(spec, clusterIPs));
  list(spec.externalIPs).forEach((ip, i) => {
    const msgs = ipErrors(str(ip));
    errs.push(...(msgs.length > 0 ? invalidEach(`spec.externalIPs[${i}]`, ip, msgs) : nonSpecialIPErrors(str(ip), `spec.externalIPs[${i}]`)));
  });
  if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  const nodePorts = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const protocol = isSet(p.protocol) && p.protocol !== '' ? p.protocol : 'TCP';
    if (isInt(p.nodePort) && p.nodePort !== 0) {
      if (type === 'ClusterIP') errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'", 'remove nodePort, or use type NodePort'));
      const key = `${protocol}/${p.nodePort}`;
      if (nodePorts.has(key)) errs.push({ path: `spec.ports[${i}].nodePort`, message: `spec.ports[${i}].nodePort: Duplicate value: ${p.nodePort}` });
      nodePorts.add(key);
      if ((type === 'NodePort' || type === 'LoadBalancer') && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)) {
        errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      }
    }
    const key = `${protocol}/${p.port}`;
    if (keys.has(key)) errs.push({ path: `spec.ports[${i}]`, message: `spec.ports[${i}]: Duplicate value: {"protocol":"${protocol}","port":${p.port}}: use each port number once per protocol` });
    keys.add(key);
  });
  const ranges = list(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    if (ranges.some((r) => !isValidCIDR(str(r).trim()))) errs.push(invalid('spec.LoadBalancerSourceRanges', `[${ranges.join(' ')}]`, 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 '));
  }
  if (isSet(spec.allocateLoadBalancerNodePorts) && type !== 'LoadBalancer') errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  if (isSet(spec.loadBalancerClass)) {
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.loadBalancerClass', "may only be used when service type is 'LoadBalancer'"));
    else errs.push(...invalidEach('spec.loadBalancerClass', spec.loadBalancerClass, qualifiedNameErrors(str(spec.loadBalancerClass))));
  }
  const needsExternal = type === 'NodePort' || type === 'LoadBalancer';
  if (!needsExternal && str(spec.externalTrafficPolicy) !== '') {
    errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
  } else if (needsExternal && str(spec.externalTrafficPolicy) !== '' && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  const needsHealthCheck = type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
  if (!needsHealthCheck && isInt(spec.healthCheckNodePort) && spec.healthCheckNodePort !== 0) {
    errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  if (isSet(spec.internalTrafficPolicy) && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  return errs;
}
