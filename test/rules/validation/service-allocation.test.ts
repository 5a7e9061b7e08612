import { readFileSync } from 'fs';
import { join } from 'path';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { SecurityProfile } from '../../../src/policy/security-profile';
import { lintObjects } from '../../../src/rules/engine';
import { serviceAllocationErrors } from '../../../src/rules/validation/service-allocation';
import { parseServiceClusterIpRange } from '../../../src/rules/validation/service-cluster-ip-range';

const RULE = 'api-service-allocation';

function service(spec: any): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }], ...spec } };
}

function lint(obj: any, serviceClusterIpRange?: string, kubernetesVersion?: KubernetesVersion) {
  return lintObjects([obj], { profile: SecurityProfile.PRIVILEGED, serviceClusterIpRange, kubernetesVersion });
}

/** `<path>: <message>` of the allocator's findings, the server's wording followed by the fix. */
function allocation(obj: any, range: string): string[] {
  return lint(obj, range).filter((f) => f.ruleId === RULE).map((f) => `${f.path}: ${f.message}`);
}

/** Every case of TestCreateInitIPFields (k8s v1.28.7 storage_test.go), read off the Go source into data. */
interface InitIPFieldsCase {
  readonly cluster: string;
  readonly clusterFamilies: Array<'IPv4' | 'IPv6'>;
  readonly name: string;
  readonly clusterIPs?: string[];
  readonly ipFamilyPolicy?: string;
  readonly ipFamilies?: string[];
  readonly selectorless?: boolean;
  readonly expectError: boolean;
}
const INIT_IP_FIELDS: { ranges: Record<string, string>; cases: InitIPFieldsCase[] } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'create-init-ip-fields-1.28.7.json'), 'utf8'));

