/**
 * Services at the edges of the Service IP allocator (Kubernetes 1.28
 * pkg/registry/core/service/storage/alloc.go initIPFamilyFields and allocIPs,
 * pkg/registry/core/service/ipallocator/bitmap.go New and Range.contains), for
 * a server started with `--service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/108`:
 * the corpus's mutated Services seldom reach them. Recorded with
 * `record.ts --service-range-edges` next to the corpus's Services.
 */
import { GeneratedObject } from './generate';

/** One edge: what it tries, as the operator name, and the Service's spec fields. */
const EDGES: ReadonlyArray<[string, Record<string, unknown>]> = [
  // allocIPs, bitmap.go contains: each family's IP in its own range; not the network address, not IPv4's broadcast
  ['range.v6InRange', { clusterIP: 'fd00:10:96::a', clusterIPs: ['fd00:10:96::a'] }],
  ['range.v6OutOfRange', { clusterIP: 'fd00::1', clusterIPs: ['fd00::1'] }],
  ['range.v6Network', { clusterIP: 'fd00:10:96::', clusterIPs: ['fd00:10:96::'] }],
  ['range.v6LastOfBitmap', { clusterIP: 'fd00:10:96::ffff', clusterIPs: ['fd00:10:96::ffff'] }],
  ['range.v6BeyondBitmap', { clusterIP: 'fd00:10:96::1:0', clusterIPs: ['fd00:10:96::1:0'] }],
  ['range.v6Last', { clusterIP: 'fd00:10:96::f:ffff', clusterIPs: ['fd00:10:96::f:ffff'] }],
  ['range.v4Network', { clusterIP: '10.96.0.0' }],
  ['range.v4Broadcast', { clusterIP: '10.111.255.255' }],
  ['range.v4LastUsable', { clusterIP: '10.111.255.254' }],
  ['range.v4First', { clusterIP: '10.96.0.1' }],
  ['range.v4LeadingZeros', { clusterIP: '010.096.000.010' }],
  ['range.v4MappedV6', { clusterIP: '::ffff:10.96.0.10' }],
  ['range.v6UpperCase', { clusterIP: 'FD00:10:96::B' }],
  // dual-stack: two IPs, one per family, each checked; a family without an IP is allocated ("" marker in the error)
  ['dual.bothInRange', { ipFamilyPolicy: 'RequireDualStack', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] }],
  ['dual.v6OutOfRange', { ipFamilyPolicy: 'RequireDualStack', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'] }],
  ['dual.v6First', { ipFamilyPolicy: 'PreferDualStack', clusterIP: 'fd00:10:96::10', clusterIPs: ['fd00:10:96::10', '10.96.0.10'] }],
  ['dual.preferWithOutOfRangeV4', { ipFamilyPolicy: 'PreferDualStack', clusterIP: '10.0.0.10' }],
  ['dual.requireWithOutOfRangeV6', { ipFamilyPolicy: 'RequireDualStack', clusterIP: 'fd00::10' }],
  ['dual.familiesV6V4', { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6', 'IPv4'] }],
  ['dual.requireNoFamilies', { ipFamilyPolicy: 'RequireDualStack' }],
  // initIPFamilyFields: SingleStack with two of anything
  ['policy.singleStackTwoFamilies', { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }],
  ['policy.singleStackTwoIPs', { ipFamilyPolicy: 'SingleStack', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] }],
  ['policy.unsetTwoIPs', { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] }],
  ['policy.v6SingleStack', { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv6'] }],
  // headless: no IP; headless and selectorless defaults to RequireDualStack
  ['headless.selectorless', { clusterIP: 'None', selector: undefined }],
  ['headless.selectorlessSingleStackTwoFamilies', { clusterIP: 'None', selector: undefined, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv6', 'IPv4'] }],
  ['headless.requireDualStack', { clusterIP: 'None', ipFamilyPolicy: 'RequireDualStack' }],
  ['headless.v6', { clusterIP: 'None', ipFamilies: ['IPv6'] }],
  // ValidateServiceClusterIPsRelatedFields, which initIPFamilyFields runs first
  ['related.clusterIPsWithoutClusterIP', { clusterIPs: ['10.96.0.10'] }],
  ['related.familyMismatch', { clusterIP: '10.96.0.10', ipFamilies: ['IPv6'] }],
  ['related.v4MappedAsV6', { clusterIP: '::ffff:10.96.0.10', ipFamilies: ['IPv6'] }],
  ['related.sameFamilyTwice', { ipFamilyPolicy: 'RequireDualStack', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', '10.96.0.11'] }],
  // node ports and load balancers get cluster IPs the same way
  ['type.nodePortV6OutOfRange', { type: 'NodePort', clusterIP: 'fd00::1', clusterIPs: ['fd00::1'] }],
  ['type.loadBalancerDual', { type: 'LoadBalancer', ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6'] }],
];

/** The edge Services, `ServiceRange-<n>`, each a valid Service but for its edge fields. */
export function serviceRangeEdges(): GeneratedObject[] {
  return EDGES.map(([operator, fields], i) => {
    const spec: Record<string, unknown> = { selector: { 'app.kubernetes.io/name': 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) delete spec[key];
      else spec[key] = value;
    }
    return { id: `ServiceRange-${i}`, kind: 'Service', operators: [operator], object: { apiVersion: 'v1', kind: 'Service', metadata: { name: `edge-${i}` }, spec } };
  });
}
