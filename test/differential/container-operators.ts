/**
 * Mutation operators of the corpus' fifth round (generate.ts CORPUS_ROUNDS):
 * container fields that 1.28's validation checks against the rest of the Pod
 * (other containers, volumes, the restart policy). pkg/apis/core/validation/validation.go
 * (functions named per operator).
 */
import { RC } from './gap-operators';
import { appContainer, ensure, op, Operator, podSpecOf, POD_KINDS } from './operators';

const WITH_RC = [...POD_KINDS, RC];

export const CONTAINER_OPERATORS: readonly Operator[] = [
  // validateInitContainers / validateContainers: names unique across init and app containers
  op('containers.nameClash', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    ensure(spec, 'initContainers', []).push({ name: r.pick(['web', 'setup', 'other']), image: 'busybox:1.36.1', command: ['true'] });
  }),
  // ValidateVolumeMounts / ValidateVolumeDevices: a PVC as a block device, a mount and a device of one volume, devicePath clashes
  op('containers.blockDevice', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    spec.volumes.push({ name: 'block', persistentVolumeClaim: { claimName: 'raw' } });
    const c = appContainer(obj);
    const choice = r.int(4);
    if (choice === 0) {
      c.volumeDevices = [{ name: 'block', devicePath: '/dev/xvdb' }];
    } else if (choice === 1) {
      c.volumeDevices = [{ name: 'block', devicePath: '/dev/xvdb' }];
      c.volumeMounts.push({ name: 'block', mountPath: '/block' });
    } else if (choice === 2) {
      c.volumeDevices = [{ name: 'block', devicePath: '/tmp' }];
    } else {
      c.volumeDevices = [{ name: 'work', devicePath: '/dev/xvdc' }];
    }
  }),
  // ValidateVolumeMounts: subPathExpr with subPath, read-only projections, mountPropagation on an init container
  op('containers.mountCombos', WITH_RC, (obj, r) => {
    const c = appContainer(obj);
    const mount = r.pick([
      { name: 'tmp', mountPath: '/sub', subPath: 'a', subPathExpr: '$(POD_NAME)' }, { name: 'tmp', mountPath: '/sub', subPathExpr: '$(POD_NAMESPACE)/x' },
      { name: 'tmp', mountPath: '/sub', mountPropagation: 'HostToContainer' }, { name: 'tmp', mountPath: '/tmp/' }, { name: 'tmp', mountPath: '/tmp/../tmp' },
      { name: 'tmp', mountPath: '/' }, { name: 'tmp', mountPath: 'C:\\data' },
    ]);
    c.volumeMounts.push({ ...mount });
  }),
  // validateProbe / validateLifecycle / validateInitContainers: handlers on app containers and sidecars
  op('containers.probeCombos', WITH_RC, (obj, r) => {
    const c = appContainer(obj);
    const probe = r.pick([
      { httpGet: { port: 'http' } }, { httpGet: { port: 'missing' } }, { tcpSocket: { port: 'http' } }, { grpc: { port: 8080, service: 'health' } },
      { exec: { command: ['true'] }, successThreshold: 1, failureThreshold: 1, periodSeconds: 1, timeoutSeconds: 1 },
      { httpGet: { port: 8080, httpHeaders: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] } }, { httpGet: { port: 8080, path: '' } },
    ]);
    c[r.pick(['livenessProbe', 'readinessProbe', 'startupProbe'])] = probe;
    if (r.chance(0.3)) c.lifecycle = { postStart: { httpGet: { port: 'http', scheme: 'HTTPS' } }, preStop: { tcpSocket: { port: 8080 } } };
  }),
  // ValidateEnv: dependent variables, valueFrom combinations
  op('containers.envCombos', WITH_RC, (obj, r) => {
    const c = appContainer(obj);
    c.env.push(r.pick([
      { name: 'A', value: '$(MODE)-$(MISSING)' }, { name: 'MODE', value: 'dup' }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } },
      { name: 'C', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['example.com/x']" } } }, { name: 'D', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } },
      { name: 'E', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }, { name: 'F', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Mi' } } },
    ]));
  }),
  // validateContainerPorts across containers (names unique per container only) and hostPort clashes
  op('containers.portCombos', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    spec.containers.push({ name: 'side', image: 'busybox:1.36.1', ports: [r.pick([{ name: 'http', containerPort: 9090 }, { containerPort: 8080 }, { containerPort: 8080, hostPort: 8080 }])] });
    if (r.chance(0.5)) appContainer(obj).ports[0].hostPort = 8080;
  }),
];