/** svctest.MakeService("foo", tweaks...): a ClusterIP Service with one port and the selector k=v. */
function makeService(c: InitIPFieldsCase): any {
  const spec: any = { ports: [{ port: 93, targetPort: 76, protocol: 'TCP' }], sessionAffinity: 'None', type: 'ClusterIP' };
  if (!c.selectorless) spec.selector = { k: 'v' };
  if (c.clusterIPs !== undefined) Object.assign(spec, { clusterIP: c.clusterIPs[0], clusterIPs: c.clusterIPs });
  if (c.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = c.ipFamilyPolicy;
  if (c.ipFamilies !== undefined) spec.ipFamilies = c.ipFamilies;
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo', namespace: 'default' }, spec };
}

describe('api-service-allocation: what the Service IP allocator refuses on create (alloc.go)', () => {
  test('the engine rejects exactly the Services TestCreateInitIPFields expects an error for (520 cases, 4 cluster shapes)', () => {
    expect(INIT_IP_FIELDS.cases.length).toBe(520);
    const wrong = INIT_IP_FIELDS.cases.filter((c) => {
      const flag = c.clusterFamilies.map((family) => INIT_IP_FIELDS.ranges[family]).join(',');
      const rejected = lint(makeService(c), flag).some((f) => f.severity === 'error' && f.ruleId.startsWith('api-'));
      return rejected !== c.expectError;
    }).map((c) => `${c.cluster} ${c.name}: expectError ${c.expectError}`);
    expect(wrong).toEqual([]);
  });

  test('a clusterIP outside the range: the recorded server\'s message (differential corpus Service-21)', () => {
    expect(allocation(service({ clusterIP: '10.0.0.10' }), '10.96.0.0/12')).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.10"]: failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12; '
      + 'leave clusterIP unset to get a free address, or pick one in 10.96.0.0/12 other than its network and broadcast address',
    ]);
    expect(allocation(service({ clusterIP: '10.96.0.10' }), '10.96.0.0/12')).toEqual([]);
  });

  test('RequireDualStack and IPv6 families on a single-stack IPv4 cluster (corpus Service-71, Service-190)', () => {
    const found = allocation(service({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6'] }), '10.96.0.0/12');
    // The engine sorts findings by path.
    expect(found.map((f) => f.split('; ')[0])).toEqual([
      'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
    expect(found[0]).toContain('--service-cluster-ip-range is 10.96.0.0/12');
    expect(allocation(service({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6'] }), '10.96.0.0/12').map((f) => f.split(': ')[0])).toEqual(['spec.ipFamilies[0]']);
    expect(allocation(service({ ipFamilyPolicy: 'RequireDualStack' }), '10.96.0.0/12,fd00:10:96::/108')).toEqual([]);
  });

  test('an IPv6 clusterIP on an IPv4 cluster names the IP\'s index (initIPFamilyFields, "is not configured on this cluster")', () => {
    expect(allocation(service({ clusterIP: 'fd00::10' }), '10.96.0.0/12').map((f) => f.split('; ')[0])).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster',
    ]);
  });

  test('the network address and an IPv4 broadcast address are not handed out (bitmap.go New)', () => {
    expect(allocation(service({ clusterIP: '10.96.0.0' }), '10.96.0.0/12')).toHaveLength(1);
    expect(allocation(service({ clusterIP: '10.111.255.255' }), '10.96.0.0/12')).toHaveLength(1);
    expect(allocation(service({ clusterIP: '10.111.255.254' }), '10.96.0.0/12')).toEqual([]);
  });

  test('dual-stack: the secondary IP is checked against its own range; a missing one shows as "" (allocClusterIPs marker)', () => {
    const flag = '10.96.0.0/12,fd00:10:96::/108';
    const both = { ipFamilyPolicy: 'RequireDualStack', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::1'] };
    expect(allocation(service(both), flag).map((f) => f.split('; ')[0])).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.10","fd00::1"]: failed to allocate IP fd00::1: the provided IP (fd00::1) is not in the valid range. The range of valid IPs is fd00:10:96::/108',
    ]);
    expect(allocation(service({ ipFamilyPolicy: 'PreferDualStack', clusterIP: '10.0.0.1' }), flag).map((f) => f.split('; ')[0])).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.1",""]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
  });

  test('ExternalName and headless Services get no cluster IP; a headless Service without selector may ask for any family', () => {
    expect(allocation(service({ type: 'ExternalName', externalName: 'example.com', ports: [] }), '10.96.0.0/12')).toEqual([]);
    expect(allocation(service({ clusterIP: 'None', ipFamilies: ['IPv6'] }), '10.96.0.0/12').map((f) => f.split(': ')[0])).toEqual(['spec.ipFamilies[0]']);
    expect(allocation(service({ clusterIP: 'None', selector: undefined, ipFamilies: ['IPv6'], ipFamilyPolicy: 'RequireDualStack' }), '10.96.0.0/12')).toEqual([]);
  });

  test('what validation already rejects in the cluster IP fields is not judged again (initIPFamilyFields returns those errors)', () => {
    const badIP = service({ clusterIP: 'bad', ipFamilyPolicy: 'RequireDualStack' });
    expect(serviceAllocationErrors(badIP, parseServiceClusterIpRange('10.96.0.0/12', 'test'))).toEqual([]);
    expect(lint(badIP, '10.96.0.0/12').map((f) => `${f.ruleId} ${f.path}`)).toEqual(['api-service-spec spec.clusterIPs[0]']);
  });

  test('nothing without a declared range; nothing from 1.33, where ServiceCIDR objects may add ranges (MultiCIDRServiceAllocator on)', () => {
    const outside = service({ clusterIP: '10.0.0.10', ipFamilyPolicy: 'RequireDualStack' });
    expect(lint(outside).filter((f) => f.ruleId === RULE)).toEqual([]);
    expect(lint(outside, '10.96.0.0/12', KubernetesVersion.V1_32).filter((f) => f.ruleId === RULE)).toHaveLength(1);
    expect(lint(outside, '10.96.0.0/12', KubernetesVersion.V1_33).filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  test('a bad serviceClusterIpRange throws once, naming the option, the value and the fix', () => {
    expect(() => lint(service({}), '10.96.0.0/12,10.97.0.0/16')).toThrow(
      'serviceClusterIpRange "10.96.0.0/12,10.97.0.0/16" is not a valid --service-cluster-ip-range: --service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP family; give one CIDR, or an IPv4 and an IPv6 CIDR');
  });
});
