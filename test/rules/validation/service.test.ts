import { errors, messages } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateServiceCreate and the findings.
function service(spec: any): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec } };
}

describe('Services', () => {
  test('several ports need names; ports are unique per protocol', () => {
    expect(errors(service({ ports: [{ port: 80 }, { port: 81 }] }))).toEqual(['api-service-spec spec.ports[0].name', 'api-service-spec spec.ports[1].name']);
    expect(errors(service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }))).toEqual(['api-service-spec spec.ports[1]']);
    expect(errors(service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP' }] }))).toEqual([]);
  });

  test('nodePort on ClusterIP; nodePort outside the node port range', () => {
    expect(errors(service({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual(['api-service-spec spec.ports[0].nodePort']);
    expect(errors(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toEqual(['api-service-spec spec.ports[0].nodePort']);
    expect(errors(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
  });

  test('externalIPs: no loopback, link-local or unspecified addresses', () => {
    for (const ip of ['127.0.0.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', '224.0.0.1']) {
      expect(errors(service({ externalIPs: [ip] }))).toEqual(['api-service-spec spec.externalIPs[0]']);
    }
    expect(errors(service({ externalIPs: ['10.0.0.1'] }))).toEqual([]);
  });

  test('a target port defaults to the port, so an invalid port is reported there too', () => {
    expect(errors(service({ ports: [{ port: 0 }] }))).toEqual(['api-service-spec spec.ports[0].port', 'api-service-spec spec.ports[0].targetPort']);
  });

  test('ExternalName needs a DNS name; sessionAffinityConfig with None is dropped by defaulting, not refused', () => {
    expect(errors(service({ type: 'ExternalName' }))).toEqual(['api-service-spec spec.externalName']);
    expect(errors(service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } } }))).toEqual([]);
  });

  // validation.go ValidateServiceClusterIPsRelatedFields: "If ClusterIP is not set, ClusterIPs must also be unset";
  // "match clusterIPs to their families" (4=>6, 6=>4), skipped for a headless Service.
  test('clusterIPs without clusterIP; a cluster IP of another family than its ipFamilies entry', () => {
    expect(messages(service({ clusterIPs: ['10.96.0.10'] }), 'api-service-spec')).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.10"]: must be empty when `clusterIP` is not specified; set clusterIP to clusterIPs[0]',
    ]);
    expect(messages(service({ clusterIP: 'fd00::1', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }), 'api-service-spec')).toEqual([
      'spec.clusterIPs[0]: Invalid value: "fd00::1": expected an IPv4 value as indicated by `ipFamilies[0]`',
    ]);
    expect(errors(service({ clusterIP: '10.96.0.10', ipFamilies: ['IPv6'] }))).toEqual(['api-service-spec spec.clusterIPs[0]']);
    expect(errors(service({ clusterIP: '::ffff:10.96.0.10', ipFamilies: ['IPv6'] }))).toEqual(['api-service-spec spec.clusterIPs[0]']);
    expect(errors(service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::1'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' }))).toEqual([]);
    expect(errors(service({ clusterIP: 'None', ipFamilies: ['IPv6'] }))).toEqual([]);
  });
});
