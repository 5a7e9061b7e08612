import { errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// Cases from pkg/apis/core/validation/validation_test.go TestValidatePodDNSConfig, TestValidateHostAliases, TestValidatePodSpec.
describe('Pod spec fields', () => {
  test('dnsPolicy None needs dnsConfig with nameservers', () => {
    expect(messages(pod({ dnsPolicy: 'None' }), 'api-pod-dns')).toEqual([expect.stringMatching(/^spec\.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None/)]);
    expect(errors(pod({ dnsPolicy: 'None', dnsConfig: { searches: ['a.b'] } }))).toEqual(['api-pod-dns spec.dnsConfig.nameservers']);
    expect(errors(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['10.0.0.10'] } }))).toEqual([]);
  });

  test('nameservers are IP addresses, at most 3; search domains DNS subdomains, at most 32', () => {
    expect(errors(pod({ dnsConfig: { nameservers: ['dns.example.com'] } }))).toEqual(['api-pod-dns spec.dnsConfig.nameservers[0]']);
    expect(errors(pod({ dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] } }))).toEqual(['api-pod-dns spec.dnsConfig.nameservers']);
    expect(errors(pod({ dnsConfig: { searches: Array.from({ length: 33 }, (_, i) => `d${i}.example`) } }))).toEqual(['api-pod-dns spec.dnsConfig.searches']);
    expect(errors(pod({ dnsConfig: { searches: ['svc.cluster.local.'] } }))).toEqual([]);
  });

  test('hostAliases: IP addresses and DNS subdomains', () => {
    expect(errors(pod({ hostAliases: [{ ip: 'not-an-ip', hostnames: ['Bad_Host'] }] }))).toEqual(['api-pod-dns spec.hostAliases.hostnames', 'api-pod-dns spec.hostAliases.ip']);
    expect(errors(pod({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['db.local'] }] }))).toEqual([]);
  });

  test('with hostNetwork, a Pod\'s unset hostPorts become containerPorts (defaultHostNetworkPorts), so equal containerPorts clash', () => {
    const containers = [{ name: 'a', image: 'busybox:1.36.1', ports: [{ containerPort: 8080 }] }, { name: 'b', image: 'busybox:1.36.1', ports: [{ containerPort: 8080 }] }];
    const api = (obj: any) => errors(obj).filter((e) => e.startsWith('api-'));
    expect(api(pod({ hostNetwork: true, containers }))).toEqual(['api-pod-fields spec.containers[1].ports[0].hostPort']);
    expect(api(pod({ containers }))).toEqual([]);
  });

  test.each([
    [{ hostname: 'a'.repeat(64) }, 'spec.hostname'],
    [{ subdomain: 'Bad_Sub' }, 'spec.subdomain'],
    [{ activeDeadlineSeconds: 0 }, 'spec.activeDeadlineSeconds'],
    [{ nodeSelector: { 'bad key': 'x' } }, 'spec.nodeSelector'],
    [{ serviceAccountName: 'Bad_Name' }, 'spec.serviceAccountName'],
    [{ preemptionPolicy: 'Always' }, 'spec.preemptionPolicy'],
    [{ readinessGates: [{ conditionType: 'bad condition' }] }, 'spec.readinessGates[0].conditionType'],
    [{ schedulingGates: [{ name: 'a' }, { name: 'a' }] }, 'spec.schedulingGates[1]'],
    [{ os: { name: 'Linux' } }, 'spec.os'],
  ])('%j is refused at %s', (fields, path) => {
    expect(errors(pod(fields))).toContain(`api-pod-fields ${path}`);
  });
});

// RelaxedDNSSearchValidation: {1.32 Alpha false}, {1.33 Beta true}; validation.go validatePodDNSConfig with
// opts.AllowRelaxedDNSSearchValidation (PR #127167, v1.32.0): IsDNS1123SubdomainWithUnderscore, and a lone ".".
// Cases from validation_test.go TestValidatePodDNSConfigWithRelaxedSearchDomain.
describe('dnsConfig.searches per Kubernetes release (RelaxedDNSSearchValidation)', () => {
  const V = KubernetesVersion;
  const searching = (...searches: string[]): any => pod({ dnsConfig: { searches } });

  test.each([['_sip._tcp.abc_d.example.com'], ['abc_d.example.com'], ['.'], ['_abc.example.com.']])('%j is refused up to 1.32, accepted from 1.33', (search) => {
    for (const version of [V.V1_28, V.V1_31, V.V1_32]) expect(errors(searching(search), version)).toEqual(['api-pod-dns spec.dnsConfig.searches[0]']);
    for (const version of [V.V1_33, V.V1_34, V.V1_35]) expect(errors(searching(search), version)).toEqual([]);
  });

  test.each([['..'], ['_.example.com'], ['abc_.example.com'], ['-abc.example.com'], ['Upper.example.com']])('%j is refused on every release', (search) => {
    for (const version of V.all()) expect(errors(searching(search), version)).toEqual(['api-pod-dns spec.dnsConfig.searches[0]']);
  });

  test('the relaxed message names the underscore', () => {
    expect(messages(searching('a..b'), 'api-pod-dns', V.V1_33)).toEqual([
      'spec.dnsConfig.searches[0]: Invalid value: "a..b": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'_\', \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*\')',
    ]);
  });
});
