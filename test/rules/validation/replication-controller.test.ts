import { errors, messages } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go (1.28) TestValidateReplicationController, with
// SetDefaults_ReplicationController (pkg/apis/core/v1/defaults.go) applied first, as the API server does.
const VALID_SELECTOR = { a: 'b' };
function rc(spec: any = {}, templateSpec: any = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'abc' },
    spec: {
      selector: VALID_SELECTOR,
      template: { metadata: { labels: VALID_SELECTOR }, spec: { containers: [{ name: 'abc', image: 'image:1.0' }], ...templateSpec } },
      ...spec,
    },
  };
}
const READ_WRITE_PD = { volumes: [{ name: 'gcepd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }] };

describe('ReplicationController (ValidateReplicationControllerSpec)', () => {
  test('success cases: a matching selector; a read-write GCE PD with one replica; hostNetwork', () => {
    expect(errors(rc())).toEqual([]);
    expect(errors(rc({ replicas: 1 }, READ_WRITE_PD))).toEqual([]);
    expect(errors(rc({ replicas: 1 }, { hostNetwork: true, containers: [{ name: 'abc', image: 'image:1.0', ports: [{ containerPort: 12345, protocol: 'TCP' }] }] }))).toEqual([]);
  });

  test('an empty selector takes the template labels (SetDefaults_ReplicationController); without template labels it is required', () => {
    expect(errors(rc({ selector: undefined }))).toEqual([]);
    expect(errors(rc({ selector: {} }))).toEqual([]);
    const unlabelled = rc({ selector: undefined });
    delete unlabelled.spec.template.metadata.labels;
    expect(errors(unlabelled)).toEqual(['api-apps-spec spec.selector']);
  });

  test('selector_doesnt_match, invalid manifest (no template), negative replicas', () => {
    expect(messages(rc({ selector: { foo: 'bar' } }), 'api-apps-spec')).toEqual([
      expect.stringContaining('spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`'),
    ]);
    expect(errors(rc({ template: undefined }))).toContain('api-apps-spec spec.template');
    expect(errors(rc({ replicas: -1 }))).toEqual(['api-apps-spec spec.replicas']);
    expect(errors(rc({ minReadySeconds: -1 }))).toEqual(['api-apps-spec spec.minReadySeconds']);
  });

  test('read-write persistent disk with > 1 pod (ValidateReadOnlyPersistentDisks)', () => {
    expect(errors(rc({ replicas: 2 }, READ_WRITE_PD))).toEqual(['api-apps-spec spec.template.spec.volumes[0].gcePersistentDisk.readOnly']);
  });

  test('activeDeadlineSeconds is not supported; restartPolicy must be Always', () => {
    expect(messages(rc({}, { activeDeadlineSeconds: 10 }), 'api-apps-spec')).toEqual([
      expect.stringContaining('spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported'),
    ]);
    expect(errors(rc({}, { restartPolicy: 'OnFailure' }))).toEqual(['api-restart-policy spec.template.spec.restartPolicy']);
  });

  test('the template is a Pod template: its spec and annotations are validated like any other', () => {
    expect(errors(rc({}, { containers: [{ name: 'abc', image: 'image:1.0', env: [{ name: 'A B', value: 'x' }] }] }))).toContain('api-pod-volumes-and-containers spec.template.spec.containers[0].env[0].name');
  });
});
